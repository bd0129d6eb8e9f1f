import { metrics, unitTypes, unitTypesOfGroup, type MetricDef } from "../registry/index.js";
import { CsvScanner, type CsvProblem, type CsvRecord } from "./csv.js";
import { LIMITS } from "./limits.js";
import { columnWithUnit, columns, suggestHeader, type ColumnDef } from "./columns.js";
import { MAX_TITLE_ROWS, concatBytes, delimiterName, detectDelimiter, looksLikeHeader, recordOf } from "./dialect.js";
import { Decoder } from "./decode.js";
import { DiagnosticSink, type Diagnostic, type Expectation } from "./diagnostics.js";
import { CompactStringSet } from "./hashset.js";
import type {
  Figure,
  InstitutionBelowMinimum,
  InstitutionCheckResult,
  InstitutionCheckSpec,
  ReadStats,
  RegionRecord,
  TypeAggregate,
} from "./record.js";
import { isBlank, isNotReportedMark, normaliseCell, parseCount, parseFlag, parseRegionCode, parseScaledCount, parseYear, type ParseFailure } from "./values.js";
import { compareText } from "../compare-text.js";
import { codePointAt, utf8Bytes, utf8Text, whiteAt, whiteBefore } from "./utf8.js";

export interface ReadOptions {
  /** the name diagnostics carry: the path as the user gave it, or "<stdin>" */
  file: string;
  /** per-institution minimums to tally (from the catalogue's per_institution targets) */
  institutionChecks?: readonly InstitutionCheckSpec[];
  /** this reader takes over a UTF-8 file part way, after a record, from a reader that read the start (see ReaderPart) */
  continuation?: Continuation;
  /** only the rows of regions whose code starts with one of these (--region); the others are passed over */
  regions?: readonly string[];
}

/** Where a reader that takes over a file starts: the header it would have read, and the first record's place. */
export interface Continuation {
  header: string[];
  headerLine: number;
  /** the line the first record pushed starts on */
  firstLine: number;
  /** the byte offset in the file of the first byte pushed */
  offset: number;
  /** the byte between cells (dialect.ts), a comma when absent */
  delimiter?: number;
}

/** One region's accumulated rows, as data that can cross to another thread. */
export interface RegionPart {
  code: string;
  year: number;
  firstLine: number;
  name: string;
  namedByRegionRow: boolean;
  names: Uint32Array;
  subtotalLines: Array<[unitType: string, line: number]>;
  regionLine: number;
  stated: Float64Array | undefined;
  types: Array<{ index: number; rows: number; subtotal: TypeAccumulator["subtotal"] }>;
  totals: Float64Array;
  totalRows: Array<{ line: number; values: Float64Array }>;
  checkCounts: Float64Array;
  checkExamples: InstitutionBelowMinimum[][];
}

/** What a continuation reader read: its caller absorbs it into the reader of the file's start. */
export interface ReaderPart {
  regions: RegionPart[];
  diagnostics: Pick<DiagnosticSink, "items" | "errors" | "warnings" | "dropped">;
  problems: CsvProblem[];
  failed: boolean;
  decoderProblem: boolean;
  stats: ReadStats;
  /** total rows without a region of their own before the part's first region: they belong to the reader before */
  orphanTotals: Array<{ line: number; values: Float64Array }>;
}

export interface ReadResult {
  regions: RegionRecord[];
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  stats: ReadStats;
}

const MAX_HEADCOUNT = LIMITS.headcount;
const MAX_POPULATION = LIMITS.population;
const MAX_INSTITUTIONS = LIMITS.institutions;
const EXAMPLES_KEPT = 50;
const REQUIRED = ["region_code", "year"] as const;
const TOTAL_ROW = /^(合计|总计|小计|总合计|全区合计|全县合计|全市合计|total|grand total|subtotal|sum)$/i;

const M = metrics.length;
const metricIndex = new Map(metrics.map((m, i) => [m.id, i]));
const subsetPairs: Array<[child: number, parent: number]> = metrics.flatMap((m, i) =>
  m.subsetOf ? [[i, metricIndex.get(m.subsetOf)!] as [number, number]] : [],
);
const unitTypeByName = new Map<string, string>();
for (const u of unitTypes) for (const name of [u.id, u.zh, u.en, ...u.aliases]) unitTypeByName.set(name.toLowerCase(), u.id);
const REGION_TYPE_NAMES = new Set(["region", "地区", "行政区", "地区合计"]);

type RowKind = "region" | "institution" | "subtotal";

/** One institution type's sums in a region, over the file's metric columns only (k, as in Layout.fast). */
class TypeAccumulator {
  rows = 0;
  subtotal: { line: number; institutions: number; values: Float64Array } | undefined;

  /** in the region's `totals`: [base, base + K) the sums of column k, [base + K, base + 2K) how many rows reported it */
  constructor(readonly base: number) {}
}

/** A per-institution minimum as the reader tallies it: the same for every region. */
interface CheckSpec {
  spec: InstitutionCheckSpec;
  metric: number;
  types: ReadonlySet<string>;
  /** derivedFrom's metric indexes, -1 without */
  whole: number;
  less: number;
  /** of's metric index, -1 without; the minimum in hundredths of a percent */
  of: number;
  basisPoints: number;
}

/** An institution's figure for a check: stated, or derived from two it states. NaN: not reported. */
function checkValue(check: CheckSpec, values: Float64Array): number {
  const v = values[check.metric]!;
  return v === v || check.less < 0 ? v : values[check.whole]! - values[check.less]!;
}

/** The least an institution must have: a fixed headcount, or a share of its own figure rounded up in integers. */
function checkMinimum(check: CheckSpec, values: Float64Array): number {
  if (check.of < 0) return check.spec.min;
  const base = values[check.of]!;
  return base === base ? Math.floor((check.basisPoints * base + 9999) / 10000) : NaN;
}

/** A check's tallies in a region: four numbers per check in `RegionAccumulator.checkCounts`, from `4 * check`. */
const CHECK_ROWS = 0;
const CHECK_FAILING = 1;
const CHECK_UNREPORTED = 2;
const CHECK_SHORTFALL = 3;
const CHECK_COUNTS = 4;

class RegionAccumulator {
  name = "";
  /** the name came from the region's own row, which no later row changes */
  namedByRegionRow = false;
  /** the institutions' names, for duplicate detection */
  names = new CompactStringSet();
  /** the line of each institution type's subtotal row */
  readonly subtotalLines = new Map<string, number>();
  regionLine = 0;
  stated: Float64Array | undefined;
  types = new Map<string, TypeAccumulator>();
  totalRows: Array<{ line: number; values: Float64Array }> = [];
  /**
   * per CheckSpec, in the same order: rows, failing, unreported, shortfall (CHECK_*). Numbers in one typed array,
   * not an object per check: fresh objects in every region kept V8 from re-optimising the row loop on big files.
   */
  readonly checkCounts: Float64Array;
  /** per CheckSpec: the first rows below the minimum or not reporting it */
  readonly checkExamples: InstitutionBelowMinimum[][];
  /** every unit type's sums, one block of 2K per type (TypeAccumulator.base) */
  readonly totals: Float64Array;
  private readonly slots: Array<TypeAccumulator | undefined> = [];

  constructor(
    readonly code: string,
    readonly year: number,
    readonly firstLine: number,
    checks: number,
    private readonly width: number,
  ) {
    this.totals = new Float64Array(unitTypes.length * 2 * width);
    this.checkCounts = new Float64Array(checks * CHECK_COUNTS);
    this.checkExamples = Array.from({ length: checks }, () => []);
  }

  type(id: string): TypeAccumulator {
    let t = this.types.get(id);
    if (!t) this.types.set(id, (t = this.slot(UNIT_TYPE_INDEX.get(id)!)));
    return t;
  }

  toPart(): RegionPart {
    return {
      code: this.code,
      year: this.year,
      firstLine: this.firstLine,
      name: this.name,
      namedByRegionRow: this.namedByRegionRow,
      names: this.names.packedKeys(),
      subtotalLines: [...this.subtotalLines],
      regionLine: this.regionLine,
      stated: this.stated,
      types: [...this.slots.entries()].flatMap(([index, t]) => (t ? [{ index, rows: t.rows, subtotal: t.subtotal }] : [])),
      totals: this.totals,
      totalRows: this.totalRows,
      checkCounts: this.checkCounts,
      checkExamples: this.checkExamples,
    };
  }

  /** Adds a part's rows of the same region, read after this one's; the caller has ruled out duplicates between them. */
  absorb(part: RegionPart): void {
    if (part.namedByRegionRow) {
      this.name = part.name;
      this.namedByRegionRow = true;
    } else if (!this.name) this.name = part.name;
    this.names.addAllNew(part.names);
    for (const [unitType, line] of part.subtotalLines) this.subtotalLines.set(unitType, line);
    if (part.regionLine) {
      this.regionLine = part.regionLine;
      this.stated = part.stated;
    }
    for (const { index, rows, subtotal } of part.types) {
      const t = this.slot(index);
      t.rows += rows;
      if (subtotal) t.subtotal = subtotal;
    }
    for (let i = 0; i < this.totals.length; i++) this.totals[i]! += part.totals[i]!;
    this.totalRows.push(...part.totalRows);
    for (let i = 0; i < this.checkCounts.length; i++) this.checkCounts[i]! += part.checkCounts[i]!;
    part.checkExamples.forEach((examples, c) => {
      const mine = this.checkExamples[c]!;
      for (const example of examples) if (mine.length < EXAMPLES_KEPT) mine.push(example);
    });
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

const UNIT_TYPE_INDEX = new Map(unitTypes.map((u, i) => [u.id, i]));

interface MetricColumn {
  column: number;
  metric: number;
  def: MetricDef;
  max: number;
  /** people per unit of the cell: 10,000 for a column headed 常住人口（万人） */
  scale: number;
}

interface Layout {
  /** column def per header position, undefined for unknown or duplicate columns */
  defs: Array<ColumnDef | undefined>;
  position: Map<string, number>;
  /** where the identity columns are (-1: absent) */
  at: Record<"region_code" | "year" | "unit" | "unit_type" | "region" | "institutions", number>;
  metricColumns: MetricColumn[];
  /** the same as parallel typed arrays, for the per-row loop: a plain-digit cell in [fastMin, fastMax] is taken as read */
  fast: { columns: Int32Array; metrics: Int32Array; min: Float64Array; max: Float64Array };
  /** per metric, its k in `fast` (-1: not in the file) */
  fastIndex: Int32Array;
  /** the metrics an institution type can have a figure or tally of (the file's, the flags), in registry order */
  typeMetrics: number[];
  /** the metrics a region can have a summed or stated figure of (the file's, sums of other metrics), in registry order */
  regionMetrics: number[];
  /** subset pairs (child ≤ parent) whose columns are both in the file */
  subsetChild: Int32Array;
  subsetParent: Int32Array;
}

/**
 * A streaming reader: push the file's bytes as they come, then end() (or close() and take the regions one by one).
 * Memory grows with the number of regions (and a compact key per institution, for duplicate detection), not with
 * the size of the rows.
 */
export class StatisticsReader {
  private readonly sink: DiagnosticSink;
  private readonly decoder = new Decoder();
  private readonly scanner = new CsvScanner();
  private readonly checks: readonly CheckSpec[];
  /** per unit type (registry index), the checks that cover it and whose metric is known */
  private readonly checksByType: ReadonlyArray<readonly number[]>;
  private layout: Layout | undefined;
  private headerLine = 0;
  /** the header's cells as read, for a continuation reader */
  private header_: string[] | undefined;
  private readonly regions = new Map<string, RegionAccumulator>();
  private lastRegion: RegionAccumulator | undefined;
  private readonly codeCache = new CellCache(readCode);
  private readonly yearCache = new CellCache(readYear);
  private readonly typeCache = new CellCache(readType);
  private readonly nameCache = new CellCache(readName);
  private readonly values = new Float64Array(M).fill(NaN);
  /** the current row's institution count (NaN: none) */
  private institutions = NaN;
  /** the last line whose population cell had an error */
  private populationErrorLine = 0;
  private readonly stats: ReadStats = {
    encoding: undefined,
    bom: false,
    lines: 0,
    rows: 0,
    regionRows: 0,
    institutionRows: 0,
    subtotalRows: 0,
    totalRows: 0,
    regions: 0,
    columns: [],
  };
  private readonly onRecord = (record: CsvRecord): void => this.record(record);
  private stopped = false;
  private closed = false;
  private readonly continuation: boolean;
  private readonly orphanTotals: ReaderPart["orphanTotals"] = [];
  // --- the file's dialect (dialect.ts): text held until its delimiter is known, rows held until a header is seen
  private sample: Uint8Array[] | undefined = [];
  private sampleLength = 0;
  private sampleBreaks = 0;
  private readonly beforeHeader: Array<{ cells: string[]; line: number }> = [];
  /** per column, the warning about its "—" cells, whose count grows as more are read */
  private readonly notReported = new Map<number, { cells: number }>();
  /** --region: whether a code is one of the regions asked for (undefined: every region) */
  private readonly inRegions: ((code: string) => boolean) | undefined;

  constructor(options: ReadOptions) {
    this.sink = new DiagnosticSink(options.file);
    this.checks = (options.institutionChecks ?? []).map((spec) => ({
      spec,
      metric: metricIndex.get(spec.metric) ?? -1,
      types: new Set(spec.unitTypes),
      whole: spec.derivedFrom ? (metricIndex.get(spec.derivedFrom[0]) ?? -1) : -1,
      less: spec.derivedFrom ? (metricIndex.get(spec.derivedFrom[1]) ?? -1) : -1,
      of: spec.of !== undefined ? (metricIndex.get(spec.of) ?? -1) : -1,
      basisPoints: Math.round(spec.min * 100),
    }));
    this.checksByType = unitTypes.map((u) => this.checks.flatMap((c, i) => (c.metric >= 0 && c.types.has(u.id) ? [i] : [])));
    this.continuation = options.continuation !== undefined;
    const prefixes = options.regions?.filter((p) => p !== "");
    this.inRegions = prefixes && prefixes.length > 0 ? (code) => prefixes.some((p) => code.startsWith(p)) : undefined;
    if (options.continuation) {
      const { header, headerLine, firstLine, offset } = options.continuation;
      this.scanner.setDelimiter(options.continuation.delimiter ?? this.scanner.cellDelimiter);
      this.sample = undefined;
      this.decoder.continueUtf8(offset);
      // the header's own diagnostics were the first reader's to report
      this.header(header, headerLine);
      this.sink.clear();
      this.scanner.startAtLine(firstLine);
    }
  }

  push(bytes: Uint8Array): void {
    if (this.stopped) return;
    const utf8 = this.decoder.push(bytes);
    if (utf8.length) this.scan(utf8, false);
    this.checkDecoder();
  }

  /**
   * One row given as cells (a workbook's row, numbered as the sheet numbers it), instead of bytes: for input that is
   * not text. Not to be mixed with push().
   */
  pushRow(cells: readonly string[], line: number): void {
    if (this.stopped) return;
    this.sample = undefined;
    this.record(recordOf(cells, line));
  }

  /** Hands text to the scanner once the first lines have told which delimiter it uses. */
  private scan(utf8: Uint8Array, final: boolean): void {
    if (this.sample) {
      if (utf8.length) {
        this.sample.push(utf8.slice()); // the caller may reuse its buffer
        this.sampleLength += utf8.length;
        this.sampleBreaks += countLf(utf8);
      }
      if (!final && this.sampleLength < SAMPLE_BYTES && this.sampleBreaks < SAMPLE_BREAKS) return;
      const text = concatBytes(this.sample);
      this.sample = undefined;
      this.scanner.setDelimiter(detectDelimiter(text));
      utf8 = text;
    }
    if (utf8.length) this.scanner.push(utf8, this.onRecord);
  }

  /**
   * Ends the input and returns everything: the regions, finished all at once, and the diagnostics. For a large file,
   * prefer close(), then finishedRegions() one at a time, then summary(): only one finished region is held at once.
   */
  end(): ReadResult {
    this.close();
    const regions = [...this.finishedRegions()];
    return { regions, ...this.summary() };
  }

  /** Ends the input: the rows' diagnostics are complete; the regions' own checks run as they are finished. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (!this.stopped) {
      const utf8 = this.decoder.end();
      this.checkDecoder();
      if (!this.stopped) {
        this.scan(utf8, true);
        this.scanner.finish(this.onRecord);
      }
      // a short file with no row that reads as a header: its first row is the header
      if (!this.layout && this.beforeHeader.length > 0) this.headerFromFirstRow();
    }
    if (this.continuation) return; // the first reader reports the scanner's problems and the file's
    this.reportScannerProblems();
    this.stats.encoding = this.decoder.encoding;
    this.stats.bom = this.decoder.bom;
    if (this.decoder.encoding) this.stats.delimiter = delimiterName(this.scanner.cellDelimiter);
    this.stats.regions = this.layout ? this.regions.size : 0;
    if (!this.decoder.problem) {
      if (!this.layout) {
        this.sink.error({ code: "empty-file", line: 1, column: 1, expected: "header-and-rows" });
      } else if (this.stats.rows === 0 && !this.stats.outsideRegions && !this.scanner.failed && !this.stopped) {
        this.sink.error({ code: "no-rows", line: this.headerLine + 1, column: 1, expected: "header-and-rows" });
      }
    }
  }

  /**
   * Where a continuation reader could take over: undefined unless the bytes pushed so far end exactly after a record
   * of a UTF-8 file whose header has been read, with no problem so far. Then: the header, and the line the next
   * record starts on.
   */
  handOver(): { header: string[]; headerLine: number; nextLine: number; delimiter: number } | undefined {
    if (this.closed || this.stopped || !this.layout || !this.header_ || !this.decoder.canHandOver() || !this.scanner.atRecordStart()) return undefined;
    return { header: this.header_, headerLine: this.headerLine, nextLine: this.scanner.nextLine, delimiter: this.scanner.cellDelimiter };
  }

  /** The header once read (and the file so far UTF-8 and not stopped): what a continuation reader needs of it. */
  headerForContinuation(): { header: string[]; headerLine: number; delimiter: number } | undefined {
    if (this.stopped || !this.header_ || this.decoder.encoding !== "utf-8") return undefined;
    return { header: this.header_, headerLine: this.headerLine, delimiter: this.scanner.cellDelimiter };
  }

  /** A continuation reader's rows, after close(), as data for absorb(). Its regions are handed over, not kept. */
  exportPart(): ReaderPart {
    if (!this.continuation || !this.closed) throw new Error("StatisticsReader: exportPart() is for a closed continuation reader");
    const regions = [...this.regions.values()].map((r) => r.toPart());
    this.regions.clear();
    return {
      regions,
      diagnostics: { items: this.sink.items, errors: this.sink.errors, warnings: this.sink.warnings, dropped: this.sink.dropped },
      problems: this.scanner.problems,
      failed: this.scanner.failed,
      decoderProblem: this.decoder.problem !== undefined,
      stats: this.stats,
      orphanTotals: this.orphanTotals,
    };
  }

  /**
   * Takes the rows a continuation reader read from where handOver() said, as if this reader had read them itself.
   * Returns false, taking nothing, when the two parts share something only one reader can judge (an institution, a
   * subtotal or a region row in both), or the part ran into an encoding problem (which rows a reader still reads
   * before one depends on where its chunks start): the caller then reads the rest itself.
   */
  absorb(part: ReaderPart): boolean {
    if (this.closed) throw new Error("StatisticsReader: absorb() before close()");
    if (part.decoderProblem) return false;
    for (const other of part.regions) {
      const mine = this.regions.get(`${other.code}|${other.year}`);
      if (!mine) continue;
      if (mine.regionLine && other.regionLine) return false;
      if (other.subtotalLines.some(([unitType]) => mine.subtotalLines.has(unitType))) return false;
      if (mine.names.hasAnyOf(other.names)) return false;
    }
    const width = this.layout!.fast.metrics.length;
    for (const other of part.regions) {
      const key = `${other.code}|${other.year}`;
      let mine = this.regions.get(key);
      if (!mine) {
        mine = new RegionAccumulator(other.code, other.year, other.firstLine, this.checks.length, width);
        this.regions.set(key, mine);
        mine.names = CompactStringSet.fromPacked(other.names);
        other.names = new Uint32Array(0);
      }
      mine.absorb(other);
    }
    if (this.lastRegion) this.lastRegion.totalRows.push(...part.orphanTotals);
    this.sink.adopt(this.withNotReportedMerged(part.diagnostics));
    this.scanner.adopt(part.problems, part.failed);
    const s = this.stats;
    s.rows += part.stats.rows;
    s.regionRows += part.stats.regionRows;
    s.institutionRows += part.stats.institutionRows;
    s.subtotalRows += part.stats.subtotalRows;
    s.totalRows += part.stats.totalRows;
    if (part.stats.outsideRegions) s.outsideRegions = (s.outsideRegions ?? 0) + part.stats.outsideRegions;
    if (part.stats.lines > 0) s.lines = part.stats.lines;
    return true;
  }

  /**
   * A part's diagnostics with its dash warnings folded into this reader's, one per column as one reader gives them:
   * a column this reader already warned about counts the part's dashes in its own warning.
   */
  private withNotReportedMerged(diagnostics: ReaderPart["diagnostics"]): ReaderPart["diagnostics"] {
    let merged = 0;
    const items = diagnostics.items.filter((d) => {
      if (d.code !== "not-reported-mark") return true;
      const counted = d.detail as { cells: number };
      const mine = this.notReported.get(d.column - 1);
      if (!mine) {
        this.notReported.set(d.column - 1, counted);
        return true;
      }
      mine.cells += counted.cells;
      merged++;
      return false;
    });
    return merged === 0 ? diagnostics : { ...diagnostics, items, warnings: diagnostics.warnings - merged };
  }

  /** The latest year of any region read (after close()), without finishing the regions. */
  latestYear(): number | undefined {
    let latest: number | undefined;
    for (const region of this.regions.values()) if (latest === undefined || region.year > latest) latest = region.year;
    return latest;
  }

  /**
   * The regions in code and year order, each finished (summed, cross-checked) when it is asked for and then let go:
   * a caller that handles one at a time holds one. Each region can be taken once.
   */
  *finishedRegions(): Generator<RegionRecord> {
    if (!this.closed) throw new Error("StatisticsReader: close() before finishedRegions()");
    if (!this.layout) return;
    const keys = [...this.regions.entries()]
      .sort(([, a], [, b]) => compareText(a.code, b.code) || a.year - b.year)
      .map(([key]) => key);
    for (const key of keys) {
      const acc = this.regions.get(key);
      if (!acc) continue;
      this.regions.delete(key);
      yield this.finishRegion(acc);
    }
  }

  /** The diagnostics so far (all of them once every region is finished) and the file's statistics. */
  summary(): Omit<ReadResult, "regions"> {
    return { diagnostics: this.sink.sorted(), errors: this.sink.errors, warnings: this.sink.warnings, stats: this.stats };
  }

  private checkDecoder(): void {
    const problem = this.decoder.problem;
    if (!problem || this.stopped) return;
    // the text before the problem is read, as it would have been without a sample held back
    if (this.sample) this.scan(new Uint8Array(0), true);
    this.stopped = true;
    const line = this.scanner.lineAtEnd() + problem.breaks;
    if (problem.kind === "binary") {
      this.sink.error({ code: "encoding-error", line, column: 1, expected: "text-not-binary", detail: { offset: problem.offset } });
    } else {
      this.sink.error({
        code: "encoding-error",
        line,
        column: 1,
        expected: "utf8-or-gb18030",
        detail: { offset: problem.offset, encoding: problem.encoding },
      });
    }
  }

  private reportScannerProblems(): void {
    for (const p of this.scanner.problems) {
      const field = this.layout?.defs[p.field - 1]?.id;
      if (p.kind === "unclosed-quote") {
        this.sink.error({ code: "unclosed-quote", line: p.line, column: p.field, expected: "closed-quote", ...(field ? { field } : {}) });
      } else if (p.kind === "quote-error") {
        this.sink.error({ code: "unclosed-quote", line: p.line, column: p.field, value: p.value, expected: "closed-quote", ...(field ? { field } : {}) });
      } else {
        this.sink.error({
          code: "cell-too-long",
          line: p.line,
          column: p.field,
          expected: "short-cell",
          detail: { length: p.length, max: LIMITS.cellLength },
          ...(field ? { field } : {}),
        });
      }
    }
  }

  private record(rec: CsvRecord): void {
    if (this.stopped) return; // a required column is missing: the rows cannot be keyed
    // a row of empty cells (",,,,": an empty row inside Excel's used range) carries nothing
    if (blankAt(rec, 0) && allBlank(rec)) return;
    this.stats.lines = rec.line;
    if (!this.layout) {
      this.findHeader(rec.fields(), rec.line);
      return;
    }
    this.stats.rows++;
    this.row(rec);
  }

  /**
   * The header is the first row that reads as one (dialect.ts): the rows above it are a title, passed over with a
   * warning naming the header's line. When none of the first rows reads as one, the first row is the header and the
   * rows held are read as data.
   */
  private findHeader(cells: string[], line: number): void {
    if (!looksLikeHeader(cells)) {
      this.beforeHeader.push({ cells, line });
      if (this.beforeHeader.length >= MAX_TITLE_ROWS) this.headerFromFirstRow();
      return;
    }
    const title = this.beforeHeader.splice(0);
    this.header(cells, line);
    if (title.length > 0) {
      const text = title.flatMap((row) => row.cells.map(normaliseCell).filter((c) => c !== "")).join(" ");
      this.sink.warn({ code: "header-row", line, column: 1, value: text, expected: "header-first", detail: { rows: title.length, first: title[0]!.line } });
    }
  }

  private headerFromFirstRow(): void {
    const [first, ...rows] = this.beforeHeader.splice(0);
    this.header(first!.cells, first!.line);
    for (const row of rows) {
      if (this.stopped) return;
      this.stats.rows++;
      this.row(recordOf(row.cells, row.line));
    }
  }

  private header(cells: string[], line: number): void {
    this.headerLine = line;
    this.header_ = cells;
    const defs: Array<ColumnDef | undefined> = [];
    const position = new Map<string, number>();
    const scales = new Map<number, number>();
    // Excel saves trailing empty header cells when cleared columns stay in the used range; they name nothing
    let width = cells.length;
    while (width > 0 && normaliseCell(cells[width - 1]!) === "") width--;
    cells.slice(0, width).forEach((raw, i) => {
      const cell = normaliseCell(raw);
      if (cell === "") {
        this.sink.error({ code: "blank-header", line, column: i + 1, expected: "named-header" });
        defs.push(undefined);
        return;
      }
      const { def, scale, unit, badUnit } = columnWithUnit(cell);
      if (def && badUnit) {
        this.sink.error({ code: "unit-error", line, column: i + 1, field: def.id, value: cell, expected: "count-unit", detail: { unit: unit ?? "" } });
        defs.push(undefined);
        return;
      }
      if (def && scale !== 1 && metricIndex.has(def.id)) scales.set(i, scale);
      if (!def) {
        const suggestion = suggestHeader(cell);
        this.sink.warn({
          code: "unknown-header",
          line,
          column: i + 1,
          value: cell,
          expected: "known-header",
          ...(suggestion ? { detail: { suggestion } } : {}),
        });
        defs.push(undefined);
        return;
      }
      if (position.has(def.id)) {
        this.sink.error({
          code: "duplicate-label",
          line,
          column: i + 1,
          field: def.id,
          value: cell,
          expected: "unique-header",
          detail: { first: position.get(def.id)! + 1 },
        });
        defs.push(undefined);
        return;
      }
      position.set(def.id, i);
      defs.push(def);
    });
    for (const id of REQUIRED) {
      if (!position.has(id)) {
        const def = columns.find((c) => c.id === id)!;
        this.sink.error({ code: "missing-label", line, column: width + 1, field: id, expected: "named-header", detail: { name: def.zh } });
      }
    }
    const metricColumns = defs.flatMap((columnDef, column) => {
      const metric = columnDef ? metricIndex.get(columnDef.id) : undefined;
      if (metric === undefined) return [];
      const def = metrics[metric]!;
      return [{ column, metric, def, max: def.kind === "population" ? MAX_POPULATION : MAX_HEADCOUNT, scale: scales.get(column) ?? 1 }];
    });
    const where = (id: string) => position.get(id) ?? -1;
    const at = {
      region_code: where("region_code"),
      year: where("year"),
      unit: where("unit"),
      unit_type: where("unit_type"),
      region: where("region"),
      institutions: where("institutions"),
    };
    const fast = {
      columns: Int32Array.from(metricColumns, (c) => c.column),
      metrics: Int32Array.from(metricColumns, (c) => c.metric),
      // a flag is never a plain number; a population of 0 is an error, reported by the full parser; a scaled figure
      // (万人) is always scaled by it
      min: Float64Array.from(metricColumns, (c) => (c.def.kind === "flag" || c.scale !== 1 ? Infinity : c.def.kind === "population" ? 1 : 0)),
      max: Float64Array.from(metricColumns, (c) => c.max),
    };
    const fastIndex = new Int32Array(M).fill(-1);
    metricColumns.forEach((c, k) => (fastIndex[c.metric] = k));
    const present = new Set(metricColumns.map((c) => c.metric));
    const subsets = subsetPairs.filter(([child, parent]) => present.has(child) && present.has(parent));
    this.layout = {
      defs,
      position,
      at,
      metricColumns,
      fast,
      fastIndex,
      typeMetrics: metrics.flatMap((m, i) => (present.has(i) || m.kind === "flag" ? [i] : [])),
      regionMetrics: metrics.flatMap((m, i) => (m.kind !== "flag" && (present.has(i) || m.sumOf) ? [i] : [])),
      subsetChild: Int32Array.from(subsets, ([child]) => child),
      subsetParent: Int32Array.from(subsets, ([, parent]) => parent),
    };
    this.stats.columns = defs.map((d) => d?.id ?? "");
    if (REQUIRED.some((id) => !position.has(id))) this.stopped = true;
  }

  private column(id: string): number {
    return (this.layout!.position.get(id) ?? 0) + 1;
  }

  /**
   * One data row. The common path stays short, and every error and rarer row kind has a method of its own: V8
   * re-optimises a function only after a number of ticks that grows with its size, and a deopt in a rare branch
   * would otherwise send the whole row loop back to the interpreter.
   */
  private row(rec: CsvRecord): void {
    const layout = this.layout!;
    const at = layout.at;
    const line = rec.line;
    if (rec.count !== layout.defs.length) this.cellCount(rec, layout.defs.length);

    // identity cells repeat from row to row: each is parsed once per distinct raw text
    const code = this.codeCache.get(rec, at.region_code);
    const year = this.yearCache.get(rec, at.year);
    const type = this.typeCache.get(rec, at.unit_type);
    const regionName = this.nameCache.get(rec, at.region);
    const unit = unitCell(rec, at.unit);
    let unitName = unit.length <= 12 && mayBeTotal(rec, at.unit, unit.start) ? unitText(rec, at.unit, unit) : undefined;
    // 小计 / 合计 where an institution's name goes, on a row of one institution type: that type's subtotal row
    // a dash alone where the name goes (a region row of a table that dashes every empty cell) names nothing
    let unitEmpty = unit.length === 0 || (unit.length <= 6 && isNotReportedMark(unitText(rec, at.unit, unit)));
    if (unitName !== undefined && TOTAL_ROW.test(unitName) && type.unitType !== undefined) {
      unitEmpty = true;
      unitName = "";
    }
    const isTotalRow = (unitName !== undefined && unitName !== "" && TOTAL_ROW.test(unitName)) || regionName.total || type.total || code.total;
    if (this.inRegions && code.value !== undefined && !this.inRegions(code.value)) return this.outsideRegions();
    if (code.value === undefined || year.value === undefined) this.identityErrors(code, year, isTotalRow, line);

    let kind: RowKind;
    if (isTotalRow || type.regionRow) {
      kind = "region";
    } else {
      if (type.unitType === undefined) {
        this.sink.error({ code: "unknown-unit-type", line, column: this.column("unit_type"), field: "unit_type", value: type.text, expected: "unit-type" });
        return;
      }
      kind = unitEmpty ? "subtotal" : "institution";
    }
    if (kind === "region" && !unitEmpty && !isTotalRow) {
      this.sink.error({ code: "required-value", line, column: this.column("unit_type"), field: "unit_type", value: unitText(rec, at.unit, unit), expected: "unit-type" });
      return;
    }

    const values = this.values;
    let valid = this.readValues(rec, layout, values);
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
    const region = this.regionFor(code.value, year.value, line);
    this.lastRegion = region;
    if (regionName.text && !region.name) region.name = regionName.text;

    if (kind === "region") this.regionRow(region, regionName.text, line, valid, values);
    else if (kind === "subtotal") this.subtotalRow(rec, region, type.unitType!, type.text, valid, values);
    else this.institutionRow(rec, region, type.typeIndex, unit, valid, values);
  }

  /** A row of a region not asked for (--region): not read, and no total row after it counts for the region before. */
  private outsideRegions(): void {
    this.stats.rows--;
    this.stats.outsideRegions = (this.stats.outsideRegions ?? 0) + 1;
    this.lastRegion = undefined;
  }

  private cellCount(rec: CsvRecord, width: number): void {
    const line = rec.line;
    if (rec.count < width) {
      this.sink.error({
        code: "missing-cell",
        line,
        column: rec.count + 1,
        expected: "cells-match-header",
        detail: { cells: rec.count, header: width },
      });
      return;
    }
    for (let i = width; i < rec.count; i++) {
      if (!blankAt(rec, i)) {
        this.sink.error({
          code: "extra-cell",
          line,
          column: i + 1,
          value: rec.field(i),
          expected: "cells-match-header",
          detail: { cells: rec.count, header: width },
        });
        return;
      }
    }
  }

  private identityErrors(
    code: Cached & { value: string | undefined },
    year: Cached & { value: number | undefined },
    isTotalRow: boolean,
    line: number,
  ): void {
    if (code.blank || (isTotalRow && code.total)) {
      if (!isTotalRow) this.sink.error({ code: "required-value", line, column: this.column("region_code"), field: "region_code", expected: "region-code" });
    } else if (code.value === undefined) {
      this.sink.error({ code: "constraint-error", line, column: this.column("region_code"), field: "region_code", value: code.raw, expected: "region-code" });
    }
    if (year.blank) {
      if (!isTotalRow) this.sink.error({ code: "required-value", line, column: this.column("year"), field: "year", expected: "year" });
    } else if (year.value === undefined) {
      this.sink.error({ code: "type-error", line, column: this.column("year"), field: "year", value: year.raw, expected: "year" });
    }
  }

  /**
   * Sets every file metric of the row in `values` (NaN: not reported; the other metrics stay NaN) and the row's
   * institution count in `this.institutions`. Plain digits are read in place; anything else goes through the full
   * parsers. False when a cell is wrong.
   */
  private readValues(rec: CsvRecord, layout: Layout, values: Float64Array): boolean {
    const { columns: fastColumns, metrics: fastMetrics, min: fastMin, max: fastMax } = layout.fast;
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
        valid = this.cellValue(rec, layout.metricColumns[k]!, values) && valid;
      }
    }
    this.institutions = NaN;
    const at = layout.at.institutions;
    if (at >= 0 && !blankAt(rec, at)) {
      const raw = rec.field(at);
      const parsed = isNotReportedMark(raw) ? this.notReportedMark(rec.line, at, "institutions", raw) : parseCount(raw, MAX_INSTITUTIONS);
      if (parsed === undefined) this.institutions = NaN;
      else if (parsed.ok) this.institutions = parsed.value;
      else {
        this.valueError(parsed.reason, rec.line, at + 1, "institutions", raw, MAX_INSTITUTIONS);
        valid = false;
      }
    }
    return valid;
  }

  private subsetError(child: number, parent: number, line: number, values: Float64Array): void {
    const childDef = metrics[child]!;
    this.sink.error({
      code: "subset-exceeds-total",
      line,
      column: this.column(childDef.id),
      field: childDef.id,
      value: String(values[child]),
      expected: "not-above-total",
      detail: { total: metrics[parent]!.id, totalValue: values[parent]! },
    });
  }

  private totalRow(code: string | undefined, year: number | undefined, line: number, valid: boolean, values: Float64Array): void {
    this.stats.totalRows++;
    const region = code !== undefined && year !== undefined ? this.regionFor(code, year, line) : this.lastRegion;
    if (region && valid) region.totalRows.push({ line, values: values.slice() });
    // a continuation's first rows may total the region the reader before it ended with
    else if (!region && valid && this.continuation) this.orphanTotals.push({ line, values: values.slice() });
  }

  private regionRow(region: RegionAccumulator, name: string, line: number, valid: boolean, values: Float64Array): void {
    this.stats.regionRows++;
    if (region.regionLine) {
      this.sink.error({
        code: "duplicate-row",
        line,
        column: this.column("region_code"),
        field: "region_code",
        value: `${region.code} ${region.year}`,
        expected: "unique-row",
        detail: { first: region.regionLine },
      });
      return;
    }
    region.regionLine = line;
    if (name) {
      region.name = name;
      region.namedByRegionRow = true;
    }
    if (Number.isNaN(values[POPULATION]!) && !this.hasPopulationError(line)) {
      this.sink.error({
        code: "required-value",
        line,
        column: this.layout!.position.has("population") ? this.column("population") : 1,
        field: "population",
        expected: "positive-population",
      });
    }
    if (valid) region.stated = values.slice();
  }

  private subtotalRow(rec: CsvRecord, region: RegionAccumulator, unitType: string, typeText: string, valid: boolean, values: Float64Array): void {
    const line = rec.line;
    this.stats.subtotalRows++;
    const first = region.subtotalLines.get(unitType);
    if (first) {
      this.sink.error({ code: "duplicate-row", line, column: this.column("unit_type"), field: "unit_type", value: typeText, expected: "unique-row", detail: { first } });
      return;
    }
    region.subtotalLines.set(unitType, line);
    if (valid) region.type(unitType).subtotal = { line, institutions: this.institutions, values: values.slice() };
  }

  private institutionRow(
    rec: CsvRecord,
    region: RegionAccumulator,
    typeIndex: number,
    unit: { start: number; end: number },
    valid: boolean,
    values: Float64Array,
  ): void {
    const line = rec.line;
    const column = this.layout!.at.unit;
    this.stats.institutionRows++;
    const owned = rec.owned[column];
    const first =
      owned !== undefined ? region.names.addOrGet(owned.trim(), line) : region.names.addOrGetRange(rec.bytes, unit.start, unit.end, line);
    if (first) {
      this.sink.error({ code: "duplicate-row", line, column: this.column("unit"), field: "unit", value: unitText(rec, column, unit), expected: "unique-row", detail: { first } });
      return;
    }
    if (!valid) return;
    const acc = region.slot(typeIndex);
    acc.rows++;
    const fastMetrics = this.layout!.fast.metrics;
    const totals = region.totals;
    const columns = fastMetrics.length;
    const sums = acc.base;
    const reported = sums + columns;
    for (let k = 0; k < columns; k++) {
      const v = values[fastMetrics[k]!]!;
      if (v === v) {
        totals[sums + k]! += v;
        totals[reported + k]!++;
      }
    }
    const checks = this.checks;
    const counts = region.checkCounts;
    for (const c of this.checksByType[typeIndex]!) {
      const check = checks[c]!;
      const tally = c * CHECK_COUNTS;
      counts[tally + CHECK_ROWS]! += 1;
      const v = checkValue(check, values);
      const min = checkMinimum(check, values);
      if (v === v && v >= min) continue;
      if (v !== v || min !== min) counts[tally + CHECK_UNREPORTED]! += 1;
      else {
        counts[tally + CHECK_FAILING]! += 1;
        counts[tally + CHECK_SHORTFALL]! += min - v;
      }
      const examples = region.checkExamples[c]!;
      if (examples.length < EXAMPLES_KEPT) this.example(examples, rec, unit, typeIndex, v);
    }
  }

  private example(examples: InstitutionBelowMinimum[], rec: CsvRecord, unit: { start: number; end: number }, typeIndex: number, v: number): void {
    examples.push({ name: unitText(rec, this.layout!.at.unit, unit), unitType: unitTypes[typeIndex]!.id, line: rec.line, value: v === v ? v : null });
  }

  /** A cell that is not plain digits within bounds: the full parsers read it, or say what is wrong with it. */
  private cellValue(rec: CsvRecord, cell: MetricColumn, values: Float64Array): boolean {
    const valid = this.parseCell(rec, cell, values);
    if (!valid && cell.metric === POPULATION) this.populationErrorLine = rec.line;
    return valid;
  }

  private parseCell(rec: CsvRecord, { column, metric, def, max, scale }: MetricColumn, values: Float64Array): boolean {
    const line = rec.line;
    const raw = rec.field(column);
    if (isBlank(raw)) return true;
    if (isNotReportedMark(raw)) {
      this.notReportedMark(line, column, def.id, raw);
      return true;
    }
    if (def.kind === "flag") {
      const parsed = parseFlag(raw);
      if (parsed.ok) values[metric] = parsed.value ? 1 : 0;
      else {
        this.sink.error({ code: "type-error", line, column: column + 1, field: def.id, value: raw, expected: "flag" });
        return false;
      }
      return true;
    }
    const parsed = parseScaledCount(raw, scale, max);
    if (parsed.ok) {
      if (def.kind === "population" && parsed.value === 0 && def.id !== "rural_population") {
        this.sink.error({ code: "constraint-error", line, column: column + 1, field: def.id, value: raw, expected: "positive-population" });
        return false;
      }
      values[metric] = parsed.value;
      return true;
    }
    if (scale !== 1 && parsed.reason === "fraction") {
      this.sink.error({ code: "constraint-error", line, column: column + 1, field: def.id, value: raw, expected: "whole-after-scale", detail: { scale, places: String(scale).length - 1 } });
    } else this.valueError(parsed.reason, line, column + 1, def.id, raw, max);
    return false;
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
      this.sink.warn({ code: "not-reported-mark", line, column: column + 1, field, value: normaliseCell(raw), expected: "value-or-empty", detail });
    }
    return undefined;
  }

  /** Whether the row's population cell was already reported (kept here: the sink stops storing past its cap). */
  private hasPopulationError(line: number): boolean {
    return this.populationErrorLine === line;
  }

  private valueError(reason: ParseFailure, line: number, column: number, field: string, raw: string, max: number): void {
    const expected: Expectation = reason === "negative" ? "non-negative" : reason === "too-large" ? "not-above-max" : "whole-number";
    this.sink.error({
      code: reason === "type" ? "type-error" : "constraint-error",
      line,
      column,
      field,
      value: raw,
      expected,
      ...(reason === "too-large" ? { detail: { max } } : {}),
    });
  }

  private regionFor(code: string, year: number, line: number): RegionAccumulator {
    const last = this.lastRegion;
    if (last && last.code === code && last.year === year) return last;
    const key = `${code}|${year}`;
    let region = this.regions.get(key);
    if (!region) {
      region = new RegionAccumulator(code, year, line, this.checks.length, this.layout!.fast.metrics.length);
      this.regions.set(key, region);
    }
    // the file moves on: the region left behind rarely comes back
    last?.names.park();
    return region;
  }

  /**
   * A region's figures, per institution type and in all, with the checks that need the whole region. In parts, as
   * the row loop is: V8 re-optimises a big function only after many ticks, and regions of different shapes deopt it.
   */
  private finishRegion(acc: RegionAccumulator): RegionRecord {
    const byType: Record<string, TypeAggregate> = {};
    const typeFigures = new Map<string, Record<string, Figure>>();
    for (const [unitType, t] of [...acc.types.entries()].sort(([a], [b]) => compareText(a, b))) {
      const aggregate = this.typeAggregate(acc, unitType, t);
      byType[unitType] = aggregate;
      typeFigures.set(unitType, aggregate.figures);
    }
    const figures = this.regionFigures(acc, typeFigures);
    this.resolvedSubsets(acc, figures);
    this.totalRowsAgainst(acc, figures);
    if (!acc.regionLine) {
      this.sink.warn({ code: "missing-region-row", line: acc.firstLine, column: 1, value: `${acc.code} ${acc.year}`, expected: "region-row" });
    }
    return {
      code: acc.code,
      name: acc.name,
      year: acc.year,
      line: acc.regionLine || acc.firstLine,
      hasRegionRow: acc.regionLine > 0,
      figures,
      byType,
      checks: this.checkResults(acc),
    };
  }

  private typeAggregate(acc: RegionAccumulator, unitType: string, t: TypeAccumulator): TypeAggregate {
    const { position, fastIndex, typeMetrics } = this.layout!;
    const width = this.layout!.fast.metrics.length;
    const totals = acc.totals;
    const figures: Record<string, Figure> = {};
    const flags: TypeAggregate["flags"] = {};
    for (const m of typeMetrics) {
      const metric = metrics[m]!;
      const k = fastIndex[m]!;
      const reported = k < 0 ? 0 : totals[t.base + width + k]!;
      if (metric.kind === "flag") {
        if (t.rows > 0) {
          const yes = reported > 0 ? totals[t.base + k]! : 0;
          flags[metric.id] = { yes, no: reported - yes, unreported: t.rows - reported };
        }
        continue;
      }
      const stated = t.subtotal?.values[m];
      const summed = reported > 0 ? totals[t.base + k]! : undefined;
      if (stated !== undefined && !Number.isNaN(stated)) {
        figures[metric.id] = { value: stated, source: "stated", partial: false };
        if (summed !== undefined && summed > stated) {
          this.sink.error({
            code: "sum-exceeds-total",
            line: t.subtotal!.line,
            column: this.column(metric.id),
            field: metric.id,
            value: String(stated),
            expected: "sum-not-above-total",
            detail: { sum: summed, rows: t.rows },
          });
        }
      } else if (summed !== undefined) {
        figures[metric.id] = { value: summed, source: "summed", partial: reported < t.rows };
      }
    }
    for (const metric of metrics) {
      if (!metric.sumOf || figures[metric.id] || !metric.sumOf.unitTypes.includes(unitType)) continue;
      const parts = metric.sumOf.metrics.map((id) => figures[id]);
      if (parts.every((f): f is Figure => f !== undefined)) {
        figures[metric.id] = { value: parts.reduce((n, f) => n + f.value, 0), source: "derived", partial: parts.some((f) => f.partial) };
      }
    }
    const subtotalInstitutions = t.subtotal && !Number.isNaN(t.subtotal.institutions) ? t.subtotal.institutions : undefined;
    if (subtotalInstitutions !== undefined && t.rows > subtotalInstitutions) {
      this.sink.error({
        code: "sum-exceeds-total",
        line: t.subtotal!.line,
        column: position.has("institutions") ? this.column("institutions") : 1,
        field: "institutions",
        value: String(subtotalInstitutions),
        expected: "sum-not-above-total",
        detail: { sum: t.rows, rows: t.rows },
      });
    }
    const aggregate: TypeAggregate = {
      unitType,
      institutions: subtotalInstitutions ?? (t.rows > 0 ? t.rows : undefined),
      institutionRows: t.rows,
      figures,
      flags,
    };
    if (t.subtotal) aggregate.subtotalLine = t.subtotal.line;
    return aggregate;
  }

  private regionFigures(acc: RegionAccumulator, typeFigures: ReadonlyMap<string, Record<string, Figure>>): Record<string, Figure> {
    const { regionMetrics } = this.layout!;
    const figures: Record<string, Figure> = {};
    for (const m of regionMetrics) {
      const metric = metrics[m]!;
      let sum = 0;
      let any = false;
      let partial = false;
      let silent = false;
      for (const f of typeFigures.values()) {
        const figure = f[metric.id];
        if (figure) {
          sum += figure.value;
          any = true;
          partial ||= figure.partial;
        } else silent = true;
      }
      // a type whose rows all left the cell empty did not report it: the sum is a lower bound
      partial ||= silent;
      const stated = acc.stated ? acc.stated[m]! : NaN;
      if (!Number.isNaN(stated)) {
        figures[metric.id] = { value: stated, source: "stated", partial: false };
        if (any && sum > stated) {
          this.sink.error({
            code: "sum-exceeds-total",
            line: acc.regionLine,
            column: this.column(metric.id),
            field: metric.id,
            value: String(stated),
            expected: "sum-not-above-total",
            detail: { sum, rows: [...acc.types.values()].reduce((n, t) => n + t.rows + (t.subtotal ? 1 : 0), 0) },
          });
        }
      } else if (any) {
        figures[metric.id] = { value: sum, source: "summed", partial };
      }
    }
    for (const metric of metrics) {
      if (figures[metric.id] || !metric.derivedFrom) continue;
      const groupTypes = unitTypesOfGroup(metric.derivedFrom.group);
      let sum = 0;
      let any = false;
      let partial = false;
      for (const unitType of groupTypes) {
        const figure = typeFigures.get(unitType)?.[metric.derivedFrom.metric];
        if (figure) {
          sum += figure.value;
          any = true;
          partial ||= figure.partial;
        }
      }
      if (any) figures[metric.id] = { value: sum, source: "derived", partial };
    }
    return figures;
  }

  /** Subsets again on the resolved totals, where at least one side was not stated on one row. */
  private resolvedSubsets(acc: RegionAccumulator, figures: Record<string, Figure>): void {
    for (const [child, parent] of subsetPairs) {
      const c = figures[metrics[child]!.id];
      const p = figures[metrics[parent]!.id];
      if (c && p && !(c.source === "stated" && p.source === "stated") && c.value > p.value && !p.partial) {
        const childDef = metrics[child]!;
        this.sink.error({
          code: "subset-exceeds-total",
          line: acc.regionLine || acc.firstLine,
          column: this.column(childDef.id),
          field: childDef.id,
          value: String(c.value),
          expected: "not-above-total",
          detail: { total: metrics[parent]!.id, totalValue: p.value, summed: 1 },
        });
      }
    }
  }

  private totalRowsAgainst(acc: RegionAccumulator, figures: Record<string, Figure>): void {
    for (const total of acc.totalRows) {
      metrics.forEach((metric, m) => {
        const v = total.values[m]!;
        const figure = figures[metric.id];
        if (Number.isNaN(v) || !figure || metric.kind === "flag") return;
        if (v !== figure.value) {
          this.sink.warn({
            code: "total-row-mismatch",
            line: total.line,
            column: this.column(metric.id),
            field: metric.id,
            value: String(v),
            expected: "total-matches-sum",
            detail: { sum: figure.value },
          });
        }
      });
    }
  }

  private checkResults(acc: RegionAccumulator): Record<string, InstitutionCheckResult> {
    const checks: Record<string, InstitutionCheckResult> = {};
    this.checks.forEach((check, c) => {
      const { spec, types } = check;
      const tally = c * CHECK_COUNTS;
      let subtotalLowerBound: InstitutionCheckResult["subtotalLowerBound"];
      let institutions = 0;
      let failingAtLeast = 0;
      let shortfallAtLeast = 0;
      for (const unitType of types) {
        const t = acc.types.get(unitType);
        // a share of each institution's own figure cannot be bounded from a subtotal
        if (!t || t.rows > 0 || !t.subtotal || check.of >= 0) continue;
        const count = t.subtotal.institutions;
        const have = checkValue(check, t.subtotal.values);
        if (Number.isNaN(count) || Number.isNaN(have)) continue;
        institutions += count;
        // with `have` people spread as well as possible, at most floor(have / min) institutions reach the minimum
        const canMeet = Math.floor(have / spec.min);
        failingAtLeast += Math.max(0, count - canMeet);
        shortfallAtLeast += Math.max(0, count * spec.min - have);
      }
      if (institutions > 0) subtotalLowerBound = { institutions, failingAtLeast, shortfallAtLeast };
      checks[spec.id] = {
        id: spec.id,
        metric: spec.metric,
        min: spec.min,
        unitTypes: spec.unitTypes,
        rows: acc.checkCounts[tally + CHECK_ROWS]!,
        failing: acc.checkCounts[tally + CHECK_FAILING]!,
        unreported: acc.checkCounts[tally + CHECK_UNREPORTED]!,
        shortfall: acc.checkCounts[tally + CHECK_SHORTFALL]!,
        examples: acc.checkExamples[c]!,
        subtotalLowerBound,
      };
    });
    return checks;
  }
}

const POPULATION = metricIndex.get("population")!;

/** Text held to find the delimiter in: enough lines to see past a title to the data, and no more than this. */
const SAMPLE_BYTES = 1 << 16;
const SAMPLE_BREAKS = 64;

function countLf(bytes: Uint8Array): number {
  let n = 0;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) n++;
  return n;
}

/** Whether field i is empty or white space, without copying it. */
function blankAt(rec: CsvRecord, i: number): boolean {
  if (i < 0 || i >= rec.count) return true;
  const owned = rec.owned[i];
  if (owned !== undefined) return isBlank(owned);
  const bytes = rec.bytes;
  const e = rec.ends[i]!;
  for (let j = rec.starts[i]!; j < e; ) {
    const white = whiteAt(bytes, j, e);
    if (white === 0) return bytes[j]! > 127 ? isBlank(utf8Text(bytes, rec.starts[i]!, e)) : false;
    j += white;
  }
  return true;
}

function allBlank(rec: CsvRecord): boolean {
  for (let i = 0; i < rec.count; i++) if (!blankAt(rec, i)) return false;
  return true;
}

/** The institution name's range in the text, trimmed. */
function unitCell(rec: CsvRecord, i: number): { start: number; end: number; length: number } {
  if (i < 0 || i >= rec.count) return { start: 0, end: 0, length: 0 };
  const owned = rec.owned[i];
  if (owned !== undefined) return { start: 0, end: 0, length: owned.trim().length };
  const bytes = rec.bytes;
  let start = rec.starts[i]!;
  let end = rec.ends[i]!;
  for (let white; start < end && (white = whiteAt(bytes, start, end)) > 0; ) start += white;
  for (let white; end > start && (white = whiteBefore(bytes, start, end)) > 0; ) end -= white;
  return { start, end, length: end - start };
}

/** Whether a name could be 合计/总计/小计/…/total/sum: its first character says. */
function mayBeTotal(rec: CsvRecord, i: number, start: number): boolean {
  if (i < 0 || i >= rec.count) return false;
  const owned = rec.owned[i];
  const c = owned !== undefined ? owned.trim().charCodeAt(0) : codePointAt(rec.bytes, start, rec.ends[i]!);
  return TOTAL_FIRST.has(c | 0x20);
}

const TOTAL_FIRST = new Set([..."合总小全tgs"].map((ch) => ch.charCodeAt(0) | 0x20));

function unitText(rec: CsvRecord, i: number, cell: { start: number; end: number }): string {
  if (i < 0 || i >= rec.count) return "";
  const owned = rec.owned[i];
  return normaliseCell(owned !== undefined ? owned : utf8Text(rec.bytes, cell.start, cell.end));
}

interface Cached {
  raw: string;
  /** the raw cell's UTF-8 bytes, to compare the next rows' cells with in place */
  rawBytes: Uint8Array;
  blank: boolean;
  text: string;
  total: boolean;
}

/**
 * Parses an identity cell once per distinct raw text: rows repeat their county, year and institution type. The last
 * few distinct texts are kept and compared in place, so a hit costs no copy of the cell.
 */
class CellCache<T extends Cached> {
  private readonly entries: T[] = [];
  private next = 0;
  private hit = 0;
  constructor(private readonly parse: (raw: string) => T) {}

  get(rec: CsvRecord, i: number): T {
    const entries = this.entries;
    const absent = i < 0 || i >= rec.count;
    const owned = absent ? "" : rec.owned[i];
    if (owned !== undefined) {
      for (let k = 0; k < entries.length; k++) if (entries[k]!.raw === owned) return entries[k]!;
      return this.remember(this.parse(owned));
    }
    const s = rec.starts[i]!;
    const length = rec.ends[i]! - s;
    const bytes = rec.bytes;
    const hit = entries[this.hit];
    if (hit && sameBytes(hit.rawBytes, bytes, s, length)) return hit;
    for (let k = 0; k < entries.length; k++) {
      if (sameBytes(entries[k]!.rawBytes, bytes, s, length)) {
        this.hit = k;
        return entries[k]!;
      }
    }
    return this.remember(this.parse(utf8Text(bytes, s, s + length)));
  }

  private remember(entry: T): T {
    if (this.entries.length < 16) this.entries.push(entry);
    else {
      this.entries[this.next] = entry;
      this.next = (this.next + 1) % 16;
    }
    return entry;
  }
}

/** raw equals bytes[start, start + length), compared in place */
function sameBytes(raw: Uint8Array, bytes: Uint8Array, start: number, length: number): boolean {
  if (raw.length !== length) return false;
  for (let k = 0; k < length; k++) if (raw[k] !== bytes[start + k]) return false;
  return true;
}

function cached(raw: string): Cached {
  const text = normaliseCell(raw);
  return { raw, rawBytes: utf8Bytes(raw), blank: text === "", text, total: TOTAL_ROW.test(text) };
}

function readCode(raw: string): Cached & { value: string | undefined } {
  const base = cached(raw);
  const parsed = base.blank ? undefined : parseRegionCode(raw);
  return { ...base, value: parsed?.ok ? parsed.value : undefined };
}

function readYear(raw: string): Cached & { value: number | undefined } {
  const base = cached(raw);
  const parsed = base.blank ? undefined : parseYear(raw);
  return { ...base, value: parsed?.ok ? parsed.value : undefined };
}

function readType(raw: string): Cached & { unitType: string | undefined; typeIndex: number; regionRow: boolean } {
  const base = cached(raw);
  const lower = base.text.toLowerCase();
  const unitType = unitTypeByName.get(lower);
  return {
    ...base,
    unitType,
    typeIndex: unitType === undefined ? -1 : UNIT_TYPE_INDEX.get(unitType)!,
    // a dash alone, as a table that dashes every empty cell has on its region rows, is an empty type
    regionRow: base.text === "" || REGION_TYPE_NAMES.has(lower) || isNotReportedMark(base.text),
  };
}

function readName(raw: string): Cached {
  return cached(raw);
}

/** Reads a whole statistics file held in memory (bytes or text). */
export function readStatistics(input: Uint8Array | string, options: ReadOptions): ReadResult {
  const reader = new StatisticsReader(options);
  reader.push(typeof input === "string" ? new TextEncoder().encode(input) : input);
  return reader.end();
}

