/**
 * Text as a terminal shows it: how many columns a string takes, and text made safe to print.
 *
 * The width rule is a small table rather than a dependency (string-width and its emoji regex): every table report
 * needs it, and a few ranges plus the engine's own Unicode properties cost nothing at start-up. It follows what
 * terminals do: East Asian wide and full-width characters (the CJK blocks, including the ideographs beyond the BMP)
 * and emoji shown as emoji take two columns; combining marks, variation selectors, zero-width joiners and other
 * format characters take none, and a ZWJ sequence or a flag counts once.
 */

/** East Asian Wide (W) and Full-width (F) ranges of Unicode 15, merged where adjacent; emoji are handled apart. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff],
  [0x1aff0, 0x1b2ff],
  [0x1f200, 0x1f2ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

const ZERO = /[\p{Mn}\p{Me}\p{Cf}\u{fe00}-\u{fe0f}\u{e0100}-\u{e01ef}]/u;
const EMOJI = /\p{Emoji_Presentation}/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
/** characters that can be shown as emoji (digits and # * too, as keycaps) */
const EMOJI_BASE = /\p{Emoji}/u;
const REGIONAL = (code: number) => code >= 0x1f1e6 && code <= 0x1f1ff;

function isWide(code: number): boolean {
  let lo = 0;
  let hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = WIDE[mid]!;
    if (code < start) hi = mid - 1;
    else if (code > end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Columns of one code point taken alone. */
export function charWidth(code: number): number {
  if (code < 0x300) return code < 0x20 || (code >= 0x7f && code < 0xa0) ? 0 : 1;
  // the CJK ideographs (Extension A and the unified block: letters all, no marks) are most of a Chinese report, and
  // its punctuation is CJK (、。「」, the tone marks U+302A–U+302D apart) or full-width (（），：)
  if (code >= 0x3400 && code <= 0x9fff && (code <= 0x4dbf || code >= 0x4e00)) return 2;
  if ((code >= 0x3000 && code <= 0x303e && (code < 0x302a || code > 0x302d)) || (code >= 0xff01 && code <= 0xff60)) return 2;
  // the rest of a report's symbols, a column each: dashes, quotes and bullets (U+2010–U+2027), ≥ ≤ − (the
  // mathematical operators) and box drawing; testing them against the Unicode properties below would make a string
  // and run two regular expressions for each
  if ((code >= 0x2010 && code <= 0x2027) || (code >= 0x2200 && code <= 0x22ff) || (code >= 0x2500 && code <= 0x257f)) return 1;
  return widthByProperties(code);
}

/** Columns of a code point by its Unicode properties: charWidth without its shortcuts for the common characters. */
export function widthByProperties(code: number): number {
  if (code < 0x300) return code < 0x20 || (code >= 0x7f && code < 0xa0) ? 0 : 1;
  const ch = String.fromCodePoint(code);
  if (ZERO.test(ch)) return 0;
  if (isWide(code) || EMOJI.test(ch)) return 2;
  return 1;
}

const ANSI = /\u001b\[[0-9;]*m/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Columns a line takes on a terminal (colour codes take none). */
export function displayWidth(text: string): number {
  // printable ASCII, most of the words and numbers of a table, is a column a character
  if (PRINTABLE_ASCII.test(text)) return text.length;
  // a table folds Chinese a character at a time and measures each: one UTF-16 unit is its character's width, without
  // the loop below, which those calls made hot enough for V8 to compile with TurboFan in a short run
  if (text.length === 1) return charWidth(text.charCodeAt(0));
  const plain = text.includes("\u001b") ? text.replace(ANSI, "") : text;
  let width = 0;
  let joined = false;
  let flagHalf = false;
  let previous = 0;
  for (let i = 0; i < plain.length; i++) {
    const code = plain.codePointAt(i)!;
    if (code > 0xffff) i++;
    if (code < 0x300) {
      width += code < 0x20 || (code >= 0x7f && code < 0xa0) ? 0 : 1;
      joined = flagHalf = false;
      previous = 1;
      continue;
    }
    if (code === 0x200d) {
      joined = true;
      continue;
    }
    if (code === 0xfe0f && previous === 1 && EMOJI_BASE.test(String.fromCodePoint(plain.codePointAt(i - 1)!))) {
      // a text-style symbol asked to show as emoji (❤️) widens to two columns
      width += 1;
      previous = 2;
      continue;
    }
    if (joined && PICTOGRAPHIC.test(String.fromCodePoint(code))) {
      joined = false; // the next part of a ZWJ sequence (👩‍💻) is drawn in the same cell
      continue;
    }
    joined = false;
    if (REGIONAL(code)) {
      // two regional indicators make one flag of two columns
      width += flagHalf ? 0 : 2;
      flagHalf = !flagHalf;
      previous = 2;
      continue;
    }
    flagHalf = false;
    const w = charWidth(code);
    width += w;
    if (w > 0) previous = w;
  }
  return width;
}

/** Whether String.prototype.trim removes the character: ECMAScript's white space and line terminators. */
function isTrimmed(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Nothing but what trim removes (or nothing at all). */
export function blank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isTrimmed(text.charCodeAt(i))) return false;
  return true;
}

/**
 * displayWidth(text.trimEnd()), given displayWidth(text): a folded word ends with at most one space (words end after
 * one), and a last space takes its one column, so most words need no second measure.
 */
export function trimmedWidth(text: string, width: number): number {
  const last = text.charCodeAt(text.length - 1);
  if (!isTrimmed(last)) return width;
  if (last === 0x20 && (text.length === 1 || !isTrimmed(text.charCodeAt(text.length - 2)))) return width - 1;
  return displayWidth(text.trimEnd());
}

/**
 * Text made harmless for a terminal, a markdown or an HTML page: escape sequences and control characters are shown
 * as visible escapes (\x1b, \u202e) instead of acting, and line breaks become spaces unless `keepLines`. Bidirectional
 * overrides are shown too, since they can make a name read as another.
 */
export function neutralise(text: string, keepLines = false): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE_ALL, (ch) => {
    if (ch === "\n" || ch === "\r\n" || ch === "\r") return keepLines ? "\n" : " ";
    if (ch === "\t") return " ";
    const code = ch.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

const UNSAFE_SOURCE = "\\r\\n|[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029]";
const UNSAFE = new RegExp(UNSAFE_SOURCE);
const UNSAFE_ALL = new RegExp(UNSAFE_SOURCE, "g");

/** Splits a line into pieces that are never separated when folding: a grapheme-ish cluster (a character and its marks). */
export function clusters(line: string): string[] {
  const out: string[] = [];
  for (const ch of line) {
    const code = ch.codePointAt(0)!;
    const last = out.length - 1;
    const prev = last >= 0 ? out[last]! : "";
    const attach =
      last >= 0 &&
      (ZERO.test(ch) || prev.endsWith("\u200d") || (REGIONAL(code) && REGIONAL(prev.codePointAt(0)!) && [...prev].length === 1));
    if (attach) out[last] = prev + ch;
    else out.push(ch);
  }
  return out;
}
