/** UTF-8 helpers for the byte-level reader: the scanner and the row reader work on bytes, not decoded text. */

const decoder = new TextDecoder("utf-8");
const encoder = new TextEncoder();

/** The text of bytes[start, end), which the decoder has already checked to be whole, valid UTF-8. */
export function utf8Text(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 24) {
    let text = "";
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      if (b >= 0x80) return decoder.decode(bytes.subarray(start, end));
      text += String.fromCharCode(b);
    }
    return text;
  }
  return decoder.decode(bytes.subarray(start, end));
}

export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * Length in bytes of the white space that starts at `at` (0: none): the ASCII blanks, and in UTF-8 the no-break
 * space U+00A0, the ideographic space U+3000 and a stray byte-order mark U+FEFF, which spreadsheets leave in cells.
 */
export function whiteAt(bytes: Uint8Array, at: number, end: number): number {
  const b = bytes[at]!;
  if (b === 32 || b === 9 || b === 13 || b === 10 || b === 11 || b === 12) return 1;
  if (b === 0xc2) return at + 1 < end && bytes[at + 1] === 0xa0 ? 2 : 0;
  if (b === 0xe3) return at + 2 < end && bytes[at + 1] === 0x80 && bytes[at + 2] === 0x80 ? 3 : 0;
  if (b === 0xef) return at + 2 < end && bytes[at + 1] === 0xbb && bytes[at + 2] === 0xbf ? 3 : 0;
  return 0;
}

/** Length in bytes of the white space that ends just before `end` (0: none), as whiteAt. */
export function whiteBefore(bytes: Uint8Array, start: number, end: number): number {
  const b = bytes[end - 1]!;
  if (b === 32 || b === 9 || b === 13 || b === 10 || b === 11 || b === 12) return 1;
  if (b === 0xa0) return end - 2 >= start && bytes[end - 2] === 0xc2 ? 2 : 0;
  if (b === 0x80) return end - 3 >= start && bytes[end - 3] === 0xe3 && bytes[end - 2] === 0x80 ? 3 : 0;
  if (b === 0xbf) return end - 3 >= start && bytes[end - 3] === 0xef && bytes[end - 2] === 0xbb ? 3 : 0;
  return 0;
}

/** The code point that starts at `at` (valid UTF-8 assumed; -1 past the end). */
export function codePointAt(bytes: Uint8Array, at: number, end: number): number {
  if (at >= end) return -1;
  const b = bytes[at]!;
  if (b < 0x80) return b;
  if (b < 0xe0) return ((b & 0x1f) << 6) | (bytes[at + 1]! & 0x3f);
  if (b < 0xf0) return ((b & 0x0f) << 12) | ((bytes[at + 1]! & 0x3f) << 6) | (bytes[at + 2]! & 0x3f);
  return ((b & 0x07) << 18) | ((bytes[at + 1]! & 0x3f) << 12) | ((bytes[at + 2]! & 0x3f) << 6) | (bytes[at + 3]! & 0x3f);
}

/** Where the last whole character of bytes ends: a multi-byte sequence cut off at the end is left for the next chunk. */
export function wholeCharactersEnd(bytes: Uint8Array): number {
  const n = bytes.length;
  // the lead byte of the last sequence is at most 4 bytes back
  for (let back = 1; back <= Math.min(4, n); back++) {
    const b = bytes[n - back]!;
    if (b < 0x80) return n; // ASCII: whole
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return back >= length ? n : n - back;
    }
  }
  return n; // only continuation bytes: invalid, which the validator reports
}
