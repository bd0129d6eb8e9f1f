/**
 * A streaming RFC 4180 scanner over UTF-8 bytes: comma-separated (or another one-byte delimiter: tab, semicolon,
 * chosen before the first byte, see dialect.ts), double-quoted fields with "" escapes and embedded
 * line breaks, LF, CRLF or CR line ends, blank lines skipped. It is the hot path of the reader; csv-parse is the
 * reference it is property-tested against (test/read/csv.test.ts).
 *
 * Records are handed on as views into the bytes (field offsets), not arrays of strings: the reader parses most cells
 * (numbers) in place and compares repeated cells as bytes, so a million rows cost no per-cell allocation and no
 * decoding. Every delimiter is ASCII, which in UTF-8 never occurs inside a multi-byte character.
 */
import { LIMITS } from "./limits.js";
import { countLineBreaks } from "./line-breaks.js";
import { utf8Text } from "./utf8.js";

export type CsvProblem =
  | { kind: "unclosed-quote"; line: number; field: number }
  | { kind: "quote-error"; line: number; field: number; value: string }
  | { kind: "cell-too-long"; line: number; field: number; length: number }
  | { kind: "row-too-long"; line: number };

const EMPTY = new Uint8Array(0);

/** One record, valid only during the sink call that receives it. */
export class CsvRecord {
  bytes: Uint8Array = EMPTY;
  line = 0;
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** a plain-digit field's value, read while scanning (-1: empty, not only digits, or too long) */
  numbers = new Float64Array(64);
  /** a field's value where it is not a plain slice of the bytes (quotes unescaped, text after a quote, shortened) */
  readonly owned: Array<string | undefined> = [];
  /** how many fields of this record are in `owned` (most records have none, and then `owned` is not touched) */
  ownedCount = 0;

  field(i: number): string {
    if (i >= this.count) return "";
    const owned = this.owned[i];
    return owned !== undefined ? owned : utf8Text(this.bytes, this.starts[i]!, this.ends[i]!);
  }

  fields(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.field(i));
    return out;
  }

  /** Room for field k (rows may be ragged and wide). */
  reserve(k: number): void {
    if (k < this.starts.length) return;
    const grown = (from: Int32Array) => {
      const to = new Int32Array(from.length * 2);
      to.set(from);
      return to;
    };
    this.starts = grown(this.starts);
    this.ends = grown(this.ends);
    const numbers = new Float64Array(this.numbers.length * 2);
    numbers.set(this.numbers);
    this.numbers = numbers;
  }
}

export type RecordSink = (record: CsvRecord) => void;

/** problems kept, in all and within one record: each quote error carries its cell's text */
const MAX_KEPT_PROBLEMS = 1000;

/** A record's problems, held until the record is complete (an incomplete one is scanned again with the next chunk). */
interface RecordProblems {
  kept: CsvProblem[];
  more: number;
}

function withProblem(problems: RecordProblems | undefined, problem: CsvProblem): RecordProblems {
  const found = problems ?? { kept: [], more: 0 };
  if (found.kept.length < MAX_KEPT_PROBLEMS) found.kept.push(problem);
  else found.more++;
  return found;
}

export const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Longest cell accepted as data; longer ones are reported and passed on shortened to this length. */
export const MAX_CELL_LENGTH = LIMITS.cellLength;

/** Longest record accepted, in bytes: a longer one is reported and passed over as it is scanned, without being kept. */
export const MAX_ROW_BYTES = LIMITS.rowBytes;

// where a record being passed over is (CsvScanner.passOver): as the scanner reads, a quote opens a cell only at its start
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3;
/** a CR ended the record: an LF right after it belongs to the same line end */
const ENDED_BY_CR = 4;

interface PassingOver {
  line: number;
  /** line breaks inside its quoted cells so far */
  breaks: number;
  state: number;
  /** the last byte looked at was a CR (a CRLF is one line break) */
  afterCr: boolean;
}

export class CsvScanner {
  /** the unscanned bytes: a view of the start of `work` */
  private buffer: Uint8Array = EMPTY;
  private work = new Uint8Array(1 << 16);
  private line = 1;
  /** within an unfinished quoted cell: where the search for its closing quote resumes (no quote before it) */
  private resumeQuoteSearch = 0;
  private resumeField = -1;
  private readonly record = new CsvRecord();
  /** the first problems found (a row of malformed cells can have a hundred thousand): the rest are only counted */
  readonly problems: CsvProblem[] = [];
  problemsNotKept = 0;
  /** set once an unclosed quote has swallowed the rest of the input */
  failed = false;
  /** the byte between cells: a comma unless the text said otherwise (setDelimiter) */
  private delimiter = COMMA;

  /** Cells are separated by this ASCII byte (tab, semicolon …) from now on: set it before the first push. */
  setDelimiter(byte: number): void {
    this.delimiter = byte;
  }

  get cellDelimiter(): number {
    return this.delimiter;
  }

  /** a record over MAX_ROW_BYTES, reported, whose end is being looked for: its bytes are not kept */
  private passing: PassingOver | undefined;

  /** Scans the next bytes (whole UTF-8 characters or not: a record is handed on only once it is complete). */
  push(bytes: Uint8Array, sink: RecordSink): void {
    if (this.passing) {
      const end = this.passOver(bytes, 0, bytes.length, false);
      if (end === -1) return;
      bytes = bytes.subarray(end);
    }
    // the bytes are copied after the unfinished record the last chunk ended with, in a buffer kept for the purpose:
    // no allocation per chunk, and the caller may reuse its own buffer
    const kept = this.buffer.length;
    const total = kept + bytes.length;
    if (total > this.work.length) {
      const work = new Uint8Array(Math.max(total, this.work.length * 2));
      work.set(this.buffer, 0);
      this.work = work;
    }
    this.work.set(bytes, kept);
    this.buffer = this.work.subarray(0, total);
    this.scan(sink, false);
  }

  finish(sink: RecordSink): void {
    if (this.passing) this.passOver(EMPTY, 0, 0, true);
    this.scan(sink, true);
    this.buffer = EMPTY;
    // no bytes come after the last: the buffer they were copied to (as large as the largest chunk) can go
    this.work = EMPTY;
  }

  private scan(sink: RecordSink, final: boolean): void {
    const s = this.buffer;
    const n = s.length;
    const record = this.record;
    const delimiter = this.delimiter;
    record.bytes = s;
    let start = 0;
    let line = this.line;
    while (start < n && !this.failed) {
      record.count = 0;
      if (record.ownedCount > 0) {
        record.owned.length = 0;
        record.ownedCount = 0;
      }
      let i = start;
      let extraLines = 0;
      let complete = false;
      // kept with the record until it is complete: an incomplete record is scanned again with the next chunk
      let problems: RecordProblems | undefined;
      for (;;) {
        let fieldStart: number;
        let fieldEnd: number;
        let owned: string | undefined;
        let number = -1;
        if (i < n && s[i] === QUOTE) {
          const content = i + 1;
          const resumed = start === 0 && record.count === this.resumeField && this.resumeQuoteSearch > content;
          let from = resumed ? this.resumeQuoteSearch : content;
          let closed = -1;
          let escaped = false;
          for (;;) {
            const q = s.indexOf(QUOTE, from);
            if (q === -1) {
              if (!final) {
                this.resumeQuoteSearch = n - start;
                this.resumeField = record.count;
                return this.incomplete(start, line);
              }
              break;
            }
            if (q + 1 < n && s[q + 1] === QUOTE) {
              escaped = true;
              from = q + 2;
              continue;
            }
            if (q + 1 >= n && !final) {
              // the next chunk may start with the escaping quote
              this.resumeQuoteSearch = q - start;
              this.resumeField = record.count;
              return this.incomplete(start, line);
            }
            closed = q;
            break;
          }
          if (closed === -1) {
            if (problems) this.keepProblems(problems);
            // the problem that ends the scan is always kept
            this.problems.push({ kind: "unclosed-quote", line, field: record.count + 1 });
            this.failed = true;
            return this.keep(n, line);
          }
          this.resumeField = -1;
          extraLines += countLineBreaks(s, content, closed);
          fieldStart = content;
          fieldEnd = closed;
          // "" pairs (rare) are unescaped here; a resumed search may have passed some before this chunk
          if (escaped || resumed) {
            const text = utf8Text(s, content, closed);
            if (text.includes('""')) owned = text.replace(/""/g, '"');
          }
          i = closed + 1;
          // text between a closing quote and the next delimiter is kept, and reported
          let j = i;
          while (j < n) {
            const c = s[j]!;
            if (c === delimiter || c === LF || c === CR) break;
            j++;
          }
          if (j > i) {
            if (j >= n && !final) return this.incomplete(start, line);
            owned = (owned ?? utf8Text(s, content, closed)) + utf8Text(s, i, j);
            problems = withProblem(problems, { kind: "quote-error", line, field: record.count + 1, value: owned });
            i = j;
          }
        } else {
          let j = i;
          let value = 0;
          let digits = true;
          while (j < n) {
            const c = s[j]!;
            if (c === delimiter || c === LF || c === CR) break;
            if (c >= 48 && c <= 57) value = value * 10 + (c - 48);
            else digits = false;
            j++;
          }
          if (j >= n && !final) return this.incomplete(start, line);
          fieldStart = i;
          fieldEnd = j;
          number = digits && j > i && j - i <= 15 ? value : -1;
          i = j;
        }
        // the limit is in characters; a cell within it in bytes is within it in characters
        if ((owned !== undefined ? owned.length : fieldEnd - fieldStart) > MAX_CELL_LENGTH) {
          const text = owned ?? utf8Text(s, fieldStart, fieldEnd);
          if (text.length > MAX_CELL_LENGTH) {
            problems = withProblem(problems, { kind: "cell-too-long", line, field: record.count + 1, length: text.length });
            owned = text.slice(0, MAX_CELL_LENGTH);
          }
        }
        const k = record.count++;
        if (k >= record.starts.length) record.reserve(k);
        record.starts[k] = fieldStart;
        record.ends[k] = fieldEnd;
        if (owned !== undefined) {
          record.owned[k] = owned;
          record.ownedCount++;
          record.numbers[k] = -1;
        } else record.numbers[k] = number;
        if (i >= n) {
          complete = true; // final: end of input ends the record
          break;
        }
        const c = s[i]!;
        if (c === delimiter) {
          i++;
          if (i >= n && !final) return this.incomplete(start, line);
          if (i >= n) {
            const k = record.count++;
            if (k >= record.starts.length) record.reserve(k);
            record.starts[k] = i;
            record.ends[k] = i;
            record.numbers[k] = -1;
            complete = true;
            break;
          }
          continue;
        }
        if (c === CR) {
          if (i + 1 >= n && !final) return this.incomplete(start, line);
          i += i + 1 < n && s[i + 1] === LF ? 2 : 1;
        } else i++; // LF
        complete = true;
        break;
      }
      if (complete) {
        record.line = line;
        if (i - start > MAX_ROW_BYTES) this.keepProblem({ kind: "row-too-long", line });
        else {
          if (problems) this.keepProblems(problems);
          const blank = record.count === 1 && (record.owned[0] !== undefined ? record.owned[0] === "" : record.starts[0] === record.ends[0]);
          if (!blank) sink(record);
        }
        line += 1 + extraLines;
        start = i;
      }
    }
    this.keep(start, line);
  }

  /** Starts counting lines at `line` (for a scanner that takes over a file after its first records). */
  startAtLine(line: number): void {
    this.line = line;
  }

  /** Whether the text pushed so far ended exactly after a record: nothing kept, not inside a quoted cell. */
  atRecordStart(): boolean {
    return this.buffer.length === 0 && this.resumeField === -1 && !this.failed && !this.passing;
  }

  /**
   * A record not yet complete is kept for the next bytes, unless it is already longer than MAX_ROW_BYTES: then it is
   * reported at its line and passed over, its end looked for in the bytes as they come, none of them kept.
   */
  private incomplete(start: number, line: number): void {
    const n = this.buffer.length;
    if (n - start <= MAX_ROW_BYTES) return this.keep(start, line);
    this.keepProblem({ kind: "row-too-long", line });
    this.resumeField = -1;
    this.passing = { line, breaks: 0, state: FIELD_START, afterCr: false };
    const end = this.passOver(this.buffer, start, n, false);
    // the record was incomplete to the scanner, so it goes on past these bytes; were it to end here, the rest is kept
    this.keep(end === -1 ? n : end, this.line);
  }

  /**
   * Looks for the end of the record being passed over in bytes[from, to), reading quotes as the scanner does.
   * Returns where the next record starts (the record has ended: the line count moves past it), or -1.
   */
  private passOver(bytes: Uint8Array, from: number, to: number, final: boolean): number {
    const p = this.passing!;
    const delimiter = this.delimiter;
    let state = p.state;
    let afterCr = p.afterCr;
    let end = -1;
    for (let i = from; i < to; i++) {
      const c = bytes[i]!;
      if (state === ENDED_BY_CR) {
        end = c === LF ? i + 1 : i;
        break;
      }
      if (state === QUOTED) {
        if (c === QUOTE) state = QUOTE_SEEN;
        else if (c === CR) p.breaks++;
        else if (c === LF && !afterCr) p.breaks++;
        afterCr = c === CR;
        continue;
      }
      if (c === QUOTE) {
        if (state !== UNQUOTED) state = QUOTED;
      } else if (c === delimiter) state = FIELD_START;
      else if (c === LF) {
        end = i + 1;
        break;
      } else if (c === CR) state = ENDED_BY_CR;
      else state = UNQUOTED;
    }
    if (end === -1 && final) end = to;
    if (end === -1) {
      p.state = state;
      p.afterCr = afterCr;
      return -1;
    }
    this.line = p.line + 1 + p.breaks;
    this.passing = undefined;
    return end;
  }

  private keepProblem(problem: CsvProblem): void {
    if (this.problems.length < MAX_KEPT_PROBLEMS) this.problems.push(problem);
    else this.problemsNotKept++;
  }

  /** The line the next record starts on, when at a record start. */
  get nextLine(): number {
    return this.line;
  }

  private keepProblems(found: RecordProblems): void {
    for (const p of found.kept) {
      if (this.problems.length < MAX_KEPT_PROBLEMS) this.problems.push(p);
      else this.problemsNotKept++;
    }
    this.problemsNotKept += found.more;
  }

  /** The line the text pushed so far ends on (for problems found before the next text reaches the scanner). */
  lineAtEnd(): number {
    if (this.passing) return this.passing.line + this.passing.breaks;
    return this.line + countLineBreaks(this.buffer, 0, this.buffer.length);
  }

  private keep(from: number, line: number): void {
    const rest = this.buffer.length - from;
    if (rest <= 0) this.buffer = EMPTY;
    else {
      this.work.copyWithin(0, from, this.buffer.length); // the buffer is always the start of `work`
      this.buffer = this.work.subarray(0, rest);
    }
    this.line = line;
  }
}
