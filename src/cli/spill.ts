import { closeSync, openSync, readSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { holdTemporary, releaseTemporary, removeStale, temporaryName } from "./temporary.js";

const SPILL = "gap-spill";
const BUFFER = 1 << 20;
const CHUNK = 1 << 18;

/**
 * Texts set aside as they come and read back in any order, as UTF-8 bytes: kept in a temporary file that is removed
 * as soon as it is open (or, where the system cannot do that, when the store is closed), so a country's report
 * costs disk cache, not memory. Where no temporary file can be made, the texts stay in memory.
 */
export class TextStore {
  private fd: number | undefined;
  private path: string | undefined;
  private readonly memory: Buffer[] = [];
  private readonly buffer = Buffer.allocUnsafe(BUFFER);
  private buffered = 0;
  /** file position of the buffer's start */
  private flushed = 0;
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];

  constructor() {
    // "wx": a name that is taken fails rather than opens another's file
    const path = join(tmpdir(), temporaryName(SPILL));
    try {
      this.fd = openSync(path, "wx+", 0o600);
    } catch {
      return;
    }
    try {
      unlinkSync(path);
    } catch {
      // a system that cannot remove an open file: removed on close or on a signal, and a killed run's by the next
      this.path = path;
      holdTemporary(path);
      removeStale(tmpdir(), SPILL);
    }
  }

  /** Sets a text aside, or the pieces of one (kept as one text, without joining them first); returns its index. */
  add(text: string | readonly string[]): number {
    const index = this.starts.length;
    const pieces = typeof text === "string" ? [text] : text;
    if (this.fd === undefined) {
      const bytes = pieces.length === 1 ? Buffer.from(pieces[0]!, "utf8") : Buffer.concat(pieces.map((piece) => Buffer.from(piece, "utf8")));
      this.memory.push(bytes);
      this.starts.push(0);
      this.lengths.push(bytes.length);
      return index;
    }
    const start = this.flushed + this.buffered;
    let length = 0;
    for (const piece of pieces) length += this.write(piece);
    this.starts.push(start);
    this.lengths.push(length);
    return index;
  }

  /** Writes a string to the file after what is written so far; returns its length in bytes. */
  private write(text: string): number {
    // a UTF-8 text is at most three bytes per UTF-16 unit
    const large = text.length * 3 > BUFFER;
    if (large || this.buffered + text.length * 3 > BUFFER) this.flush();
    if (!large) {
      const length = this.buffer.write(text, this.buffered, "utf8");
      this.buffered += length;
      return length;
    }
    const bytes = Buffer.from(text, "utf8");
    this.writeAt(bytes, bytes.length, this.flushed);
    this.flushed += bytes.length;
    return bytes.length;
  }

  /**
   * The texts in the order given, each preceded by `separator` but the first, as byte chunks of about 256 KB. The
   * chunks share one buffer: a chunk is valid until the next one is asked for (writeOutput is done with a part
   * before it takes the next), so writing a country's report allocates nothing per chunk.
   */
  *inOrder(indexes: Iterable<number>, separator: string): Generator<Uint8Array> {
    this.flush();
    const sep = Buffer.from(separator, "utf8");
    const shared = Buffer.allocUnsafe(CHUNK);
    let chunk = shared;
    let used = 0;
    let first = true;
    for (const index of indexes) {
      const length = this.lengths[index]! + (first ? 0 : sep.length);
      if (used + length > chunk.length) {
        if (used > 0) yield chunk.subarray(0, used);
        // a text longer than the chunk gets a buffer of its own
        chunk = length > CHUNK ? Buffer.allocUnsafe(length) : shared;
        used = 0;
      }
      if (!first) used += sep.copy(chunk, used);
      first = false;
      used += this.read(index, chunk, used);
    }
    if (used > 0) yield chunk.subarray(0, used);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.path !== undefined) {
      try {
        unlinkSync(this.path);
      } catch {
        // already gone
      }
      releaseTemporary(this.path);
    }
    this.memory.length = 0;
  }

  private read(index: number, into: Buffer, at: number): number {
    const length = this.lengths[index]!;
    if (this.fd === undefined) return this.memory[index]!.copy(into, at);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, into, at + done, length - done, this.starts[index]! + done);
      if (n === 0) throw new Error("TextStore: temporary file shorter than written");
      done += n;
    }
    return length;
  }

  private flush(): void {
    if (this.fd === undefined || this.buffered === 0) return;
    this.writeAt(this.buffer, this.buffered, this.flushed);
    this.flushed += this.buffered;
    this.buffered = 0;
  }

  private writeAt(bytes: Uint8Array, length: number, position: number): void {
    for (let done = 0; done < length; ) done += writeSync(this.fd!, bytes, done, length - done, position + done);
  }
}
