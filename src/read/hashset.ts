/**
 * Every region's institution names, for duplicate rows: one set for the whole file, keyed by the region's number
 * and the name, each key kept as two 32-bit hashes and the line it was first seen on (12 bytes; a million names cost
 * about 17 MB, where a Set of strings would cost a hundred). A false "seen" needs both hashes to collide (about one
 * in 10^19 per pair), far below any file's chance of a real typo. Names are hashed in place as UTF-8 bytes, a range of
 * the file's bytes, so no key string is ever built.
 *
 * The regions share GROUPS tables, a region's names all in one (its group, from its number): a file grouped by
 * region works in the few buckets of one group, which stay in the processor's cache, and a row of a file in any order
 * looks in one bucket, found through two small arrays (not through a table object of its region's). Each group is an
 * extendible hash table: a directory, indexed by the top bits of hash b, names the bucket of each key; a full bucket
 * is split in two by the next bit of b, so a table grows a bucket at a time and never copies itself whole (a table
 * grown by doubling would hold its old and its new copy at once, and leave the old one to the garbage collector).
 * Buckets live in chunks that are never moved.
 *
 * A bucket's keys are kept in the order they came, each field in a run of its own (hash a, then hash b, then the
 * line), and a key is looked for by reading the bucket's hashes a in turn: a few cache lines, read in order. A bucket
 * then fills to the last slot before it is split, where an open-addressed one had to stop at three quarters for its
 * probes to stay short, and a split only parts its keys in two by a bit, without hashing them again: some 17 bytes
 * a name, not 24.
 */
import { giveBack } from "./memory.js";
import { utf8Bytes } from "./utf8.js";

// a bucket: how many keys it holds, its depth (the top bits of hash b its keys share), the next bucket of its chain
// + 1 (0: none; only buckets at the most depth chain), then BUCKET_SLOTS hashes a, BUCKET_SLOTS hashes b and
// BUCKET_SLOTS first lines, the first COUNT of each in use
const COUNT = 0;
const DEPTH = 1;
const OVERFLOW = 2;
const BUCKET_SLOTS = 64;
const HASH_A = 3;
const HASH_B = HASH_A + BUCKET_SLOTS;
const LINE = HASH_B + BUCKET_SLOTS;
const BUCKET_WIDTH = LINE + BUCKET_SLOTS;
/** 1,024 buckets (780 KB) a chunk: about a block of the size memory.ts explains, and a mapping of its own */
const BUCKET_BITS = 10;
const BUCKETS_PER_CHUNK = 1 << BUCKET_BITS;
const GROUP_BITS = 8;
const GROUPS = 1 << GROUP_BITS;
const NO_DIRECTORY = new Int32Array(0);
/**
 * A directory's most bits (4M buckets, some 180M names): past it a full bucket is chained to another, so that keys
 * whose hash b is the same (crafted to be) cannot double the directory without end.
 */
const MAX_DEPTH = 22;

export class InstitutionNames {
  private readonly chunks: Uint32Array[] = [];
  private buckets = 0;
  /** per group, per value of hash b's top bits (as many as the group's depth), its bucket (empty: no name yet) */
  private readonly directories: Int32Array[] = Array.from({ length: GROUPS }, () => NO_DIRECTORY);
  private readonly depths = new Int32Array(GROUPS);
  private size = 0;

  /** `maxDepth`: a directory's most bits (fewer only to test the chains) */
  constructor(private readonly maxDepth = MAX_DEPTH) {}

  get length(): number {
    return this.size;
  }

  /** Gives the set's memory back now (see giveBack); the set is empty afterwards. */
  release(): void {
    for (const chunk of this.chunks) giveBack(chunk.buffer);
    this.chunks.length = 0;
    for (let g = 0; g < GROUPS; g++) this.directories[g] = NO_DIRECTORY;
    this.depths.fill(0);
    this.buckets = 0;
    this.size = 0;
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
    a >>>= 0; // unsigned, as the table stores it
    const group = Math.imul(region, 0x9e3779b1) >>> (32 - GROUP_BITS);
    if (this.directories[group]!.length === 0) this.directories[group] = Int32Array.of(this.addBucket(0));
    for (;;) {
      const depth = this.depths[group]!;
      const bucket = this.directories[group]![depth === 0 ? 0 : b >>> (32 - depth)]!;
      const found = this.inChain(bucket, a, b, line);
      if (found >= 0) return found;
      // the key's bucket is full: split it (the directory then names the key's new bucket), and look again
      this.split(group, bucket, b);
    }
  }

  /**
   * Looks for the key in a bucket and the buckets chained to it: its first line when present, else 0 once it is
   * added, or -1 when the bucket is full and can be split.
   */
  private inChain(bucket: number, a: number, b: number, line: number): number {
    for (;;) {
      const table = this.chunks[bucket >>> BUCKET_BITS]!;
      const base = (bucket & (BUCKETS_PER_CHUNK - 1)) * BUCKET_WIDTH;
      const count = table[base + COUNT]!;
      for (let i = base + HASH_A, end = base + HASH_A + count; i < end; i++) {
        if (table[i] === a && table[i + BUCKET_SLOTS] === b) return table[i + 2 * BUCKET_SLOTS]!;
      }
      // a full bucket of the most depth has its later keys in the buckets chained to it
      const next = table[base + OVERFLOW]!;
      if (next > 0) {
        bucket = next - 1;
        continue;
      }
      if (count < BUCKET_SLOTS) {
        table[base + HASH_A + count] = a;
        table[base + HASH_B + count] = b;
        table[base + LINE + count] = line;
        table[base + COUNT] = count + 1;
        this.size++;
        return 0;
      }
      if (table[base + DEPTH]! < this.maxDepth) return -1;
      // at the directory's most bits: a bucket chained to this one takes the key
      const chained = this.addBucket(this.maxDepth);
      table[base + OVERFLOW] = chained + 1;
      bucket = chained;
    }
  }

  /**
   * Splits a full bucket of a group by the next bit of hash b (`b`: any of its keys'), doubling the group's directory
   * when it must: the keys whose bit is set go to a new bucket, the others close up in order.
   */
  private split(group: number, bucket: number, b: number): void {
    const table = this.chunks[bucket >>> BUCKET_BITS]!;
    const base = (bucket & (BUCKETS_PER_CHUNK - 1)) * BUCKET_WIDTH;
    const depth = table[base + DEPTH]!;
    if (depth === this.depths[group]) this.doubleDirectory(group);
    // the directory's entries for the bucket's prefix: the upper half of them now names the new bucket
    const span = 2 ** (this.depths[group]! - depth);
    const first = (depth === 0 ? 0 : b >>> (32 - depth)) * span;
    const upper = this.addBucket(depth + 1);
    table[base + DEPTH] = depth + 1;
    this.directories[group]!.fill(upper, first + span / 2, first + span);
    const upperTable = this.chunks[upper >>> BUCKET_BITS]!;
    const upperBase = (upper & (BUCKETS_PER_CHUNK - 1)) * BUCKET_WIDTH;
    const count = table[base + COUNT]!;
    let kept = 0;
    let moved = 0;
    for (let i = 0; i < count; i++) {
      const keyB = table[base + HASH_B + i]!;
      if ((keyB >>> (31 - depth)) & 1) {
        upperTable[upperBase + HASH_A + moved] = table[base + HASH_A + i]!;
        upperTable[upperBase + HASH_B + moved] = keyB;
        upperTable[upperBase + LINE + moved] = table[base + LINE + i]!;
        moved++;
      } else {
        // kept ≤ i: a key closes up over one moved out, never over one still to be read
        table[base + HASH_A + kept] = table[base + HASH_A + i]!;
        table[base + HASH_B + kept] = keyB;
        table[base + LINE + kept] = table[base + LINE + i]!;
        kept++;
      }
    }
    table[base + COUNT] = kept;
    upperTable[upperBase + COUNT] = moved;
  }

  private doubleDirectory(group: number): void {
    const old = this.directories[group]!;
    const doubled = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i++) doubled[2 * i] = doubled[2 * i + 1] = old[i]!;
    this.directories[group] = doubled;
    this.depths[group]!++;
  }

  /** A new empty bucket of this depth; returns its number. */
  private addBucket(depth: number): number {
    const bucket = this.buckets++;
    if (bucket >>> BUCKET_BITS === this.chunks.length) this.chunks.push(new Uint32Array(BUCKETS_PER_CHUNK * BUCKET_WIDTH));
    this.chunks[bucket >>> BUCKET_BITS]![(bucket & (BUCKETS_PER_CHUNK - 1)) * BUCKET_WIDTH + DEPTH] = depth;
    return bucket;
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
