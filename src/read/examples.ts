/**
 * The institutions the report names below a per-institution threshold: the first EXAMPLES_KEPT rows of each region
 * and threshold that applies to it, kept to the end of the file (rows in any order keep every region open to the last
 * row: for the benchmark's 1M rows over 3,000 counties, 8,500 examples for the checks `gap check` asks for, 234,000
 * with every template's). Each example is some 30 bytes in a log of chunks, its name as the
 * file's UTF-8 bytes, so keeping one allocates nothing on the JS heap: as strings the names would be the largest part
 * of the heap, and every young-generation collection would copy them while they are new, so that V8 grows its young
 * generation to the largest size it allows.
 *
 * A region and threshold's examples are a chain through the log, from the first to the last; the region's tallies
 * hold both ends (TALLY_FIRST_EXAMPLE, TALLY_LAST_EXAMPLE in accumulators.ts) as positions in the log + 1.
 *
 * Once the rows are read, a chunk is let go as soon as the last region with an example in it is finished
 * (planRelease, finished): in a file grouped by region in code order the log shrinks as the regions are checked.
 *
 * An example in the log:
 *   the next example's position + 1 (0: the last so far)   NEXT_BYTES bytes, little-endian, written when it comes
 *   its institution type's registry index                  1 byte; OWNED_NAME set when the name is in `ownedNames`,
 *                                                          SHARED_NAME when an earlier example holds it
 *   its line                                               an unsigned varint (7 bits a byte, low bits first)
 *   its value                                              a VALUE_* tag byte, then a varint or 8 bytes
 *   its name's length, then the name                       a varint, then the UTF-8 bytes (none when owned)
 *   or, for a shared name, how far back the example        a varint
 *   holding it is
 *
 * A row below several thresholds is an example of each: its name is kept with the first, and the others name that one.
 */
import { unitTypes } from "../registry/index.js";
import type { InstitutionBelowMinimum } from "./record.js";
import { BLOCK_BYTES, giveBack } from "./memory.js";
import { utf8Text } from "./utf8.js";
import { normaliseCell } from "./values.js";

/** rows below a threshold kept as examples, per region and threshold */
export const EXAMPLES_KEPT = 50;

/** a chunk is a block of the size memory.ts explains, a mapping of its own */
const CHUNK_BYTES = BLOCK_BYTES;
/** positions up to 2^48: more than any file gives */
const NEXT_BYTES = 6;
/** the most an example takes besides its name: next, type, line (2^53 at most), value, name length or distance */
const MOST_BESIDES_NAME = NEXT_BYTES + 1 + 8 + 9 + 7;
const OWNED_NAME = 0x80;
const SHARED_NAME = 0x40;
const TYPE_BITS = SHARED_NAME - 1;
if (unitTypes.length > SHARED_NAME) throw new Error(`ExampleStore: ${unitTypes.length} institution types, at most ${SHARED_NAME}`);

// an example's value: not reported, a whole number (as a varint of its magnitude), or any other number (8 bytes)
const VALUE_NONE = 0;
const VALUE_WHOLE = 1;
const VALUE_NEGATIVE_WHOLE = 2;
const VALUE_OTHER = 3;

export class ExampleStore {
  private readonly chunks: Uint8Array[] = [];
  private current = NO_CHUNK;
  /** where the next example goes in `current` */
  private used = 0;
  /** the names of cells the scanner copied out as text (quotes unescaped, a workbook's cells), by position */
  private readonly ownedNames = new Map<number, string>();
  private readonly cursor = new LogCursor();
  /** the line of the last example that holds its name, and where that example is (-1: none yet) */
  private namedLine = -1;
  private namedAt = -1;
  /** per chunk, the rank (in the order regions are finished) of the last region that needs it (planRelease) */
  private lastNeededBy = new Int32Array(0);
  /** the chunks before this one are let go */
  private released = 0;

  /**
   * Keeps an example named by bytes[from, to), or by `owned` where the cell is text the scanner copied out, after
   * the example `last` (its position + 1; 0: the chain's first). Returns its own position + 1.
   */
  add(last: number, bytes: Uint8Array, from: number, to: number, owned: string | undefined, typeIndex: number, line: number, value: number): number {
    // the row's example for an earlier threshold holds its name (a row's examples come one after another)
    const shared = line === this.namedLine;
    // a chunk holds any name a cell can have (10,000 characters); a longer one would be kept as text
    if (!shared && owned === undefined && MOST_BESIDES_NAME + to - from > CHUNK_BYTES) owned = utf8Text(bytes, from, to);
    const nameLength = shared || owned !== undefined ? 0 : to - from;
    if (this.used + MOST_BESIDES_NAME + nameLength > this.current.length) {
      this.current = new Uint8Array(CHUNK_BYTES);
      this.chunks.push(this.current);
      this.used = 0;
    }
    const chunk = this.current;
    const position = (this.chunks.length - 1) * CHUNK_BYTES + this.used;
    let at = this.used + NEXT_BYTES; // the next example's position stays 0 until it comes
    chunk[at++] = shared ? typeIndex | SHARED_NAME : owned === undefined ? typeIndex : typeIndex | OWNED_NAME;
    at = writeVarint(chunk, at, line);
    at = this.writeValue(chunk, at, value);
    if (shared) {
      at = writeVarint(chunk, at, position - this.namedAt);
    } else {
      at = writeVarint(chunk, at, nameLength);
      // byte by byte: a name is a few dozen bytes, and a subarray to copy from would be an object per name
      for (let i = 0; i < nameLength; i++) chunk[at + i] = bytes[from + i]!;
      at += nameLength;
      if (owned !== undefined) this.ownedNames.set(position, owned);
      this.namedLine = line;
      this.namedAt = position;
    }
    this.used = at;
    if (last > 0) this.writeNext(last - 1, position + 1);
    return position + 1;
  }

  /** The chain that starts at `first` (a position + 1; 0: none), as the record gives it, in file order. */
  list(first: number): InstitutionBelowMinimum[] {
    const out: InstitutionBelowMinimum[] = [];
    const read = this.cursor;
    for (let e = first; e > 0; ) {
      const position = e - 1;
      this.seek(position);
      const next = read.fixed(NEXT_BYTES);
      const type = read.byte();
      const line = read.varint();
      const value = read.value();
      const name = type & SHARED_NAME ? this.nameAt(position - read.varint()) : this.nameHere(position, type);
      // the name as the report gives it: its cell's text, normalised (trimmed, full-width forms made ASCII)
      out.push({ name: normaliseCell(name), unitType: unitTypes[type & TYPE_BITS]!.id, line, value: value === value ? value : null });
      e = next;
    }
    return out;
  }

  /** The name of the example at `position`, one that holds its name. */
  private nameAt(position: number): string {
    const read = this.seek(position);
    read.at += NEXT_BYTES;
    const type = read.byte();
    read.varint(); // its line
    read.value();
    return this.nameHere(position, type);
  }

  /** The name of the example at `position` (of this type byte), the cursor at its name's length. */
  private nameHere(position: number, type: number): string {
    const read = this.cursor;
    const nameLength = read.varint();
    return type & OWNED_NAME ? this.ownedNames.get(position)! : utf8Text(read.chunk, read.at, read.at + nameLength);
  }

  private seek(position: number): LogCursor {
    const read = this.cursor;
    read.chunk = this.chunks[Math.floor(position / CHUNK_BYTES)]!;
    read.at = position % CHUNK_BYTES;
    return read;
  }

  /**
   * Plans the release of the log once every row is read: `firsts` holds each region's first example (its position
   * + 1; 0: none), in the order the regions will be finished. A region's examples all come after its first (the log
   * only grows), so a chunk is needed by no region after the last one whose first example is in it or before it.
   */
  planRelease(firsts: ArrayLike<number>): void {
    const last = new Int32Array(this.chunks.length).fill(-1);
    for (let rank = 0; rank < firsts.length; rank++) {
      const first = firsts[rank]!;
      if (first > 0) last[Math.floor((first - 1) / CHUNK_BYTES)] = rank;
    }
    for (let c = 1; c < last.length; c++) if (last[c]! < last[c - 1]!) last[c] = last[c - 1]!;
    this.lastNeededBy = last;
    this.released = 0;
  }

  /** chunks written and not yet let go */
  get chunksHeld(): number {
    return this.chunks.length - this.released;
  }

  /** The region of this rank (as planRelease had them) is finished: lets go the chunks no later region needs. */
  finished(rank: number): void {
    const last = this.lastNeededBy;
    while (this.released < last.length && last[this.released]! <= rank) {
      const chunk = this.chunks[this.released]!;
      this.chunks[this.released++] = NO_CHUNK;
      if (chunk === this.current) this.current = NO_CHUNK;
      giveBack(chunk.buffer);
    }
  }

  private writeNext(position: number, next: number): void {
    const chunk = this.chunks[Math.floor(position / CHUNK_BYTES)]!;
    const at = position % CHUNK_BYTES;
    for (let i = 0; i < NEXT_BYTES; i++, next = Math.floor(next / 256)) chunk[at + i] = next % 256;
  }

  private writeValue(chunk: Uint8Array, at: number, value: number): number {
    if (value !== value) {
      chunk[at] = VALUE_NONE;
      return at + 1;
    }
    if (Number.isSafeInteger(value) && !Object.is(value, -0)) {
      chunk[at] = value < 0 ? VALUE_NEGATIVE_WHOLE : VALUE_WHOLE;
      return writeVarint(chunk, at + 1, Math.abs(value));
    }
    chunk[at] = VALUE_OTHER;
    FLOAT[0] = value;
    for (let i = 0; i < 8; i++) chunk[at + 1 + i] = FLOAT_BYTES[i]!;
    return at + 9;
  }
}

const NO_CHUNK = new Uint8Array(0);

/** one value's 8 bytes, for a value that is not a whole number */
const FLOAT = new Float64Array(1);
const FLOAT_BYTES = new Uint8Array(FLOAT.buffer);

/** Writes n (a whole number from 0 to 2^53) as a varint at `at`; returns where it ends. */
function writeVarint(chunk: Uint8Array, at: number, n: number): number {
  while (n >= 128) {
    chunk[at++] = (n % 128) | 128;
    n = Math.floor(n / 128);
  }
  chunk[at] = n;
  return at + 1;
}

/** Reads an example's fields in the order they are written, from `at` on. */
class LogCursor {
  chunk: Uint8Array = new Uint8Array(0);
  at = 0;

  byte(): number {
    return this.chunk[this.at++]!;
  }

  /** a little-endian number of `bytes` bytes */
  fixed(bytes: number): number {
    let n = 0;
    for (let i = bytes - 1; i >= 0; i--) n = n * 256 + this.chunk[this.at + i]!;
    this.at += bytes;
    return n;
  }

  varint(): number {
    let n = 0;
    for (let scale = 1; ; scale *= 128) {
      const b = this.chunk[this.at++]!;
      n += (b & 127) * scale;
      if (b < 128) return n;
    }
  }

  value(): number {
    const tag = this.byte();
    if (tag === VALUE_NONE) return NaN;
    if (tag === VALUE_OTHER) {
      for (let i = 0; i < 8; i++) FLOAT_BYTES[i] = this.chunk[this.at + i]!;
      this.at += 8;
      return FLOAT[0]!;
    }
    const magnitude = this.varint();
    return tag === VALUE_NEGATIVE_WHOLE ? -magnitude : magnitude;
  }
}
