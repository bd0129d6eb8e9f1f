/**
 * Row classification: each data row is a region's own row, an institution type's subtotal, one institution, or a
 * total row (合计 …), and goes to its region's accumulator. The common path (an institution row of plain numbers)
 * stays short, and every error and rarer kind has a method of its own: V8 re-optimises a function only after a
 * number of ticks that grows with its size, and a deopt in a rare branch would otherwise send the whole row loop back
 * to the interpreter.
 */
import { unitTypes } from "../registry/index.js";
import {
  MAX_TOTAL_ROWS_CHECKED,
  RegionAccumulator,
  RegionStore,
  TALLY_BELOW,
  TALLY_FIRST_EXAMPLE,
  TALLY_LAST_EXAMPLE,
  TALLY_ROWS,
  TALLY_SHORTFALL,
  TALLY_UNREPORTED,
  TALLY_WIDTH,
  TYPE_ROWS,
  TYPE_SUMS,
} from "./accumulators.js";
import { blankAt, cellText, mayBeTotal, trimCell, type CellRange } from "./cells.js";
import type { CsvRecord } from "./csv.js";
import { EXAMPLES_KEPT } from "./examples.js";
import { InstitutionNames } from "./hashset.js";
import { problems, type DiagnosticSink } from "./diagnostics.js";
import { identityCaches, type CodeCell, type YearCell } from "./identity-cache.js";
import { cellOf, type Layout } from "./layout.js";
import type { ReadStats } from "./record.js";
import { RowValues } from "./row-values.js";
import { thresholdMinimum, thresholdValue, type Threshold, type ThresholdsByType } from "./thresholds.js";
import { metrics } from "../registry/index.js";
import { POPULATION, TOTAL_ROW, unitTypeIndex } from "./vocabulary.js";
import { isNotReportedMark } from "./values.js";

export class RowReader {
  /** the regions read so far, by code|year */
  readonly regions = new Map<string, RegionAccumulator>();
  /** the same by code, then year: found without building a key string for every row */
  private readonly byCode = new Map<string, Map<number, RegionAccumulator>>();
  private lastRegion: RegionAccumulator | undefined;
  private readonly caches = identityCaches();
  private readonly numbers: RowValues;
  /** every region's sums, tallies and examples, by region number */
  readonly store: RegionStore;
  /** every region's institution names, while rows come (undefined once they are all read) */
  private names: InstitutionNames | undefined = new InstitutionNames();
  // the region-name and institution-name cells of the row being read, trimmed (one object each for every row)
  private readonly regionNameCell: CellRange = { start: 0, end: 0, length: 0 };
  private readonly unitCell: CellRange = { start: 0, end: 0, length: 0 };

  constructor(
    private readonly layout: Layout,
    private readonly sink: DiagnosticSink,
    private readonly stats: ReadStats,
    private readonly thresholds: readonly Threshold[],
    /** per region, and per unit type (registry index), the thresholds that cover it */
    private readonly thresholdsByType: ThresholdsByType,
    /** --region: whether a code is one of the regions asked for (undefined: every region) */
    private readonly inRegions?: (code: string) => boolean,
  ) {
    this.numbers = new RowValues(layout, sink);
    this.store = new RegionStore(layout.fast.metrics.length, thresholds.length);
  }

  /** The rows are all read: the regions are now only taken, one at a time, from `regions`. */
  done(): void {
    // every duplicate row has been found
    this.names?.release();
    this.names = undefined;
    this.byCode.clear();
    // a code's cell holds its last region: the regions are let go as they are finished
    this.caches.code.clear();
    this.lastRegion = undefined;
  }

  row(rec: CsvRecord): void {
    const layout = this.layout;
    const at = layout.at;
    const line = rec.line;
    if (rec.count !== layout.defs.length) this.cellCount(rec, layout.defs.length);

    // identity cells repeat from row to row: each is parsed once per distinct raw text
    const code = this.caches.code.get(rec, at.region_code);
    const year = this.caches.year.get(rec, at.year);
    const type = this.caches.type.get(rec, at.unit_type);
    // the region's name matters on its first rows and its own row, or when it is a total row's 合计: most rows skip it
    const nameCell = trimCell(rec, at.region, this.regionNameCell);
    const regionTotal =
      nameCell.length > 0 &&
      // the first character says (a full-width form, 0xEF in UTF-8, is read as its ASCII letter)
      (rec.owned[at.region] !== undefined || mayBeTotal(rec, at.region, nameCell) || rec.bytes[nameCell.start] === 0xef) &&
      this.caches.name.get(rec, at.region).total;
    const unit = trimCell(rec, at.unit, this.unitCell);
    let unitName = unit.length <= 12 && mayBeTotal(rec, at.unit, unit) ? cellText(rec, at.unit, unit) : undefined;
    // 小计 / 合计 where an institution's name goes, on a row of one institution type: that type's subtotal row
    // a dash alone where the name goes (a region row of a table that dashes every empty cell) names nothing
    let unitEmpty = unit.length === 0 || (unit.length <= 6 && isNotReportedMark(cellText(rec, at.unit, unit)));
    if (unitName !== undefined && TOTAL_ROW.test(unitName) && type.unitType !== undefined) {
      unitEmpty = true;
      unitName = "";
    }
    const isTotalRow = (unitName !== undefined && unitName !== "" && TOTAL_ROW.test(unitName)) || regionTotal || type.total || code.total;
    if (this.inRegions && code.value !== undefined && !this.inRegions(code.value)) return this.outsideRegions();
    if (code.value === undefined || year.value === undefined) this.identityErrors(code, year, isTotalRow, line);

    const regionRow = isTotalRow || type.regionRow;
    if (!regionRow && type.unitType === undefined) {
      this.sink.add(problems.unknownUnitType(cellOf(layout, line, "unit_type"), type.text));
      return;
    }
    if (regionRow && !unitEmpty && !isTotalRow) {
      this.sink.add(problems.requiredValue(cellOf(layout, line, "unit_type"), "unit-type", cellText(rec, at.unit, unit)));
      return;
    }

    let valid = this.numbers.read(rec);
    const values = this.numbers.values;
    const { subsetChild, subsetParent } = layout;
    for (let p = 0; p < subsetChild.length; p++) {
      if (values[subsetChild[p]!]! > values[subsetParent[p]!]!) {
        this.subsetError(subsetChild[p]!, subsetParent[p]!, line, values);
        valid = false;
      }
    }

    if (isTotalRow) {
      this.totalRow(code.value, year.value, line, valid, values);
      return;
    }
    if (code.value === undefined || year.value === undefined) return;
    let region = code.region;
    if (region?.year !== year.value) code.region = region = this.regionFor(code.value, year.value, line);
    this.lastRegion = region;
    const regionName = !region.name || regionRow ? this.caches.name.get(rec, at.region).text : "";
    if (regionName && !region.name) region.name = regionName;

    if (regionRow) this.regionRow(region, regionName, line, valid, values);
    else if (unitEmpty) this.subtotalRow(rec, region, type.unitType!, type.text, valid, values);
    else this.institutionRow(rec, region, type.typeIndex, unit, valid, values);
  }

  /** A row of a region not asked for (--region): not read, and no total row after it counts for the region before. */
  private outsideRegions(): void {
    this.stats.rows--;
    this.stats.outsideRegions = (this.stats.outsideRegions ?? 0) + 1;
    this.lastRegion = undefined;
  }

  private cellCount(rec: CsvRecord, width: number): void {
    if (rec.count < width) {
      this.sink.add(problems.tooFewCells(rec.line, rec.count, width));
      return;
    }
    for (let i = width; i < rec.count; i++) {
      if (!blankAt(rec, i)) {
        this.sink.add(problems.extraCell(rec.line, i + 1, rec.field(i), rec.count, width));
        return;
      }
    }
  }

  private identityErrors(code: CodeCell, year: YearCell, isTotalRow: boolean, line: number): void {
    const layout = this.layout;
    if (code.blank || (isTotalRow && code.total)) {
      if (!isTotalRow) this.sink.add(problems.requiredValue(cellOf(layout, line, "region_code"), "region-code"));
    } else if (code.value === undefined) {
      this.sink.add(problems.badRegionCode(cellOf(layout, line, "region_code"), code.raw));
    }
    if (year.blank) {
      if (!isTotalRow) this.sink.add(problems.requiredValue(cellOf(layout, line, "year"), "year"));
    } else if (year.value === undefined) {
      this.sink.add(problems.badYear(cellOf(layout, line, "year"), year.raw));
    }
  }

  private subsetError(child: number, parent: number, line: number, values: Float64Array): void {
    const childId = metrics[child]!.id;
    this.sink.add(problems.subsetAboveTotal(cellOf(this.layout, line, childId), values[child]!, metrics[parent]!.id, values[parent]!));
  }

  private totalRow(code: string | undefined, year: number | undefined, line: number, valid: boolean, values: Float64Array): void {
    this.stats.totalRows++;
    // a total row without a code totals the region of the rows before it (a total row's own region does not count)
    const region = code !== undefined && year !== undefined ? this.regionFor(code, year, line) : this.lastRegion;
    if (!region || !valid) return;
    if (region.totalRows.length < MAX_TOTAL_ROWS_CHECKED) region.totalRows.push({ line, values: values.slice() });
    else if (region.totalRowsNotKept++ === 0) region.firstTotalRowNotKept = line;
  }

  private regionRow(region: RegionAccumulator, name: string, line: number, valid: boolean, values: Float64Array): void {
    this.stats.regionRows++;
    if (region.regionLine) {
      this.sink.add(problems.duplicateRow(cellOf(this.layout, line, "region_code"), `${region.code} ${region.year}`, region.regionLine));
      return;
    }
    region.regionLine = line;
    if (name) {
      region.name = name;
      region.namedByRegionRow = true;
    }
    if (Number.isNaN(values[POPULATION]!) && !this.numbers.populationReported(line)) {
      const column = this.layout.position.has("population") ? cellOf(this.layout, line, "population") : { line, column: 1, field: "population" };
      this.sink.add(problems.requiredValue(column, "positive-population"));
    }
    if (valid) region.stated = values.slice();
  }

  private subtotalRow(rec: CsvRecord, region: RegionAccumulator, unitType: string, typeText: string, valid: boolean, values: Float64Array): void {
    const line = rec.line;
    this.stats.subtotalRows++;
    const first = region.subtotalLines.get(unitType);
    if (first) {
      this.sink.add(problems.duplicateRow(cellOf(this.layout, line, "unit_type"), typeText, first));
      return;
    }
    region.subtotalLines.set(unitType, line);
    if (!valid) return;
    const typeIndex = unitTypeIndex.get(unitType)!;
    // the type is among the region's types, with or without institution rows
    this.store.typeRecord(region.index, typeIndex);
    region.subtotals.set(typeIndex, { line, institutions: this.numbers.institutions, values: values.slice() });
  }

  private institutionRow(rec: CsvRecord, region: RegionAccumulator, typeIndex: number, unit: CellRange, valid: boolean, values: Float64Array): void {
    const line = rec.line;
    const column = this.layout.at.unit;
    this.stats.institutionRows++;
    const owned = rec.owned[column];
    const names = this.names!;
    const first =
      owned !== undefined
        ? names.addOrGet(region.index, owned.trim(), line)
        : names.addOrGetRange(region.index, rec.bytes, unit.start, unit.end, line);
    if (first) {
      this.sink.add(problems.duplicateRow(cellOf(this.layout, line, "unit"), cellText(rec, column, unit), first));
      return;
    }
    if (!valid) return;
    const store = this.store;
    const record = store.typeRecord(region.index, typeIndex);
    const sums = store.sums.chunk(record);
    const at = store.sums.offset(record);
    sums[at + TYPE_ROWS]!++;
    const fastMetrics = this.layout.fast.metrics;
    const columns = fastMetrics.length;
    const sum = at + TYPE_SUMS;
    const unreported = sum + columns;
    for (let k = 0; k < columns; k++) {
      const v = values[fastMetrics[k]!]!;
      if (v === v) sums[sum + k]! += v;
      else sums[unreported + k]!++;
    }
    const covering = region.thresholdsByType[typeIndex]!;
    if (covering.length === 0) return;
    const thresholds = this.thresholds;
    const tallies = store.tallies.chunk(region.index);
    const talliesAt = store.tallies.offset(region.index);
    for (let i = 0; i < covering.length; i++) {
      const c = covering[i]!;
      const threshold = thresholds[c]!;
      const tally = talliesAt + c * TALLY_WIDTH;
      tallies[tally + TALLY_ROWS]! += 1;
      const v = thresholdValue(threshold, values);
      const min = thresholdMinimum(threshold, values);
      if (v === v && v >= min) continue;
      if (v !== v || min !== min) tallies[tally + TALLY_UNREPORTED]! += 1;
      else {
        tallies[tally + TALLY_BELOW]! += 1;
        tallies[tally + TALLY_SHORTFALL]! += min - v;
      }
      // every row below the threshold or not reporting it is one of the first EXAMPLES_KEPT or not
      if (tallies[tally + TALLY_BELOW]! + tallies[tally + TALLY_UNREPORTED]! <= EXAMPLES_KEPT) this.example(tallies, tally, rec, unit, typeIndex, v);
    }
  }

  /** Keeps the row as an example of its threshold, at the end of the region's chain for it. */
  private example(tallies: Float64Array, tally: number, rec: CsvRecord, unit: CellRange, typeIndex: number, v: number): void {
    const owned = rec.owned[this.layout.at.unit];
    const e = this.store.examples.add(tallies[tally + TALLY_LAST_EXAMPLE]!, rec.bytes, unit.start, unit.end, owned, typeIndex, rec.line, v);
    if (tallies[tally + TALLY_FIRST_EXAMPLE] === 0) tallies[tally + TALLY_FIRST_EXAMPLE] = e;
    tallies[tally + TALLY_LAST_EXAMPLE] = e;
  }

  private regionFor(code: string, year: number, line: number): RegionAccumulator {
    const last = this.lastRegion;
    if (last && last.code === code && last.year === year) return last;
    let years = this.byCode.get(code);
    if (!years) this.byCode.set(code, (years = new Map()));
    let region = years.get(year);
    if (!region) {
      region = new RegionAccumulator(code, year, line, this.store.addRegion(), this.thresholdsByType.forRegion(code));
      years.set(year, region);
      this.regions.set(`${code}|${year}`, region);
    }
    return region;
  }
}
