/**
 * A set of strings kept as two 32-bit hashes each, in open-addressed typed arrays: a million institution keys
 * cost 16 MB instead of the hundred a Set of strings would. A false "seen" needs both hashes to collide (about one
 * in 10^19 per pair), far below any file's chance of a real typo. Keys are hashed in place, from a prefix's
 * seeds and a range of the text, so no key string is ever built.
 */
export interface Seeds {
  a: number;
  b: number;
}

const FNV_OFFSET = 0x811c9dc5;
const MURMUR_SEED = 0x9747b28c;

/** The hash state after a prefix (e.g. "530114|2024|"), to continue with each institution's name. */
export function seedsOf(prefix: string): Seeds {
  return { a: fnv(FNV_OFFSET, prefix, 0, prefix.length), b: mix(MURMUR_SEED, prefix, 0, prefix.length) };
}

export class CompactStringSet {
  private hashA: Uint32Array;
  private hashB: Uint32Array;
  private lines: Uint32Array;
  private size = 0;

  constructor(capacity = 1024) {
    this.hashA = new Uint32Array(capacity);
    this.hashB = new Uint32Array(capacity);
    this.lines = new Uint32Array(capacity);
  }

  /** Adds the key; returns the line it was first added with when it was already present, else 0. */
  addOrGet(key: string, line: number): number {
    return this.addOrGetRange(seedsOf(""), key, 0, key.length, line);
  }

  /** Adds prefix + text[from, to) (the prefix given by its seeds); returns the line it was first added with, else 0. */
  addOrGetRange(seeds: Seeds, text: string, from: number, to: number, line: number): number {
    if ((this.size + 1) * 2 > this.hashA.length) this.grow();
    // both hashes in one pass over the name
    let a = seeds.a;
    let b = seeds.b;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      let k = Math.imul(c, 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      b ^= Math.imul(k, 0x1b873593);
      b = (b << 13) | (b >>> 19);
      b = (Math.imul(b, 5) + 0xe6546b64) | 0;
    }
    a = (a >>> 0) | 1; // never 0: 0 marks an empty slot
    b = finish(b, to - from);
    const mask = this.hashA.length - 1;
    let slot = (a ^ b) & mask;
    for (;;) {
      const at = this.hashA[slot]!;
      if (at === 0) {
        this.hashA[slot] = a;
        this.hashB[slot] = b;
        this.lines[slot] = line;
        this.size++;
        return 0;
      }
      if (at === a && this.hashB[slot] === b) return this.lines[slot]!;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { hashA, hashB, lines } = this;
    const capacity = hashA.length * 2;
    this.hashA = new Uint32Array(capacity);
    this.hashB = new Uint32Array(capacity);
    this.lines = new Uint32Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < hashA.length; i++) {
      const a = hashA[i]!;
      if (a === 0) continue;
      let slot = (a ^ hashB[i]!) & mask;
      while (this.hashA[slot] !== 0) slot = (slot + 1) & mask;
      this.hashA[slot] = a;
      this.hashB[slot] = hashB[i]!;
      this.lines[slot] = lines[i]!;
    }
  }
}

function fnv(h: number, s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

function mix(h: number, s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    let k = Math.imul(s.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return h;
}

function finish(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
