/**
 * What the reader keeps of the regions while rows come in. The numbers every institution row adds to are in a few
 * stores shared by all regions and indexed by a region's number (RegionStore): per region and institution type the
 * sums of the file's metric columns and how many rows reported each, and per region the tallies of rows below each
 * threshold asked for. A row in a file in any order then touches a few places in memory, not a dozen objects of its
 * region's, and a region costs only what its rows use: a type with no row in it has no sums.
 *
 * The rest, which only a region's own row, a subtotal or a total row changes, stays in one RegionAccumulator per
 * region.
 */
import { unitTypes } from "../registry/index.js";
import { NumberRecords } from "./chunks.js";
import { ExampleStore } from "./examples.js";
import { LIMITS } from "./limits.js";

/**
 * A threshold's tallies in a region: TALLY_WIDTH numbers per threshold in the region's tallies record, from
 * `TALLY_WIDTH * threshold`. The ends of its chain of examples are example numbers + 1 (0: none yet).
 */
export const TALLY_ROWS = 0;
export const TALLY_BELOW = 1;
export const TALLY_UNREPORTED = 2;
export const TALLY_SHORTFALL = 3;
export const TALLY_FIRST_EXAMPLE = 4;
export const TALLY_LAST_EXAMPLE = 5;
export const TALLY_WIDTH = 6;
/** total rows kept per region to check against its sums: a region has one or a few; the rest are only counted */
export const MAX_TOTAL_ROWS_CHECKED = LIMITS.totalRowsChecked;

/** A subtotal row's stated figures (type subtotal rows are one per region and type). */
export interface Subtotal {
  line: number;
  institutions: number;
  values: Float64Array;
}

export class RegionAccumulator {
  name = "";
  /** the name came from the region's own row, which no later row changes */
  namedByRegionRow = false;
  /** the line of each institution type's subtotal row */
  readonly subtotalLines = new Map<string, number>();
  /** the valid subtotal rows, by the type's registry index */
  readonly subtotals = new Map<number, Subtotal>();
  regionLine = 0;
  stated: Float64Array | undefined;
  readonly totalRows: Array<{ line: number; values: Float64Array }> = [];
  /** total rows past MAX_TOTAL_ROWS_CHECKED: how many, and the first one's line */
  totalRowsNotKept = 0;
  firstTotalRowNotKept = 0;

  constructor(
    readonly code: string,
    readonly year: number,
    readonly firstLine: number,
    /** the region's number in the RegionStore */
    readonly index: number,
    /** per unit type (registry index), the thresholds that cover it and apply to the region */
    readonly thresholdsByType: ReadonlyArray<readonly number[]>,
  ) {}
}

// a type's sums record: how many institution rows, then the sums of the file's K metric columns, then how many rows
// left each empty. The rows that report a column are counted as the rows less those: most rows report every column,
// so a row writes the first 1 + K numbers only, two or three cache lines, not the four or five of both counts.
export const TYPE_ROWS = 0;
export const TYPE_SUMS = 1;

/** One institution type's sums in a region, as finish.ts reads them once every row is read. */
export class TypeAccumulator {
  constructor(
    readonly unitType: string,
    readonly rows: number,
    readonly subtotal: Subtotal | undefined,
    private readonly record: Float64Array,
    private readonly at: number,
    private readonly columns: number,
  ) {}

  /** the sum of the file's metric column k (as in Layout.fast) */
  sum(k: number): number {
    return this.record[this.at + TYPE_SUMS + k]!;
  }

  /** how many rows reported column k */
  reported(k: number): number {
    return this.rows - this.record[this.at + TYPE_SUMS + this.columns + k]!;
  }
}

const TYPE_COUNT = unitTypes.length;

/** Every region's sums and tallies, by region number. */
export class RegionStore {
  /** per region and institution type (region × TYPE_COUNT + type): its sums record's number + 1 (0: none yet) */
  private typeRecords = new Int32Array(64 * TYPE_COUNT);
  private regions = 0;
  /** the sums records (TYPE_ROWS, TYPE_SUMS) */
  readonly sums: NumberRecords;
  /** one record per region, numbered as the regions: TALLY_WIDTH numbers per threshold */
  readonly tallies: NumberRecords;
  readonly examples = new ExampleStore();

  constructor(
    /** the file's metric columns (K) */
    readonly columns: number,
    thresholds: number,
  ) {
    this.sums = new NumberRecords(TYPE_SUMS + 2 * columns, 10);
    this.tallies = new NumberRecords(thresholds * TALLY_WIDTH, 10);
  }

  /** A new region's number. */
  addRegion(): number {
    const region = this.regions++;
    if ((region + 1) * TYPE_COUNT > this.typeRecords.length) {
      const grown = new Int32Array(this.typeRecords.length * 2);
      grown.set(this.typeRecords);
      this.typeRecords = grown;
    }
    this.tallies.add();
    return region;
  }

  /** The number of a region's sums record for a type (its registry index), made at the type's first row. */
  typeRecord(region: number, typeIndex: number): number {
    const slot = region * TYPE_COUNT + typeIndex;
    const record = this.typeRecords[slot]!;
    if (record > 0) return record - 1;
    const made = this.sums.add();
    this.typeRecords[slot] = made + 1;
    return made;
  }

  /** A region's first example under any threshold (its position in the examples' log + 1; 0: none). */
  firstExample(region: number, thresholds: number): number {
    if (thresholds === 0) return 0;
    const chunk = this.tallies.chunk(region);
    const at = this.tallies.offset(region);
    let first = 0;
    for (let t = 0; t < thresholds; t++) {
      const e = chunk[at + t * TALLY_WIDTH + TALLY_FIRST_EXAMPLE]!;
      if (e > 0 && (first === 0 || e < first)) first = e;
    }
    return first;
  }

  /** The types a region has rows or a subtotal of, by id, in registry order. */
  typesOf(acc: RegionAccumulator): Map<string, TypeAccumulator> {
    const types = new Map<string, TypeAccumulator>();
    for (let t = 0; t < TYPE_COUNT; t++) {
      const record = this.typeRecords[acc.index * TYPE_COUNT + t]! - 1;
      if (record < 0) continue;
      const chunk = this.sums.chunk(record);
      const at = this.sums.offset(record);
      types.set(unitTypes[t]!.id, new TypeAccumulator(unitTypes[t]!.id, chunk[at + TYPE_ROWS]!, acc.subtotals.get(t), chunk, at, this.columns));
    }
    return types;
  }
}
