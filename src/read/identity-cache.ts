/**
 * The identity cells (region code, year, institution type, region name) repeat from row to row: each distinct raw
 * text is parsed once. Texts are found again by their bytes, hashed and compared in place, so a hit costs no copy,
 * whether the rows come grouped or in any order.
 */
import { sameBytes } from "./cells.js";
import type { RegionAccumulator } from "./accumulators.js";
import type { CsvRecord } from "./csv.js";
import { utf8Bytes, utf8Text } from "./utf8.js";
import { isNotReportedMark, normaliseCell, parseRegionCode, parseYear } from "./values.js";
import { REGION_TYPE_NAMES, TOTAL_ROW, unitTypeByName, unitTypeIndex } from "./vocabulary.js";

export interface Cached {
  raw: string;
  /** the raw cell's UTF-8 bytes, to compare the next rows' cells with in place */
  rawBytes: Uint8Array;
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
  /** by a hash of the raw bytes: rows in any order find their cell's entry in one step */
  private readonly byHash = new Map<number, T[]>();
  private readonly byText = new Map<string, T>();
  private size = 0;
  /** the entry the last row found: the rows of a grouped file find it again */
  private last: T | undefined;
  constructor(private readonly parse: (raw: string) => T) {}

  /** Cell i of the record, parsed (an absent cell reads as empty). */
  get(rec: CsvRecord, i: number): T {
    const absent = i < 0 || i >= rec.count;
    const owned = absent ? "" : rec.owned[i];
    if (owned !== undefined) return this.ownedText(owned);
    const s = rec.starts[i]!;
    const length = rec.ends[i]! - s;
    const bytes = rec.bytes;
    const last = this.last;
    if (last && sameBytes(last.rawBytes, bytes, s, length)) return last;
    let h = 0x811c9dc5;
    for (let k = s; k < s + length; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
    h &= 0x3fffffff; // a small integer, which a Map hashes without boxing it
    const bucket = this.byHash.get(h);
    if (bucket) {
      for (let k = 0; k < bucket.length; k++) {
        if (sameBytes(bucket[k]!.rawBytes, bytes, s, length)) return (this.last = bucket[k]!);
      }
    }
    const entry = this.parse(utf8Text(bytes, s, s + length));
    this.room();
    if (bucket) bucket.push(entry);
    else this.byHash.set(h, [entry]);
    return (this.last = entry);
  }

  /** A cell the scanner had to copy out (quotes unescaped …): looked up by its text. */
  private ownedText(raw: string): T {
    let entry = this.byText.get(raw);
    if (!entry) {
      this.room();
      this.byText.set(raw, (entry = this.parse(raw)));
    }
    return entry;
  }

  private room(): void {
    if (++this.size <= MAX_ENTRIES) return;
    this.clear();
    this.size = 1;
  }

  /** Forgets every entry (and what entries hold, such as a code's region). */
  clear(): void {
    this.byHash.clear();
    this.byText.clear();
    this.last = undefined;
    this.size = 0;
  }
}

/**
 * Each kind of cell is built as one object literal naming every field, never as `{ ...base, value }`: V8 (Node 20)
 * gives each object made by a spread followed by more properties a map of its own, so the row loop, reading cells of
 * thousands of maps (one per county), missed its inline caches on every row of a file not grouped by county.
 */
function cached(raw: string): Cached {
  const text = normaliseCell(raw);
  return { raw, rawBytes: utf8Bytes(raw), blank: text === "", text, total: TOTAL_ROW.test(text) };
}

export function readCode(raw: string): CodeCell {
  const { rawBytes, blank, text, total } = cached(raw);
  const parsed = blank ? undefined : parseRegionCode(raw);
  return { raw, rawBytes, blank, text, total, value: parsed?.ok ? parsed.value : undefined, region: undefined };
}

export function readYear(raw: string): YearCell {
  const { rawBytes, blank, text, total } = cached(raw);
  const parsed = blank ? undefined : parseYear(raw);
  return { raw, rawBytes, blank, text, total, value: parsed?.ok ? parsed.value : undefined };
}

export function readType(raw: string): TypeCell {
  const { rawBytes, blank, text, total } = cached(raw);
  const lower = text.toLowerCase();
  const unitType = unitTypeByName.get(lower);
  return {
    raw,
    rawBytes,
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
