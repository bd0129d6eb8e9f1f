/**
 * A set of strings kept as two 32-bit hashes each, in open-addressed typed arrays: a million institution keys
 * cost 16 MB instead of the hundred a Set of strings would. A false "seen" needs both hashes to collide (about one
 * in 10^19 per pair), far below any file's chance of a real typo.
 */
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
    if ((this.size + 1) * 2 > this.hashA.length) this.grow();
    const a = fnv1a(key) | 1; // never 0: 0 marks an empty slot
    const b = murmurish(key);
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

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function murmurish(s: string): number {
  let h = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i++) {
    let k = Math.imul(s.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
