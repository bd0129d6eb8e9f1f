/**
 * Every region's institution names, for duplicate rows: one set for the whole file, keyed by the region's number
 * and the name, each key kept as two 32-bit hashes and the line it was first seen on. A million names cost about 20
 * MB instead of the hundred a Set of strings would. A false "seen" needs both hashes to collide (about one in 10^19
 * per pair), far below any file's chance of a real typo. Names are hashed in place as UTF-8 bytes, a range of the
 * file's bytes, so no key string is ever built.
 *
 * One set for the file, not one per region: a row of a file in any order then looks in one place, not in a table of
 * its region's reached through two objects. The set is split by the hashes' top bits into SEGMENTS open-addressed
 * tables that grow each on its own, so growing copies a small table, never the whole set.
 */
import { utf8Bytes } from "./utf8.js";

/** slot layout: hash a (0: empty), hash b, first line */
const STRIDE = 3;
const SEGMENT_BITS = 8;
const SEGMENTS = 1 << SEGMENT_BITS;
/** slots a segment starts with, at its first name */
const FIRST_CAPACITY = 16;
const EMPTY = new Uint32Array(0);

export class InstitutionNames {
  private readonly tables: Uint32Array[] = Array.from({ length: SEGMENTS }, () => EMPTY);
  private readonly sizes = new Int32Array(SEGMENTS);
  private size = 0;

  get length(): number {
    return this.size;
  }

  /** Adds the region's name; returns the line it was first added with when it was already present, else 0. */
  addOrGet(region: number, key: string, line: number): number {
    const bytes = utf8Bytes(key);
    return this.addOrGetRange(region, bytes, 0, bytes.length, line);
  }

  /** Adds the region's name bytes[from, to); returns the line it was first added with when it was already present, else 0. */
  addOrGetRange(region: number, bytes: Uint8Array, from: number, to: number, line: number): number {
    // both hashes in one pass over the name: FNV-1a and MurmurHash3's 32-bit mixing
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let i = from; i < to; i++) {
      const c = bytes[i]!;
      a = Math.imul(a ^ c, 0x01000193);
      let k = Math.imul(c, 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      b ^= Math.imul(k, 0x1b873593);
      b = (b << 13) | (b >>> 19);
      b = (Math.imul(b, 5) + 0xe6546b64) | 0;
    }
    // the region is mixed into both through a bijection: one name in two regions is two keys that never collide
    a = mix(a ^ Math.imul(region, 0x9e3779b1), to - from);
    b = mix(b ^ Math.imul(region, 0x85ebca77), to - from);
    a = (a | 1) >>> 0; // never 0 (0 marks an empty slot), and unsigned, as the table stores it
    const segment = b >>> (32 - SEGMENT_BITS);
    // at most three quarters full: linear probing stays short
    if ((this.sizes[segment]! + 1) * 4 > (this.tables[segment]!.length / STRIDE) * 3) this.grow(segment);
    const table = this.tables[segment]!;
    const mask = table.length / STRIDE - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const at = slot * STRIDE;
      const stored = table[at]!;
      if (stored === 0) {
        table[at] = a;
        table[at + 1] = b;
        table[at + 2] = line;
        this.sizes[segment]!++;
        this.size++;
        return 0;
      }
      if (stored === a && table[at + 1] === b) return table[at + 2]!;
    }
  }

  /** Doubles a segment's table (or makes its first one), moving its keys over. */
  private grow(segment: number): void {
    const old = this.tables[segment]!;
    const capacity = Math.max(FIRST_CAPACITY, (old.length / STRIDE) * 2);
    const table = new Uint32Array(capacity * STRIDE);
    const mask = capacity - 1;
    for (let i = 0; i < old.length; i += STRIDE) {
      const a = old[i]!;
      if (a === 0) continue;
      let slot = a & mask;
      while (table[slot * STRIDE] !== 0) slot = (slot + 1) & mask;
      const at = slot * STRIDE;
      table[at] = a;
      table[at + 1] = old[i + 1]!;
      table[at + 2] = old[i + 2]!;
    }
    this.tables[segment] = table;
  }
}

/** MurmurHash3's finaliser, with the key's length: every bit of h reaches every bit of the result. */
function mix(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
