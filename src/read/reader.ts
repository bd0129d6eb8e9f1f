/**
 * The statistics reader: bytes in, one normalised record per region and year out, with every problem found on the
 * way. It wires the stages of src/read together:
 *
 *   decode.ts (bytes → UTF-8) → csv.ts (records as views of the bytes) → layout.ts (the header)
 *   → rows.ts (each row classified, its numbers read by row-values.ts, added to its region's accumulators.ts)
 *   → finish.ts (each region summed and cross-checked when it is taken)
 *
 * Memory grows with the number of regions and the examples they keep (accumulators.ts, examples.ts), not with the
 * rows; while rows come, each institution name also costs some 18 bytes for duplicate detection (hashset.ts), given
 * back once the last row is read.
 */
import { UsageError } from "../errors.js";
import { compareText } from "../compare-text.js";
import { CsvScanner, type CsvRecord } from "./csv.js";
import { Decoder } from "./decode.js";
import { DiagnosticSink, problems, type Diagnostic } from "./diagnostics.js";
import { allBlank, blankAt } from "./cells.js";
import { finishRegion } from "./finish.js";
import { readHeader, type Layout } from "./layout.js";
import { LIMITS } from "./limits.js";
import type { InstitutionCheckSpec, ReadStats, RegionRecord } from "./record.js";
import { RowReader } from "./rows.js";
import { ThresholdsByType, thresholdsOf, type Threshold } from "./thresholds.js";
import { MAX_TITLE_ROWS, concatBytes, delimiterName, detectDelimiter, looksLikeHeader, recordOf } from "./dialect.js";
import { normaliseCell } from "./values.js";

/** the first text held to tell the delimiter: this many bytes or LFs, whichever comes first */
const SAMPLE_BYTES = 1 << 16;
const SAMPLE_BREAKS = 64;

export interface ReadOptions {
  /** the name diagnostics carry: the path as the user gave it, or "<stdin>" */
  file: string;
  /** the thresholds to tally institution rows against (the catalogue's per-institution minimums) */
  institutionChecks?: readonly InstitutionCheckSpec[];
  /** only the rows of regions whose code starts with one of these (--region); the others are passed over */
  regions?: readonly string[];
}

export interface ReadResult {
  regions: RegionRecord[];
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  stats: ReadStats;
}

/** What is known of a read apart from its regions: the diagnostics and the file's statistics. */
export type ReadSummary = Omit<ReadResult, "regions">;

/**
 * A streaming reader: push the file's bytes as they come, then end() (or close() and take the regions one by one).
 */
export class StatisticsReader {
  private readonly sink: DiagnosticSink;
  private readonly decoder = new Decoder();
  private readonly scanner = new CsvScanner();
  private readonly thresholds: readonly Threshold[];
  private layout: Layout | undefined;
  private rows: RowReader | undefined;
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
  private stopped_ = false;
  private closed = false;
  // the file's dialect (dialect.ts): text held until its delimiter is known, rows held until a header is seen
  private sample: Uint8Array[] | undefined = [];
  private sampleLength = 0;
  private sampleBreaks = 0;
  private readonly beforeHeader: Array<{ cells: string[]; line: number }> = [];
  /** --region: whether a code is one of the regions asked for (undefined: every region) */
  private readonly inRegions: ((code: string) => boolean) | undefined;

  constructor(options: ReadOptions) {
    this.sink = new DiagnosticSink(options.file);
    this.thresholds = thresholdsOf(options.institutionChecks ?? []);
    const prefixes = options.regions?.filter((p) => p !== "");
    this.inRegions = prefixes && prefixes.length > 0 ? (code) => prefixes.some((p) => code.startsWith(p)) : undefined;
  }

  /**
   * Whether reading has stopped at a fatal problem (bytes that are not text, a quote never closed, a key column
   * missing): more bytes would not be read, so the caller can stop reading them.
   */
  get stopped(): boolean {
    return this.stopped_ || this.scanner.failed;
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
    // a workbook's rows are held to a text file's limits: a row too long is reported and not read, a cell too long
    // is reported and read shortened
    if (utf8Length(cells, LIMITS.rowBytes) > LIMITS.rowBytes) {
      this.sink.add(problems.rowTooLong(line, LIMITS.rowBytes));
      return;
    }
    const kept = cells.map((cell, i) => {
      if (cell.length <= LIMITS.cellLength) return cell;
      this.sink.add(problems.cellTooLong({ line, column: i + 1, field: this.layout?.defs[i]?.id }, cell.length, LIMITS.cellLength));
      return cell.slice(0, LIMITS.cellLength);
    });
    this.record(recordOf(kept, line));
  }

  /** Hands text to the scanner once the first lines have told which delimiter it uses. */
  private scan(utf8: Uint8Array, final: boolean): void {
    if (this.sample) {
      if (utf8.length) {
        this.sample.push(utf8.slice()); // the caller may reuse its buffer
        this.sampleLength += utf8.length;
        for (let at = utf8.indexOf(10); at !== -1; at = utf8.indexOf(10, at + 1)) this.sampleBreaks++;
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
      if (!this.stopped_) {
        this.scan(utf8, true);
        this.scanner.finish(this.onRecord);
      }
      this.decoder.release();
      // a short file with no row that reads as a header: its first row is the header
      if (!this.layout && this.beforeHeader.length > 0) this.headerFromFirstRow();
    }
    this.reportScannerProblems();
    this.stats.encoding = this.decoder.encoding;
    this.stats.bom = this.decoder.bom;
    if (this.decoder.encoding) this.stats.delimiter = delimiterName(this.scanner.cellDelimiter);
    this.stats.regions = this.rows ? this.rows.regions.size : 0;
    if (!this.decoder.problem) {
      if (!this.layout) this.sink.add(problems.emptyFile());
      else if (this.stats.rows === 0 && !this.stats.outsideRegions && !this.scanner.failed && !this.stopped_) {
        this.sink.add(problems.noRows(this.layout.headerLine + 1));
      }
    }
  }

  /** The latest year of any region read (after close()), without finishing the regions. */
  latestYear(): number | undefined {
    let latest: number | undefined;
    for (const region of this.rows?.regions.values() ?? []) if (latest === undefined || region.year > latest) latest = region.year;
    return latest;
  }

  /**
   * The regions in code and year order, each finished (summed, cross-checked) when it is asked for and then let go:
   * a caller that handles one at a time holds one. Each region can be taken once.
   */
  *finishedRegions(): Generator<RegionRecord> {
    if (!this.closed) throw new UsageError("StatisticsReader: close() before finishedRegions()");
    const rows = this.rows;
    if (!rows || !this.layout) return;
    rows.done();
    const sorted = [...rows.regions.entries()].sort(([, a], [, b]) => compareText(a.code, b.code) || a.year - b.year);
    const { store } = rows;
    store.examples.planRelease(sorted.map(([, acc]) => store.firstExample(acc.index, this.thresholds.length)));
    for (let rank = 0; rank < sorted.length; rank++) {
      const key = sorted[rank]![0];
      const acc = rows.regions.get(key);
      if (!acc) continue;
      rows.regions.delete(key);
      const record = finishRegion(acc, store, this.layout, this.sink, this.thresholds);
      // the record holds its examples as text: the log's chunks no later region needs go now
      store.examples.finished(rank);
      yield record;
    }
  }

  /** The diagnostics so far (all of them once every region is finished) and the file's statistics. */
  summary(): ReadSummary {
    return { diagnostics: this.sink.sorted(), errors: this.sink.errors, warnings: this.sink.warnings, stats: this.stats };
  }

  private checkDecoder(): void {
    const problem = this.decoder.problem;
    if (!problem || this.stopped_) return;
    // the text before the problem is read, as it would have been without a sample held back
    if (this.sample) this.scan(new Uint8Array(0), true);
    this.stopped_ = true;
    const line = this.scanner.lineAtEnd() + problem.breaks;
    this.sink.add(problem.kind === "binary" ? problems.binary(line, problem.offset) : problems.notText(line, problem.offset, problem.encoding), true);
  }

  private reportScannerProblems(): void {
    for (const p of this.scanner.problems) {
      if (p.kind === "row-too-long") {
        this.sink.add(problems.rowTooLong(p.line, LIMITS.rowBytes));
        continue;
      }
      const cell = { line: p.line, column: p.field, field: this.layout?.defs[p.field - 1]?.id };
      if (p.kind === "unclosed-quote") this.sink.add(problems.unclosedQuote(cell), true);
      else if (p.kind === "quote-error") this.sink.add(problems.textAfterQuote(cell, p.value));
      else this.sink.add(problems.cellTooLong(cell, p.length, LIMITS.cellLength));
    }
    // problems past those the scanner kept: counted, as the sink counts what it does not keep
    this.sink.countErrors(this.scanner.problemsNotKept);
  }

  private record(rec: CsvRecord): void {
    if (this.stopped_) return; // a required column is missing: the rows cannot be keyed
    // a row of empty cells (",,,,": an empty row inside Excel's used range) carries nothing
    if (blankAt(rec, 0) && allBlank(rec)) return;
    this.stats.lines = rec.line;
    if (!this.rows) {
      this.findHeader(rec.fields(), rec.line);
      return;
    }
    this.stats.rows++;
    this.rows.row(rec);
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
      this.sink.add(problems.titleRows(line, text, title.length, title[0]!.line));
    }
  }

  private headerFromFirstRow(): void {
    const [first, ...rows] = this.beforeHeader.splice(0);
    this.header(first!.cells, first!.line);
    for (const row of rows) {
      if (this.stopped_) return;
      this.stats.rows++;
      this.rows!.row(recordOf(row.cells, row.line));
    }
  }

  private header(cells: string[], line: number): void {
    const layout = (this.layout = readHeader(cells, line, this.sink));
    this.stats.columns = layout.defs.map((d) => d?.id ?? "");
    this.rows = new RowReader(layout, this.sink, this.stats, this.thresholds, new ThresholdsByType(this.thresholds), this.inRegions);
    if (!layout.complete) this.stopped_ = true;
  }
}

/** The UTF-8 length of the cells' text with their delimiters, counted no further than past `most`. */
function utf8Length(cells: readonly string[], most: number): number {
  const delimiters = Math.max(0, cells.length - 1);
  let bound = delimiters;
  for (const cell of cells) bound += 3 * cell.length;
  if (bound <= most) return bound; // a UTF-16 unit is at most 3 bytes: the usual row is within the limit at once
  let bytes = delimiters;
  for (const cell of cells) {
    for (let i = 0; i < cell.length && bytes <= most; i++) {
      const code = cell.charCodeAt(i);
      // each half of a surrogate pair counts 2 of its 4 bytes
      bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 2 : 3;
    }
    if (bytes > most) break;
  }
  return bytes;
}

/** Reads a whole statistics file held in memory (bytes or text). */
export function readStatistics(input: Uint8Array | string, options: ReadOptions): ReadResult {
  const reader = new StatisticsReader(options);
  reader.push(typeof input === "string" ? new TextEncoder().encode(input) : input);
  return reader.end();
}
