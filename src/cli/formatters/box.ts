/**
 * Box-drawn tables for the terminal. Cells may hold line breaks and colour codes; widths count CJK characters as two
 * columns. Long cells are folded (at spaces in English, anywhere in Chinese), never cut.
 */

const ANSI = /\u001b\[[0-9;]*m/g;

/** Display width of a code point: CJK and full-width forms take two columns. */
export function charWidth(code: number): number {
  return (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
    ? 2
    : 1;
}

export function displayWidth(text: string): number {
  const plain = text.includes("\u001b") ? text.replace(ANSI, "") : text;
  let width = 0;
  for (let i = 0; i < plain.length; i++) {
    const code = plain.charCodeAt(i);
    width += code < 0x1100 ? 1 : charWidth(code);
  }
  return width;
}

/** Folds text to lines of at most `max` columns. Colour codes must wrap whole cells (they do in our formatters). */
export function fold(text: string, max: number): string {
  return text
    .split("\n")
    .map((line) => foldLine(line, max))
    .join("\n");
}

function foldLine(line: string, max: number): string {
  if (displayWidth(line) <= max) return line;
  const out: string[] = [];
  let current = "";
  let used = 0;
  for (const word of line.split(/(?<= )/)) {
    const wordWidth = displayWidth(word);
    if (used + wordWidth <= max) {
      current += word;
      used += wordWidth;
      continue;
    }
    if (wordWidth <= max && current.trim() !== "") {
      out.push(current.trimEnd());
      current = word;
      used = wordWidth;
      continue;
    }
    for (const ch of word) {
      const w = charWidth(ch.codePointAt(0)!);
      if (used + w > max && current !== "") {
        out.push(current.trimEnd());
        current = "";
        used = 0;
      }
      current += ch;
      used += w;
    }
  }
  if (current !== "" || out.length === 0) out.push(current.trimEnd());
  return out.join("\n");
}

export class BoxTable {
  private readonly rows: string[][] = [];

  /** `widths`: the most columns each column's text may take; cells are folded to fit. */
  constructor(
    private readonly head: readonly string[],
    private readonly widths?: readonly number[],
  ) {}

  push(cells: readonly string[]): void {
    this.rows.push(cells.map((c, i) => (this.widths?.[i] ? fold(c, this.widths[i]!) : c)));
  }

  toString(): string {
    const all = [this.head.map((h, i) => (this.widths?.[i] ? fold(h, this.widths[i]!) : h)), ...this.rows];
    const columns = this.head.length;
    const widths = Array.from({ length: columns }, (_, c) =>
      Math.max(1, ...all.map((row) => Math.max(0, ...(row[c] ?? "").split("\n").map(displayWidth)))),
    );
    const rule = (left: string, mid: string, right: string) => `${left}${widths.map((w) => "─".repeat(w + 2)).join(mid)}${right}\n`;
    const line = (row: readonly string[]) => {
      const cells = widths.map((_, c) => (row[c] ?? "").split("\n"));
      const height = Math.max(...cells.map((lines) => lines.length));
      let out = "";
      for (let i = 0; i < height; i++) {
        out += `│${cells.map((lines, c) => ` ${pad(lines[i] ?? "", widths[c]!)} `).join("│")}│\n`;
      }
      return out;
    };
    let out = rule("┌", "┬", "┐") + line(all[0]!);
    for (const row of all.slice(1)) out += rule("├", "┼", "┤") + line(row);
    return `${out}${rule("└", "┴", "┘")}`.replace(/\n$/, "");
  }
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}
