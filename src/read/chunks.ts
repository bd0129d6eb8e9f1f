/**
 * Storage for what the reader keeps over a whole file: fixed-width records of numbers in chunks of typed arrays. A
 * store grows a chunk at a time and never copies what it holds (an array grown by doubling holds its old and its new
 * copy at once, at the reader's peak, and leaves the old one for the garbage collector), and a record is found from
 * its number in two steps: its chunk, then its offset in it.
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
