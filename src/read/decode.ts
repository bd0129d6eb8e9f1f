/**
 * Turns the bytes of a statistics file into text without asking which encoding it is: UTF-8 (with or without BOM),
 * GB18030/GBK as Excel on Chinese Windows saves it, and UTF-16 with a BOM. UTF-8 is tried strictly first; a file that
 * is not valid UTF-8 is read as GB18030, of which GBK is a subset. Binary input (NUL bytes, control characters) is
 * refused.
 */

export type Encoding = "utf-8" | "gb18030" | "utf-16le" | "utf-16be";

export type DecodeProblem =
  | { kind: "binary"; offset: number }
  | { kind: "invalid"; offset: number; encoding: Encoding };

export class Decoder {
  encoding: Encoding | undefined;
  bom = false;
  problem: DecodeProblem | undefined;
  private decoder: TextDecoder | undefined;
  private bytesSeen = 0;
  /** bytes held back until the encoding is known (the first chunk may be tiny when reading a pipe) */
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  private sawNonAscii = false;

  /** Returns decoded text, or "" while the encoding is still being detected or after a problem. */
  push(bytes: Uint8Array): string {
    if (this.problem) return "";
    if (!this.decoder) {
      this.pending.push(bytes);
      this.pendingLength += bytes.length;
      if (this.pendingLength < 4096) return "";
      return this.start(false);
    }
    return this.decode(bytes, true);
  }

  end(): string {
    if (this.problem) return "";
    if (!this.decoder) return this.start(true);
    return this.decode(new Uint8Array(0), false);
  }

  private start(final: boolean): string {
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
      this.encoding = looksLikeUtf8(head) ? "utf-8" : "gb18030";
    }
    this.bytesSeen = head.length - body.length;
    this.decoder = new TextDecoder(this.encoding, { fatal: true, ignoreBOM: true });
    return this.decode(body, !final);
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    if (this.encoding === "utf-8" || this.encoding === "gb18030") {
      const nul = bytes.indexOf(0);
      if (nul !== -1) {
        this.problem = { kind: "binary", offset: this.bytesSeen + nul };
        return "";
      }
    }
    try {
      const text = this.decoder!.decode(bytes, { stream });
      if (!this.sawNonAscii && this.encoding === "utf-8" && hasNonAscii(bytes)) this.sawNonAscii = true;
      this.bytesSeen += bytes.length;
      if (hasControlCharacters(text)) {
        this.problem = { kind: "binary", offset: this.bytesSeen };
        return "";
      }
      return text;
    } catch {
      if (this.encoding === "utf-8" && !this.sawNonAscii) {
        // everything so far was ASCII, which GB18030 reads the same way: switch without losing anything
        this.encoding = "gb18030";
        this.decoder = new TextDecoder("gb18030", { fatal: true, ignoreBOM: true });
        return this.decode(bytes, stream);
      }
      this.problem = { kind: "invalid", offset: this.bytesSeen, encoding: this.encoding! };
      return "";
    }
  }
}

function looksLikeUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return true;
  return false;
}

/** C0 controls other than tab, LF and CR do not occur in a text file; DEL neither. */
function hasControlCharacters(text: string): boolean {
  return /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
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
