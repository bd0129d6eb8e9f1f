/**
 * Turns the bytes of a statistics file into UTF-8 without asking which encoding it is: UTF-8 (with or without BOM),
 * GB18030/GBK as Excel on Chinese Windows saves it, and UTF-16 with a BOM. UTF-8 is tried strictly first; a file that
 * is not valid UTF-8 is read as GB18030, of which GBK is a subset. Binary input (NUL bytes, control characters) is
 * refused. UTF-8 input, by far the most common, is only checked, never decoded: the scanner reads its bytes.
 */
import { Buffer, isUtf8 } from "node:buffer";
import { countLineBreaks } from "./line-breaks.js";
import { utf8Bytes, wholeCharactersEnd } from "./utf8.js";

export type Encoding = "utf-8" | "gb18030" | "utf-16le" | "utf-16be";

export type DecodeProblem =
  | { kind: "binary"; offset: number; breaks: number }
  | { kind: "invalid"; offset: number; breaks: number; encoding: Encoding };
// `breaks`: line breaks between the start of the chunk being decoded and the problem (the text before that chunk has
// been handed on; its lines are the scanner's to count)

const EMPTY = new Uint8Array(0);
/** C0 controls other than tab, LF and CR do not occur in a text file; DEL neither; NUL (in UTF-16 text) neither. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROL_WINDOW = 1 << 20;

export class Decoder {
  encoding: Encoding | undefined;
  bom = false;
  problem: DecodeProblem | undefined;
  /** for GB18030 and UTF-16: the platform decoder, whose text is re-encoded as UTF-8 */
  private decoder: TextDecoder | undefined;
  /** bytes of the file handed on so far (whole characters), the BOM included */
  private bytesSeen = 0;
  /** bytes held back until the encoding is known (the first chunk may be tiny when reading a pipe) */
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  /** UTF-8 only: all text so far was ASCII, so the file may still turn out to be GB18030 */
  private asciiSoFar = true;
  /** UTF-8 only: the start of a character cut off at the end of the last chunk */
  private carry: Uint8Array = EMPTY;
  /** UTF-8 only: where the carry and the next chunk are joined, reused for every chunk */
  private joined: Uint8Array = EMPTY;
  /** the last text handed on ended with CR (a following LF is the same line break) */
  private endedWithCr = false;

  /**
   * Takes over a UTF-8 file at byte `offset`, after a part already read by another decoder that found UTF-8 with
   * characters beyond ASCII and the first megabyte free of control characters: what that decoder would do with the
   * rest of the file, with offsets counted from the file's start.
   */
  continueUtf8(offset: number): void {
    this.encoding = "utf-8";
    this.asciiSoFar = false;
    this.bytesSeen = offset;
  }

  /** Whether this decoder's part can be followed by one that continueUtf8() at the end of the bytes pushed so far. */
  canHandOver(): boolean {
    return this.encoding === "utf-8" && !this.asciiSoFar && !this.problem && this.carry.length === 0 && this.bytesSeen >= CONTROL_WINDOW;
  }

  /**
   * Returns UTF-8 bytes of whole characters, or nothing while the encoding is still being detected or after a
   * problem. The bytes may be the decoder's own buffer, valid until the next call: the caller copies what it keeps.
   */
  push(bytes: Uint8Array): Uint8Array {
    if (this.problem) return EMPTY;
    if (!this.encoding) {
      this.pending.push(bytes.slice()); // the caller may reuse its buffer for the next chunk
      this.pendingLength += bytes.length;
      if (this.pendingLength < 4096) return EMPTY;
      return this.start(false);
    }
    return this.decode(bytes, true);
  }

  end(): Uint8Array {
    if (this.problem) return EMPTY;
    if (!this.encoding) return this.start(true);
    return this.decode(EMPTY, false);
  }

  /** The input has ended and its text is scanned: the buffer chunks were joined in can go. */
  release(): void {
    this.joined = EMPTY;
  }

  private start(final: boolean): Uint8Array {
    const head = concat(this.pending, this.pendingLength);
    this.pending = [];
    let body = head;
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
      this.encoding = "utf-8";
      this.bom = true;
      body = head.subarray(3);
    } else if (head[0] === 0xff && head[1] === 0xfe) {
      this.encoding = "utf-16le";
      this.bom = true;
      body = head.subarray(2);
    } else if (head[0] === 0xfe && head[1] === 0xff) {
      this.encoding = "utf-16be";
      this.bom = true;
      body = head.subarray(2);
    } else {
      this.encoding = looksLikeUtf8(head) || mostlyUtf8(head, final) ? "utf-8" : "gb18030";
    }
    this.bytesSeen = head.length - body.length;
    if (this.encoding !== "utf-8") this.decoder = new TextDecoder(this.encoding, { fatal: true, ignoreBOM: true });
    return this.decode(body, !final);
  }

  private decode(bytes: Uint8Array, stream: boolean): Uint8Array {
    return this.encoding === "utf-8" ? this.passUtf8(bytes, stream) : utf8Bytes(this.decodeText(bytes, stream));
  }

  /** UTF-8 needs no decoding: the bytes are checked and handed on as they are, up to the last whole character. */
  private passUtf8(bytes: Uint8Array, stream: boolean): Uint8Array {
    // in UTF-8 a byte below 0x80 only ever stands for itself: NUL is binary wherever it is
    if (bytes.indexOf(0) !== -1) return this.binaryAt(bytes, firstControlByte(bytes), this.carry.length);
    const all = this.carry.length ? this.afterCarry(bytes) : bytes;
    const cut = stream ? wholeCharactersEnd(all) : all.length;
    const whole = cut === all.length ? all : all.subarray(0, cut);
    if (!isUtf8(whole)) {
      if (this.asciiSoFar && !mostlyUtf8(all, !stream)) {
        // everything so far was ASCII, which GB18030 reads the same way: switch without losing anything, not even
        // the start of a character held from the last chunk
        this.carry = EMPTY;
        this.encoding = "gb18030";
        this.decoder = new TextDecoder("gb18030", { fatal: true, ignoreBOM: true });
        return this.decode(all, stream);
      }
      this.invalidIn(whole);
      return EMPTY;
    }
    if (this.asciiSoFar && !isAscii(whole)) this.asciiSoFar = false;
    // binary data shows itself at once: control characters are looked for in the first megabyte (NUL bytes, the
    // surest sign, are looked for everywhere); past it a stray one is just a bad cell
    if (this.bytesSeen < CONTROL_WINDOW) {
      const control = firstControlByte(whole);
      if (control < whole.length) return this.binaryAt(whole, control, 0);
    }
    this.carry = cut === all.length ? EMPTY : all.slice(cut);
    this.bytesSeen += cut;
    if (cut > 0) this.endedWithCr = whole[cut - 1] === 13;
    return whole;
  }

  /**
   * The carried start of a character followed by the chunk, in a buffer kept for the purpose: most chunks of text
   * beyond ASCII end inside a character, and a new array for each would be a megabyte of garbage a chunk.
   */
  private afterCarry(bytes: Uint8Array): Uint8Array {
    const length = this.carry.length + bytes.length;
    if (length > this.joined.length) this.joined = new Uint8Array(Math.max(length, 2 * this.joined.length));
    this.joined.set(this.carry, 0);
    this.joined.set(bytes, this.carry.length);
    return this.joined.subarray(0, length);
  }

  /** GB18030 and UTF-16 through the platform's decoder. */
  private decodeText(bytes: Uint8Array, stream: boolean): string {
    const bytewise = this.encoding === "gb18030";
    // in GB18030 a byte below 0x30 only ever stands for itself: NUL is binary wherever it is
    if (bytewise && bytes.indexOf(0) !== -1) {
      this.binaryAt(bytes, firstControlByte(bytes), 0);
      return "";
    }
    let text: string;
    try {
      text = this.decoder!.decode(bytes, { stream });
    } catch {
      this.invalidIn(bytes);
      return "";
    }
    const control = this.bytesSeen < CONTROL_WINDOW ? CONTROL.exec(text) : null;
    if (control) {
      if (bytewise) {
        this.binaryAt(bytes, firstControlByte(bytes), 0);
        return "";
      }
      this.problem = {
        kind: "binary",
        offset: this.bytesSeen + 2 * control.index,
        breaks: textBreaks(text.slice(0, control.index), this.endedWithCr),
      };
      return "";
    }
    this.bytesSeen += bytes.length;
    if (text.length) this.endedWithCr = text.charCodeAt(text.length - 1) === 13;
    return text;
  }

  /** A control byte at `at` of `bytes`, whose first `before` bytes were held from the last chunk (already counted). */
  private binaryAt(bytes: Uint8Array, at: number, before: number): Uint8Array {
    // the carry (a part of one character) holds no line break
    this.problem = { kind: "binary", offset: this.bytesSeen + before + at, breaks: countLineBreaks(bytes, 0, at, this.endedWithCr) };
    return EMPTY;
  }

  /** Where a chunk stops being valid: read it leniently and find the first replacement character. */
  private invalidIn(bytes: Uint8Array): void {
    const encoding = this.encoding!;
    const loose = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    const at = Math.max(0, loose.indexOf("\ufffd"));
    const before = loose.slice(0, at);
    let offset = this.bytesSeen;
    if (encoding === "utf-8") offset += utf8Bytes(before).length;
    else if (encoding === "gb18030") offset += gb18030Length(bytes, before.length);
    else offset += 2 * at;
    this.problem = { kind: "invalid", offset, breaks: textBreaks(before, this.endedWithCr), encoding };
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

/**
 * Whether more of the lines with characters beyond ASCII are valid UTF-8 than are not: a UTF-8 file with one line
 * saved in GBK is UTF-8 with an error on that line, not a GB18030 file (which would garble every other line). A line
 * of GBK text is valid UTF-8 only by rare chance. The last line counts only when `final` (it may be cut short).
 */
function mostlyUtf8(bytes: Uint8Array, final: boolean): boolean {
  let utf8 = 0;
  let other = 0;
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(10, start);
    if (end === -1) {
      if (!final) break;
      end = bytes.length;
    }
    const line = bytes.subarray(start, end);
    if (!isAscii(line)) {
      if (isUtf8(line)) utf8++;
      else other++;
    }
    start = end + 1;
  }
  return utf8 > other;
}

/** Whether the bytes are UTF-8 but for the start of a character cut off at their end. */
function looksLikeUtf8(bytes: Uint8Array): boolean {
  // checked in place: decoding the first megabyte to text takes a buffer of several megabytes, and freeing a block
  // that large raises the size above which the C library maps a block of its own, so that the reader's later blocks
  // (the names set's chunks) stay in the process's heap when let go, instead of going back to the system
  const whole = wholeCharactersEnd(bytes);
  if (!isUtf8(bytes.subarray(0, whole))) return false;
  try {
    // the start of a character cut off at the end, as a streaming decoder would take it
    new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(whole), { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Up to this many bytes, firstControlByte has the regular expression engine search them (see there). */
const SHORT_CONTROL_SEARCH = 1 << 16;

/**
 * Index of the first byte that is a C0 control other than tab, LF, CR, or DEL (UTF-8 and GB18030: bytes as such).
 * A few bytes (a district's file is 4 KB) are searched as Latin-1 text, a character a byte, by the regular expression
 * engine: a loop over them ran long enough for V8 to compile it with TurboFan in a run of a fifth of a second, which
 * cost more than the search. A larger chunk is looped over: its Latin-1 copy would be as many fresh pages as it has
 * bytes, and a run reading such chunks is long enough for the compiled loop to pay.
 */
export function firstControlByte(bytes: Uint8Array): number {
  if (bytes.length <= SHORT_CONTROL_SEARCH) {
    const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1").search(CONTROL);
    return at === -1 ? bytes.length : at;
  }
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 13) || b === 0x7f) return i;
  }
  return bytes.length;
}

/** Bytes taken by the first `chars` UTF-16 code units of a GB18030 text (1, 2 or 4 bytes a character). */
function gb18030Length(bytes: Uint8Array, chars: number): number {
  let at = 0;
  for (let n = 0; n < chars && at < bytes.length; ) {
    const b = bytes[at]!;
    if (b < 0x81 || b === 0xff) {
      at += 1;
      n += 1;
    } else if (bytes[at + 1]! >= 0x30 && bytes[at + 1]! <= 0x39) {
      at += 4;
      n += b >= 0x90 ? 2 : 1; // four-byte sequences from 0x90 are outside the BMP: a surrogate pair
    } else {
      at += 2;
      n += 1;
    }
  }
  return at;
}

/** Line breaks in decoded text, counted by the same rule on its UTF-8 bytes (only on the way to reporting a problem). */
function textBreaks(text: string, afterCr: boolean): number {
  const bytes = utf8Bytes(text);
  return countLineBreaks(bytes, 0, bytes.length, afterCr);
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
