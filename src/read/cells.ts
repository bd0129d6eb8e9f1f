/**
 * Views of a record's cells in place, on the scanner's bytes: blank or not, an institution name's trimmed range and
 * text, whether it may be a total row's name. Most cells are never copied out of the file's bytes.
 */
import type { CsvRecord } from "./csv.js";
import { codePointAt, utf8Text, whiteAt, whiteBefore } from "./utf8.js";
import { isBlank, normaliseCell } from "./values.js";
import { TOTAL_FIRST } from "./vocabulary.js";

/** A trimmed cell's place in the record's bytes (0, 0 when the cell is owned text: see CsvRecord.owned). */
export interface CellRange {
  start: number;
  end: number;
  /** its length: in bytes, or in characters for owned text */
  length: number;
}

/** Whether cell i is empty or white space, without copying it. */
export function blankAt(rec: CsvRecord, i: number): boolean {
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

export function allBlank(rec: CsvRecord): boolean {
  for (let i = 0; i < rec.count; i++) if (!blankAt(rec, i)) return false;
  return true;
}

/**
 * Cell i's range, trimmed of white space, written into `into` and returned: the row loop passes the same object for
 * every row, so that a row allocates nothing.
 */
export function trimCell(rec: CsvRecord, i: number, into: CellRange): CellRange {
  if (i < 0 || i >= rec.count) return setRange(into, 0, 0, 0);
  const owned = rec.owned[i];
  if (owned !== undefined) return setRange(into, 0, 0, owned.trim().length);
  const bytes = rec.bytes;
  let start = rec.starts[i]!;
  let end = rec.ends[i]!;
  for (let white; start < end && (white = whiteAt(bytes, start, end)) > 0; ) start += white;
  for (let white; end > start && (white = whiteBefore(bytes, start, end)) > 0; ) end -= white;
  return setRange(into, start, end, end - start);
}

function setRange(range: CellRange, start: number, end: number, length: number): CellRange {
  range.start = start;
  range.end = end;
  range.length = length;
  return range;
}

/** Whether cell i could be 合计/总计/小计/…/total/sum: its first character says. */
export function mayBeTotal(rec: CsvRecord, i: number, cell: CellRange): boolean {
  if (i < 0 || i >= rec.count) return false;
  const owned = rec.owned[i];
  const c = owned !== undefined ? owned.trim().charCodeAt(0) : codePointAt(rec.bytes, cell.start, rec.ends[i]!);
  return TOTAL_FIRST.has(c | 0x20);
}

/** Cell i's text, normalised (trimmed, full-width forms made ASCII). */
export function cellText(rec: CsvRecord, i: number, cell: CellRange): string {
  if (i < 0 || i >= rec.count) return "";
  const owned = rec.owned[i];
  return normaliseCell(owned !== undefined ? owned : utf8Text(rec.bytes, cell.start, cell.end));
}
