/**
 * The identity cells (region code, year, institution type, region name) repeat from row to row: each distinct raw
 * text is parsed once. Texts are found again by their bytes, hashed and compared in place, so a hit costs no copy,
 * whether the rows come grouped or in any order. The texts' bytes and the hash table are flat typed arrays: a row of
 * a file in any order finds its code's entry in a few cache lines, not through a Map, a bucket array and a byte array
 * of the entry's own.
 */
import type { RegionAccumulator } from "./accumulators.js";
import type { CsvRecord } from "./csv.js";
import { utf8Bytes, utf8Text } from "./utf8.js";
import { isNotReportedMark, normaliseCell, parseRegionCode, parseYear } from "./values.js";
import { REGION_TYPE_NAMES, TOTAL_ROW, unitTypeByName, unitTypeIndex } from "./vocabulary.js";

export interface Cached {
  raw: string;
  blank: boolean;
  text: string;
  /** the cell names a total row (合计, total …) */
  total: boolean;
}

export type CodeCell = Cached & {
  value: string | undefined;
  /** the reader's region of this code in the year it last had a row of: rows in any order find it in one step */
  region: RegionAccumulator | undefined;
};
export type YearCell = Cached & { value: number | undefined };
export type TypeCell = Cached & { unitType: string | undefined; typeIndex: number; regionRow: boolean };

/** distinct texts kept per cache before it starts again (a national file has a few thousand counties) */
const MAX_ENTRIES = 1 << 16;

export class CellCache<T extends Cached> {
  private readonly entries: T[] = [];
  /** entry i's raw bytes are text[starts[i], starts[i + 1]) */
  private text = new Uint8Array(1024);
  private starts = new Int32Array(65);
  /** open-addressed by a hash of the raw bytes: an entry's number + 1 (0: empty), at most half full */
  private slots = new Int32Array(128);
  private readonly byText = new Map<string, T>();
  private size = 0;
  /** the entry the last row found: the rows of a grouped file find it again (-1: none) */
  private last = -1;
  constructor(private readonly parse: (raw: string) => T) {}

  /** Cell i of the record, parsed (an absent cell reads as empty). */
  get(rec: CsvRecord, i: number): T {
    const absent = i < 0 || i >= rec.count;
    const owned = absent ? "" : rec.owned[i];
    if (owned !== undefined) return this.ownedText(owned);
    const s = rec.starts[i]!;
    const length = rec.ends[i]! - s;
    const bytes = rec.bytes;
    if (this.last >= 0 && this.sameAs(this.last, bytes, s, length)) return this.entries[this.last]!;
    let h = 0x811c9dc5;
    for (let k = s; k < s + length; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = (h ^ (h >>> 15)) & mask;
    for (let found = slots[slot]!; found !== 0; slot = (slot + 1) & mask, found = slots[slot]!) {
      if (this.sameAs(found - 1, bytes, s, length)) return this.entries[(this.last = found - 1)]!;
    }
    return this.add(bytes, s, length, slot);
  }

  /** A text not seen yet (or not since the cache started again), parsed and kept; `slot` is where it goes. */
  private add(bytes: Uint8Array, start: number, length: number, slot: number): T {
    const entry = this.parse(utf8Text(bytes, start, start + length));
    // the table may grow (or start again) first, and the text then goes where it says
    const at = this.room() ? slot : this.slotOf(bytes, start, length);
    this.slots[at] = this.keep(entry, bytes, start, length) + 1;
    this.last = this.size - 1;
    return entry;
  }

  /** Whether entry e's raw bytes are bytes[start, start + length). */
  private sameAs(e: number, bytes: Uint8Array, start: number, length: number): boolean {
    const from = this.starts[e]!;
    if (this.starts[e + 1]! - from !== length) return false;
    const text = this.text;
    for (let k = 0; k < length; k++) if (text[from + k] !== bytes[start + k]) return false;
    return true;
  }

  /** Keeps a new entry and its raw bytes; returns its number. */
  private keep(entry: T, bytes: Uint8Array, start: number, length: number): number {
    const e = this.size++;
    this.entries.push(entry);
    const from = this.starts[e]!;
    if (from + length > this.text.length) this.text = grown(this.text, from + length);
    for (let k = 0; k < length; k++) this.text[from + k] = bytes[start + k]!;
    if (e + 2 > this.starts.length) this.starts = grown(this.starts, e + 2);
    this.starts[e + 1] = from + length;
    return e;
  }

  /** The empty slot for new bytes (after the table has grown). */
  private slotOf(bytes: Uint8Array, start: number, length: number): number {
    let h = 0x811c9dc5;
    for (let k = start; k < start + length; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
    const mask = this.slots.length - 1;
    let slot = (h ^ (h >>> 15)) & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    return slot;
  }

  /** A cell the scanner had to copy out (quotes unescaped …): looked up by its text. */
  private ownedText(raw: string): T {
    let entry = this.byText.get(raw);
    if (!entry) {
      if (this.byText.size >= MAX_ENTRIES) this.byText.clear();
      this.byText.set(raw, (entry = this.parse(raw)));
    }
    return entry;
  }

  /**
   * Room for one more entry: true when the slot found for it still holds, false when the table has just grown (or
   * started again past MAX_ENTRIES).
   */
  private room(): boolean {
    if (this.size >= MAX_ENTRIES) {
      this.clearBytes();
      return false;
    }
    if (2 * (this.size + 1) <= this.slots.length) return true;
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.size; e++) {
      let h = 0x811c9dc5;
      for (let k = this.starts[e]!; k < this.starts[e + 1]!; k++) h = Math.imul(h ^ this.text[k]!, 0x01000193);
      let slot = (h ^ (h >>> 15)) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = e + 1;
    }
    this.slots = slots;
    return false;
  }

  private clearBytes(): void {
    this.entries.length = 0;
    this.slots.fill(0);
    this.size = 0;
    this.last = -1;
  }

  /** Forgets every entry (and what entries hold, such as a code's region). */
  clear(): void {
    this.clearBytes();
    this.byText.clear();
  }
}

/** A typed array's copy with room for at least `least` elements. */
function grown<A extends Uint8Array | Int32Array>(from: A, least: number): A {
  const to = new (from.constructor as new (length: number) => A)(Math.max(least, 2 * from.length));
  to.set(from);
  return to;
}

/**
 * Each kind of cell is built as one object literal naming every field, never as `{ ...base, value }`: V8 (Node 20)
 * gives each object made by a spread followed by more properties a map of its own, so the row loop, reading cells of
 * thousands of maps (one per county), missed its inline caches on every row of a file not grouped by county.
 */
function cached(raw: string): Cached {
  const text = normaliseCell(raw);
  return { raw, blank: text === "", text, total: TOTAL_ROW.test(text) };
}

export function readCode(raw: string): CodeCell {
  const { blank, text, total } = cached(raw);
  const parsed = blank ? undefined : parseRegionCode(raw);
  return { raw, blank, text, total, value: parsed?.ok ? parsed.value : undefined, region: undefined };
}

export function readYear(raw: string): YearCell {
  const { blank, text, total } = cached(raw);
  const parsed = blank ? undefined : parseYear(raw);
  return { raw, blank, text, total, value: parsed?.ok ? parsed.value : undefined };
}

export function readType(raw: string): TypeCell {
  const { blank, text, total } = cached(raw);
  const lower = text.toLowerCase();
  const unitType = unitTypeByName.get(lower);
  return {
    raw,
    blank,
    text,
    total,
    unitType,
    typeIndex: unitType === undefined ? -1 : unitTypeIndex.get(unitType)!,
    // a dash alone, as a table that dashes every empty cell has on its region rows, is an empty type
    regionRow: text === "" || REGION_TYPE_NAMES.has(lower) || isNotReportedMark(text),
  };
}

export function readName(raw: string): Cached {
  return cached(raw);
}

/** The four caches a reader keeps, one per identity column. */
export function identityCaches() {
  return { code: new CellCache(readCode), year: new CellCache(readYear), type: new CellCache(readType), name: new CellCache(readName) };
}
