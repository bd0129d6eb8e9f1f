/**
 * A row's numbers: every metric column of the file into a Float64Array indexed by metric (NaN: not reported), and
 * the institutions count. Plain digits in range, almost every cell of a real file, were read by the scanner and are
 * taken as they are; anything else goes through the full parsers, which say what is wrong with a cell.
 */
import type { CsvRecord } from "./csv.js";
import { problems, type DiagnosticSink } from "./diagnostics.js";
import type { Layout, MetricColumn } from "./layout.js";
import { LIMITS } from "./limits.js";
import { isBlank, isNotReportedMark, normaliseCell, parseCount, parseFlag, parseScaledCount } from "./values.js";
import { blankAt } from "./cells.js";
import { METRIC_COUNT, POPULATION } from "./vocabulary.js";

export class RowValues {
  /** the current row's value per metric (NaN: none) */
  readonly values = new Float64Array(METRIC_COUNT).fill(NaN);
  /** the current row's institution count (NaN: none) */
  institutions = NaN;
  /** the last line whose population cell had an error (the sink stops storing past its cap, so it is kept here) */
  private populationErrorLine = 0;
  /** per column, the warning about its "—" cells, whose count grows as more are read */
  private readonly notReported = new Map<number, { cells: number }>();

  constructor(
    private readonly layout: Layout,
    private readonly sink: DiagnosticSink,
  ) {}

  /** Reads the row's numbers into `values` and `institutions`; false when a cell is wrong (and reported). */
  read(rec: CsvRecord): boolean {
    const { columns: fastColumns, metrics: fastMetrics, min: fastMin, max: fastMax } = this.layout.fast;
    const values = this.values;
    let valid = true;
    const numbers = rec.numbers;
    const count = rec.count;
    for (let k = 0; k < fastColumns.length; k++) {
      const column = fastColumns[k]!;
      const v = column < count ? numbers[column]! : -1;
      if (v >= fastMin[k]! && v <= fastMax[k]!) {
        values[fastMetrics[k]!] = v;
        continue;
      }
      values[fastMetrics[k]!] = NaN;
      if (column < count && (rec.starts[column] !== rec.ends[column] || rec.owned[column] !== undefined)) {
        valid = this.cellValue(rec, this.layout.metricColumns[k]!) && valid;
      }
    }
    this.institutions = NaN;
    const at = this.layout.at.institutions;
    if (at >= 0 && !blankAt(rec, at)) {
      const raw = rec.field(at);
      const parsed = isNotReportedMark(raw) ? this.notReportedMark(rec.line, at, "institutions", raw) : parseCount(raw, LIMITS.institutions);
      if (parsed === undefined) this.institutions = NaN;
      else if (parsed.ok) this.institutions = parsed.value;
      else {
        this.sink.add(problems.badCount({ line: rec.line, column: at + 1, field: "institutions" }, raw, parsed.reason, LIMITS.institutions));
        valid = false;
      }
    }
    return valid;
  }

  /**
   * A "—" where a figure goes: not reported, as an empty cell is. One warning per column, at its first such cell,
   * counting them all.
   */
  private notReportedMark(line: number, column: number, field: string, raw: string): undefined {
    const seen = this.notReported.get(column);
    if (seen) seen.cells++;
    else {
      const detail = { cells: 1 };
      this.notReported.set(column, detail);
      this.sink.add(problems.notReportedMark({ line, column: column + 1, field }, normaliseCell(raw), detail));
    }
    return undefined;
  }

  /** Whether the row on this line had its population cell reported already. */
  populationReported(line: number): boolean {
    return this.populationErrorLine === line;
  }

  /** A cell that is not plain digits within bounds: the full parsers read it, or say what is wrong with it. */
  private cellValue(rec: CsvRecord, cell: MetricColumn): boolean {
    const valid = this.parseCell(rec, cell);
    if (!valid && cell.metric === POPULATION) this.populationErrorLine = rec.line;
    return valid;
  }

  private parseCell(rec: CsvRecord, { column, metric, def, max, scale }: MetricColumn): boolean {
    const raw = rec.field(column);
    if (isBlank(raw)) return true;
    if (isNotReportedMark(raw)) {
      this.notReportedMark(rec.line, column, def.id, raw);
      return true;
    }
    const cell = { line: rec.line, column: column + 1, field: def.id };
    if (def.kind === "flag") {
      const parsed = parseFlag(raw);
      if (!parsed.ok) {
        this.sink.add(problems.badFlag(cell, raw));
        return false;
      }
      this.values[metric] = parsed.value ? 1 : 0;
      return true;
    }
    const parsed = parseScaledCount(raw, scale, max);
    if (!parsed.ok) {
      if (scale !== 1 && parsed.reason === "fraction") this.sink.add(problems.notWholeAfterScale(cell, raw, scale));
      else this.sink.add(problems.badCount(cell, raw, parsed.reason, max));
      return false;
    }
    if (def.kind === "population" && parsed.value === 0 && def.id !== "rural_population") {
      this.sink.add(problems.zeroPopulation(cell, raw));
      return false;
    }
    this.values[metric] = parsed.value;
    return true;
  }
}
