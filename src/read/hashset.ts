/**
 * A set of strings kept as two 32-bit hashes each, in one open-addressed typed array: a million institution keys
 * cost 16 to 32 MB instead of the hundred a Set of strings would. A false "seen" needs both hashes to collide (about
 * one in 10^19 per pair), far below any file's chance of a real typo. Keys are hashed in place as UTF-8 bytes, a
 * range of the file's bytes, so no key string is ever built.
 *
 * The reader keeps one set per region, so a file whose regions come in one block each works in a small table that
 * stays in the processor's cache. A set starts small and doubles: a region of a few institutions costs a few
 * hundred bytes, and rows in any order cost the same per row (no set is ever packed away and rebuilt).
 */
import { utf8Bytes } from "./utf8.js";

/** slot layout: hash a (0: empty), hash b, first line */
const STRIDE = 3;
const EMPTY = new Uint32Array(0);

export class CompactStringSet {
  private table: Uint32Array = EMPTY;
  private capacity = 0;
  private size = 0;

  /** `initial`: the table's first size, made at the first add (a region of region rows only never needs one) */
  constructor(private readonly initial = 16) {}

  get length(): number {
    return this.size;
  }

  /** Adds the key; returns the line it was first added with when it was already present, else 0. */
  addOrGet(key: string, line: number): number {
    const bytes = utf8Bytes(key);
    return this.addOrGetRange(bytes, 0, bytes.length, line);
  }

  /** Adds bytes[from, to); returns the line it was first added with when it was already present, else 0. */
  addOrGetRange(bytes: Uint8Array, from: number, to: number, line: number): number {
    if (this.capacity === 0) {
      this.capacity = 1 << Math.max(2, Math.ceil(Math.log2(this.initial)));
      this.table = new Uint32Array(this.capacity * STRIDE);
    }
    // at most three quarters full: linear probing stays short
    if ((this.size + 1) * 4 > this.capacity * 3) this.grow();
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
    a = (a | 1) >>> 0; // never 0 (0 marks an empty slot), and unsigned, as the table stores it
    b = finish(b, to - from);
    const table = this.table;
    const mask = this.capacity - 1;
    for (let slot = (a ^ b) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * STRIDE;
      const stored = table[at]!;
      if (stored === 0) {
        table[at] = a;
        table[at + 1] = b;
        table[at + 2] = line;
        this.size++;
        return 0;
      }
      if (stored === a && table[at + 1] === b) return table[at + 2]!;
    }
  }

  private grow(): void {
    const old = this.table;
    this.capacity *= 2;
    this.table = new Uint32Array(this.capacity * STRIDE);
    this.insertAll(old);
  }

  /** Inserts the keys of an old table (hash a 0: an empty slot) into the table. */
  private insertAll(from: Uint32Array): void {
    const table = this.table;
    const mask = this.capacity - 1;
    for (let i = 0; i < from.length; i += STRIDE) {
      const a = from[i]!;
      if (a === 0) continue;
      const b = from[i + 1]!;
      let slot = (a ^ b) & mask;
      while (table[slot * STRIDE] !== 0) slot = (slot + 1) & mask;
      const at = slot * STRIDE;
      table[at] = a;
      table[at + 1] = b;
      table[at + 2] = from[i + 2]!;
    }
  }
}

function finish(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
