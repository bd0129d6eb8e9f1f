/**
 * Storage for what the reader keeps over a whole file: fixed-width records of numbers, and bytes, in chunks of typed
 * arrays. A store grows a chunk at a time and never copies what it holds (an array grown by doubling holds its old
 * and its new copy at once, at the reader's peak), and a record is found from its number in two steps: its chunk,
 * then its offset in it.
 */

/** Records of `width` numbers (zeros until written), numbered from 0 in the order they are added. */
export class NumberRecords {
  readonly chunks: Float64Array[] = [];
  private count = 0;
  private readonly mask: number;

  /** `bits`: 2^bits records a chunk */
  constructor(
    readonly width: number,
    private readonly bits: number,
  ) {
    this.mask = (1 << bits) - 1;
  }

  get length(): number {
    return this.count;
  }

  /** Adds a record of zeros and returns its number. */
  add(): number {
    const n = this.count++;
    if (n >>> this.bits === this.chunks.length) this.chunks.push(new Float64Array(this.width << this.bits));
    return n;
  }

  /** The chunk that holds record n … */
  chunk(n: number): Float64Array {
    return this.chunks[n >>> this.bits]!;
  }

  /** … and where in it record n starts. */
  offset(n: number): number {
    return (n & this.mask) * this.width;
  }
}

/** where a text starts in a ByteStore: its chunk × CHUNK_SPAN + its offset in the chunk */
const CHUNK_SPAN = 2 ** 32;

/** Byte strings appended one after another, each kept whole in one chunk. */
export class ByteStore {
  private readonly chunks: Uint8Array[] = [];
  private current: Uint8Array = new Uint8Array(0);
  private used = 0;

  constructor(private readonly chunkBytes: number) {}

  /** Keeps bytes[from, to) and returns where they are, for `view`. */
  add(bytes: Uint8Array, from: number, to: number): number {
    const length = to - from;
    if (this.used + length > this.current.length) {
      this.current = new Uint8Array(Math.max(this.chunkBytes, length));
      this.chunks.push(this.current);
      this.used = 0;
    }
    const at = this.used;
    // byte by byte: a name is a few dozen bytes, and a subarray to copy from would be an object per name
    const current = this.current;
    for (let i = 0; i < length; i++) current[at + i] = bytes[from + i]!;
    this.used += length;
    return (this.chunks.length - 1) * CHUNK_SPAN + at;
  }

  /** The chunk of the bytes kept at `at` (a number `add` returned), and their offset in it. */
  chunkOf(at: number): Uint8Array {
    return this.chunks[Math.floor(at / CHUNK_SPAN)]!;
  }

  offsetOf(at: number): number {
    return at % CHUNK_SPAN;
  }
}
