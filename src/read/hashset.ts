/**
 * A set of strings kept as two 32-bit hashes each, in one open-addressed typed array: a million institution keys
 * cost about 16 MB instead of the hundred a Set of strings would. A false "seen" needs both hashes to collide (about
 * one in 10^19 per pair), far below any file's chance of a real typo. Keys are hashed in place as UTF-8 bytes, a
 * range of the file's bytes, so no key string is ever built.
 *
 * The reader keeps one set per region: a region's rows usually come together, and its small table then stays in
 * the processor's cache, where one table for the whole file would cost a cache miss per row. When the file moves on
 * to another region the set is parked: packed to 12 bytes a key until a key is added again, which a file whose
 * regions come in one block each never does.
 */
import { utf8Bytes } from "./utf8.js";

/** slot layout: hash a (0: empty), hash b, first line */
const STRIDE = 3;
const EMPTY = new Uint32Array(0);

export class CompactStringSet {
  private table: Uint32Array;
  private capacity: number;
  private size = 0;
  /** the keys packed end to end while parked (the table is then empty) */
  private packed: Uint32Array | undefined;

  /** `capacity`: the table's first size, made at the first add (a region of region rows only never needs one) */
  constructor(private readonly initial = 512) {
    this.capacity = 0;
    this.table = EMPTY;
  }

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
    if (this.packed) this.unpark();
    else if (this.capacity === 0) {
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

  /** The keys as (hash a, hash b, first line) triples end to end: the set parks to give them. */
  packedKeys(): Uint32Array {
    this.park();
    return this.packed ?? new Uint32Array(0);
  }

  /** A set of the keys packedKeys() gave, parked. */
  static fromPacked(packed: Uint32Array): CompactStringSet {
    const set = new CompactStringSet();
    set.packed = packed;
    set.size = packed.length / STRIDE;
    return set;
  }

  /** Whether any of the packed keys is in this set. */
  hasAnyOf(packed: Uint32Array): boolean {
    if (this.size === 0 || packed.length === 0) return false;
    if (this.packed) this.unpark();
    for (let i = 0; i < packed.length; i += STRIDE) if (this.lineOf(packed[i]!, packed[i + 1]!) !== 0) return true;
    return false;
  }

  /** Adds packed keys none of which is in the set yet (see hasAnyOf). */
  addAllNew(packed: Uint32Array): void {
    if (packed.length === 0) return;
    if (this.packed) this.unpark();
    const added = packed.length / STRIDE;
    const needed = 1 << Math.max(2, Math.ceil(Math.log2(((this.size + added + 1) * 4) / 3 + 1)));
    if (needed > this.capacity) {
      const old = this.table;
      this.capacity = needed;
      this.table = new Uint32Array(this.capacity * STRIDE);
      this.insertAll(old);
    }
    this.insertAll(packed);
    this.size += added;
  }

  private lineOf(a: number, b: number): number {
    const table = this.table;
    const mask = this.capacity - 1;
    for (let slot = (a ^ b) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * STRIDE;
      const stored = table[at]!;
      if (stored === 0) return 0;
      if (stored === a && table[at + 1] === b) return table[at + 2]!;
    }
  }

  /** Packs the keys tightly until the next add. */
  park(): void {
    if (this.packed) return;
    if (this.size === 0) {
      // nothing to keep: the next add starts a table of the first size, not a packed list's tiny one grown step by step
      this.table = EMPTY;
      this.capacity = 0;
      return;
    }
    const packed = new Uint32Array(this.size * STRIDE);
    const table = this.table;
    let to = 0;
    for (let from = 0; from < table.length; from += STRIDE) {
      if (table[from] === 0) continue;
      packed[to] = table[from]!;
      packed[to + 1] = table[from + 1]!;
      packed[to + 2] = table[from + 2]!;
      to += STRIDE;
    }
    this.packed = packed;
    this.table = EMPTY;
  }

  private unpark(): void {
    const packed = this.packed!;
    this.packed = undefined;
    // room for the keys and a few more at most three quarters full, as grow() leaves it, and no less than a new set
    this.capacity = 1 << Math.max(2, Math.ceil(Math.log2(this.initial)), Math.ceil(Math.log2(((this.size + 1) * 4) / 3 + 1)));
    this.table = new Uint32Array(this.capacity * STRIDE);
    this.insertAll(packed);
  }

  private grow(): void {
    const old = this.table;
    this.capacity *= 2;
    this.table = new Uint32Array(this.capacity * STRIDE);
    this.insertAll(old);
  }

  /** Inserts the keys of a table or packed list (hash a 0: an empty slot) into the table, where none is present. */
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
