/**
 * What the reader keeps of a region while rows come in: per institution type the sums of the file's metric columns
 * and how many rows reported each, the stated figures of its region and subtotal rows, its total rows, the tallies
 * of rows below each threshold asked for, and its institutions' names for duplicate detection. Numbers live in typed
 * arrays over the file's own columns: a region costs a few KB whatever its rows.
 */
import { unitTypes } from "../registry/index.js";
import { LIMITS } from "./limits.js";
import { CompactStringSet } from "./hashset.js";
import type { InstitutionBelowMinimum } from "./record.js";
import { unitTypeIndex } from "./vocabulary.js";

/** One institution type's sums in a region, over the file's metric columns only (k, as in Layout.fast). */
export class TypeAccumulator {
  rows = 0;
  subtotal: { line: number; institutions: number; values: Float64Array } | undefined;

  /** in the region's `totals`: [base, base + K) the sums of column k, [base + K, base + 2K) how many rows reported it */
  constructor(readonly base: number) {}
}

/**
 * A threshold's tallies in a region: four numbers per threshold in `RegionAccumulator.tallies`, from
 * `TALLY_WIDTH * threshold`.
 */
export const TALLY_ROWS = 0;
export const TALLY_BELOW = 1;
export const TALLY_UNREPORTED = 2;
export const TALLY_SHORTFALL = 3;
export const TALLY_WIDTH = 4;
/** total rows kept per region to check against its sums: a region has one or a few; the rest are only counted */
export const MAX_TOTAL_ROWS_CHECKED = LIMITS.totalRowsChecked;
/** rows below a threshold kept as examples, per region and threshold */
export const EXAMPLES_KEPT = 50;

/**
 * The first institution rows below one threshold in one region, as the report names them, packed while the file is
 * read: a file in any order keeps every region open to its last row, with up to 50 examples per threshold (420,000
 * for 1M rows over 3,000 counties). An object per example cost 56 bytes beside its name; here each name is its own
 * string, and the line, the institution type and the value are two numbers in one array of unboxed doubles.
 */
export class ExampleList {
  private readonly names: string[] = [];
  /** per example: line × TYPE_SLOTS + the type's registry index, then the value (NaN: not reported) */
  private readonly numbers: number[] = [];

  get length(): number {
    return this.names.length;
  }

  add(name: string, typeIndex: number, line: number, value: number): void {
    this.names.push(name);
    this.numbers.push(line * TYPE_SLOTS + typeIndex, value);
  }

  /** The examples as the record gives them, in file order. */
  list(): InstitutionBelowMinimum[] {
    return this.names.map((name, i) => {
      const at = this.numbers[2 * i]!;
      const value = this.numbers[2 * i + 1]!;
      return { name, unitType: unitTypes[at % TYPE_SLOTS]!.id, line: Math.floor(at / TYPE_SLOTS), value: value === value ? value : null };
    });
  }
}
/** more than the registry's institution types: a line and a type index share one number exactly (line < 2^45) */
const TYPE_SLOTS = 256;
if (unitTypes.length > TYPE_SLOTS) throw new Error(`ExampleList: ${unitTypes.length} institution types, at most ${TYPE_SLOTS}`);

export class RegionAccumulator {
  name = "";
  /** the name came from the region's own row, which no later row changes */
  namedByRegionRow = false;
  /** the institutions' names, for duplicate detection */
  readonly names = new CompactStringSet();
  /** the line of each institution type's subtotal row */
  readonly subtotalLines = new Map<string, number>();
  regionLine = 0;
  stated: Float64Array | undefined;
  readonly types = new Map<string, TypeAccumulator>();
  readonly totalRows: Array<{ line: number; values: Float64Array }> = [];
  /** total rows past MAX_TOTAL_ROWS_CHECKED: how many, and the first one's line */
  totalRowsNotKept = 0;
  firstTotalRowNotKept = 0;
  /**
   * per threshold, in the reader's order: rows, below, unreported, shortfall (TALLY_*). Numbers in one typed array,
   * not an object per threshold: fresh objects in every region kept V8 from re-optimising the row loop on big files.
   */
  readonly tallies: Float64Array;
  /** per threshold: the first rows below it or not reporting it */
  readonly examples: ExampleList[];
  /** every unit type's sums, one block of 2K per type (TypeAccumulator.base) */
  readonly totals: Float64Array;
  private readonly slots: Array<TypeAccumulator | undefined> = [];

  constructor(
    readonly code: string,
    readonly year: number,
    readonly firstLine: number,
    thresholds: number,
    private readonly width: number,
  ) {
    this.totals = new Float64Array(unitTypes.length * 2 * width);
    this.tallies = new Float64Array(thresholds * TALLY_WIDTH);
    this.examples = Array.from({ length: thresholds }, () => new ExampleList());
  }

  /** The accumulator of a unit type by id. */
  type(id: string): TypeAccumulator {
    return this.slot(unitTypeIndex.get(id)!);
  }

  /** The accumulator of the unit type with this registry index. */
  slot(index: number): TypeAccumulator {
    let t = this.slots[index];
    if (!t) {
      t = this.slots[index] = new TypeAccumulator(index * 2 * this.width);
      this.types.set(unitTypes[index]!.id, t);
    }
    return t;
  }
}
