/**
 * A streaming RFC 4180 scanner: comma-separated, double-quoted fields with "" escapes and embedded line breaks,
 * LF, CRLF or CR line ends, blank lines skipped. It is the hot path of the reader; csv-parse is the reference it is
 * property-tested against (test/read/csv.test.ts).
 */
import { LIMITS } from "./limits.js";

export type CsvProblem =
  | { kind: "unclosed-quote"; line: number; field: number }
  | { kind: "quote-error"; line: number; field: number; value: string }
  | { kind: "cell-too-long"; line: number; field: number; length: number };

export type RecordSink = (fields: string[], line: number) => void;

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Longest cell accepted as data; longer ones are reported (their value is still passed on, shortened). */
export const MAX_CELL_LENGTH = LIMITS.cellLength;

export class CsvScanner {
  private buffer = "";
  private line = 1;
  readonly problems: CsvProblem[] = [];
  /** set once an unclosed quote has swallowed the rest of the input */
  failed = false;

  push(text: string, sink: RecordSink): void {
    this.buffer = this.buffer.length === 0 ? text : this.buffer + text;
    this.scan(sink, false);
  }

  finish(sink: RecordSink): void {
    this.scan(sink, true);
    this.buffer = "";
  }

  private scan(sink: RecordSink, final: boolean): void {
    const s = this.buffer;
    const n = s.length;
    let start = 0;
    let line = this.line;
    while (start < n && !this.failed) {
      const fields: string[] = [];
      let i = start;
      let extraLines = 0;
      let complete = false;
      // kept with the record until it is complete: an incomplete record is scanned again with the next chunk
      let problems: CsvProblem[] | undefined;
      for (;;) {
        let value: string;
        if (i < n && s.charCodeAt(i) === QUOTE) {
          let segment = i + 1;
          value = "";
          let closed = -1;
          for (;;) {
            const q = s.indexOf('"', segment);
            if (q === -1) break;
            if (q + 1 < n && s.charCodeAt(q + 1) === QUOTE) {
              value += s.slice(segment, q + 1);
              segment = q + 2;
              continue;
            }
            if (q + 1 >= n && !final) break; // the next chunk may start with the escaping quote
            value += s.slice(segment, q);
            closed = q;
            break;
          }
          if (closed === -1) {
            if (!final) return this.keep(start, line);
            if (problems) this.problems.push(...problems);
            this.problems.push({ kind: "unclosed-quote", line, field: fields.length + 1 });
            this.failed = true;
            return this.keep(n, line);
          }
          extraLines += countLineBreaks(s, i + 1, closed);
          i = closed + 1;
          // text between a closing quote and the next delimiter is kept, and reported
          let j = i;
          while (j < n) {
            const c = s.charCodeAt(j);
            if (c === COMMA || c === LF || c === CR) break;
            j++;
          }
          if (j > i) {
            if (j >= n && !final) return this.keep(start, line);
            value += s.slice(i, j);
            (problems ??= []).push({ kind: "quote-error", line, field: fields.length + 1, value });
            i = j;
          }
        } else {
          let j = i;
          while (j < n) {
            const c = s.charCodeAt(j);
            if (c === COMMA || c === LF || c === CR) break;
            j++;
          }
          if (j >= n && !final) return this.keep(start, line);
          value = s.slice(i, j);
          i = j;
        }
        if (value.length > MAX_CELL_LENGTH) {
          (problems ??= []).push({ kind: "cell-too-long", line, field: fields.length + 1, length: value.length });
          value = value.slice(0, MAX_CELL_LENGTH);
        }
        fields.push(value);
        if (i >= n) {
          complete = true; // final: end of input ends the record
          break;
        }
        const c = s.charCodeAt(i);
        if (c === COMMA) {
          i++;
          if (i >= n && !final) return this.keep(start, line);
          if (i >= n) {
            fields.push("");
            complete = true;
            break;
          }
          continue;
        }
        if (c === CR) {
          if (i + 1 >= n && !final) return this.keep(start, line);
          i += i + 1 < n && s.charCodeAt(i + 1) === LF ? 2 : 1;
        } else i++; // LF
        complete = true;
        break;
      }
      if (complete) {
        if (problems) this.problems.push(...problems);
        if (!(fields.length === 1 && fields[0] === "")) sink(fields, line);
        line += 1 + extraLines;
        start = i;
      }
    }
    this.keep(start, line);
  }

  /** The line the text pushed so far ends on (for problems found before the next text reaches the scanner). */
  lineAtEnd(): number {
    return this.line + countLineBreaks(this.buffer, 0, this.buffer.length);
  }

  private keep(from: number, line: number): void {
    this.buffer = from >= this.buffer.length ? "" : this.buffer.slice(from);
    this.line = line;
  }
}

function countLineBreaks(s: string, from: number, to: number): number {
  let count = 0;
  for (let at = from; at < to; at++) {
    const c = s.charCodeAt(at);
    if (c === LF) count++;
    else if (c === CR && !(at + 1 < to && s.charCodeAt(at + 1) === LF)) count++;
  }
  return count;
}
