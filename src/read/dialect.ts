/**
 * The shape of a text file as bureaus save it, found from its first lines: which byte separates the cells (comma,
 * tab as in Excel's "Unicode text", semicolon as in a European Excel's CSV), and which row is the header when title
 * rows ("2024年某县卫生健康人力资源统计表", a blank row) stand above it.
 */
import { Buffer } from "node:buffer";
import { columnWithUnit } from "./columns.js";
import { COMMA, CsvRecord } from "./csv.js";

export const TAB = 9;
export const SEMICOLON = 59;
const LF = 10;
const QUOTED = /"[^"]*"?/g;
const LINE_BREAK = /\r|\n/;
/** a character that is neither a space nor a candidate delimiter */
const CONTENT = /[^ ,\t;]/;

/** The delimiters looked for, in the order that breaks a tie. */
const CANDIDATES = [COMMA, TAB, SEMICOLON] as const;

/** Lines of the sample looked at: enough to see past title rows to a run of data rows. */
const SAMPLE_LINES = 50;

export function delimiterName(byte: number): "comma" | "tab" | "semicolon" {
  return byte === TAB ? "tab" : byte === SEMICOLON ? "semicolon" : "comma";
}

/**
 * The delimiter of a text from its first lines (UTF-8 bytes; quoted cells, with their line breaks, are skipped): for
 * each candidate, how many cells most lines have; the one on which the most lines agree wins, then the one that
 * makes more cells. A tab-separated file whose numbers are written "1,234" has as many tabs on every line and a
 * varying number of commas, so tab wins; a title row, with no delimiter or a run of empty cells, does not count.
 */
export function detectDelimiter(sample: Uint8Array): number {
  // The sample may be a whole chunk of a large file, and only its first lines count: a part of it ending at a line
  // break is looked at first, and a larger one only while the part holds fewer lines than are counted. A line counted
  // in a part is counted the same in the whole (a quote still open at the part's end hides only what follows it).
  let counts: number[][];
  for (let breaks = 2 * SAMPLE_LINES; ; breaks *= 4) {
    const end = afterLineBreaks(sample, breaks);
    counts = cellCounts(sample.subarray(0, end));
    if (counts[0]!.length === SAMPLE_LINES || end === sample.length) break;
  }
  let best: { delimiter: number; support: number; cells: number } = { delimiter: COMMA, support: 0, cells: 0 };
  CANDIDATES.forEach((delimiter, c) => {
    const tally = new Map<number, number>();
    for (const n of counts[c]!) if (n > 0) tally.set(n, (tally.get(n) ?? 0) + 1);
    for (const [cells, support] of tally) {
      if (support > best.support || (support === best.support && cells > best.cells)) best = { delimiter, support, cells };
    }
  });
  return best.delimiter;
}

/** Where the `breaks`-th LF of the bytes ends, or their length when they hold fewer. */
function afterLineBreaks(bytes: Uint8Array, breaks: number): number {
  let at = -1;
  for (let n = 0; n < breaks; n++) {
    at = bytes.indexOf(LF, at + 1);
    if (at === -1) return bytes.length;
  }
  return at + 1;
}

/** For each candidate, how many of it each of the first SAMPLE_LINES lines with content holds. */
function cellCounts(sample: Uint8Array): number[][] {
  // the bytes as Latin-1 text (a character a byte), worked through by the string and regular expression built-ins: a
  // loop over every byte here would be hot enough in a short run for V8 to spend more compiling it than reading
  const text = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength).toString("latin1");
  // a quoted cell, line breaks and delimiters in it included, counts as content and nothing else (an unclosed quote
  // runs to the end of the text)
  const lines = text.replace(QUOTED, '"').split(LINE_BREAK);
  const counts = CANDIDATES.map(() => [] as number[]);
  let counted = 0;
  for (const line of lines) {
    if (counted === SAMPLE_LINES) break;
    if (!CONTENT.test(line)) continue; // an empty line, or only spaces and delimiters
    CANDIDATES.forEach((delimiter, c) => counts[c]!.push(occurrences(line, String.fromCharCode(delimiter))));
    counted++;
  }
  return counts;
}

function occurrences(text: string, character: string): number {
  return text.length - text.replaceAll(character, "").length;
}

/** Rows looked at for a header before the first row is taken as the header anyway. */
export const MAX_TITLE_ROWS = 10;

/**
 * Whether a row reads as a header: two cells or more name known columns (with or without a unit). A title row, a
 * "单位：人" row or a data row names none.
 */
export function looksLikeHeader(cells: readonly string[]): boolean {
  let known = 0;
  for (const cell of cells) if (columnWithUnit(cell).def && ++known >= 2) return true;
  return false;
}

/** A record of cells held as strings (a workbook's row, a row held back while looking for the header). */
export function recordOf(cells: readonly string[], line: number): CsvRecord {
  const record = new CsvRecord();
  record.line = line;
  record.count = cells.length;
  while (record.starts.length <= cells.length) record.reserve(record.starts.length);
  cells.forEach((cell, i) => {
    record.starts[i] = 0;
    record.ends[i] = 0;
    record.numbers[i] = -1;
    record.owned[i] = cell;
  });
  record.ownedCount = cells.length;
  return record;
}

/** Joins UTF-8 chunks. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
