/**
 * The identity cells (region code, year, institution type, region name) repeat from row to row: each distinct raw
 * text is parsed once. The last few distinct texts are kept as bytes and compared in place, so a hit costs no copy.
 */
import { sameBytes } from "./cells.js";
import type { CsvRecord } from "./csv.js";
import { utf8Bytes, utf8Text } from "./utf8.js";
import { normaliseCell, parseRegionCode, parseYear } from "./values.js";
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

export type CodeCell = Cached & { value: string | undefined };
export type YearCell = Cached & { value: number | undefined };
export type TypeCell = Cached & { unitType: string | undefined; typeIndex: number; regionRow: boolean };

const ENTRIES = 16;

export class CellCache<T extends Cached> {
  private readonly entries: T[] = [];
  private next = 0;
  private hit = 0;
  constructor(private readonly parse: (raw: string) => T) {}

  /** Cell i of the record, parsed (an absent cell reads as empty). */
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
    if (this.entries.length < ENTRIES) this.entries.push(entry);
    else {
      this.entries[this.next] = entry;
      this.next = (this.next + 1) % ENTRIES;
    }
    return entry;
  }
}

function cached(raw: string): Cached {
  const text = normaliseCell(raw);
  return { raw, rawBytes: utf8Bytes(raw), blank: text === "", text, total: TOTAL_ROW.test(text) };
}

export function readCode(raw: string): CodeCell {
  const base = cached(raw);
  const parsed = base.blank ? undefined : parseRegionCode(raw);
  return { ...base, value: parsed?.ok ? parsed.value : undefined };
}

export function readYear(raw: string): YearCell {
  const base = cached(raw);
  const parsed = base.blank ? undefined : parseYear(raw);
  return { ...base, value: parsed?.ok ? parsed.value : undefined };
}

export function readType(raw: string): TypeCell {
  const base = cached(raw);
  const lower = base.text.toLowerCase();
  const unitType = unitTypeByName.get(lower);
  return {
    ...base,
    unitType,
    typeIndex: unitType === undefined ? -1 : unitTypeIndex.get(unitType)!,
    regionRow: base.text === "" || REGION_TYPE_NAMES.has(lower),
  };
}

export function readName(raw: string): Cached {
  return cached(raw);
}

/** The four caches a reader keeps, one per identity column. */
export function identityCaches() {
  return { code: new CellCache(readCode), year: new CellCache(readYear), type: new CellCache(readType), name: new CellCache(readName) };
}
