/**
 * Tables for the terminal, fitted to a width. Cells are plain text with a style for each paragraph: the text is
 * folded to the column first and each folded line is styled afterwards, so a colour code is never counted as text
 * nor cut in two. Widths count CJK and emoji as two columns (text.ts). Long cells are folded (at spaces and hyphens
 * in English, between any two characters in Chinese), never cut.
 */
import { blank, clusters, displayWidth, neutralise, trimmedWidth } from "./text.js";

export type Style = (text: string) => string;

/** One paragraph of a cell: starts on its own line, folded to the column, each line styled. */
export interface Span {
  text: string;
  style?: Style | undefined;
  /** columns of indent before every line of the paragraph */
  indent?: number;
}

export type Cell = string | Span | ReadonlyArray<Span | string>;

export interface Column {
  head: string;
  align?: "left" | "right";
  /** the narrowest the column may be folded to; numbers are never folded (min = their width) */
  min?: number;
  /** never folded: the column keeps its natural width */
  keep?: boolean;
  /** the widest the column is made, even when its text is wider (it is then folded) */
  max?: number;
  /** how strongly the column claims space left after every column has its minimum (default 1) */
  grow?: number;
}

function spans(cell: Cell): Span[] {
  if (typeof cell === "string") return [{ text: cell }];
  if (Array.isArray(cell)) return (cell as ReadonlyArray<Span | string>).map((s) => (typeof s === "string" ? { text: s } : s));
  return [cell as Span];
}

const WORD_BREAKS = /(?<= )|(?<=[A-Za-z0-9][-/])(?=[A-Za-z0-9])|(?=[\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60])|(?<=[\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60])/;
const CLOSING = /^[，。、；：！？）」』》〉】”’,.;:!?)\]]$/;
const OPENING = /^[（「『《〈【“‘(\[]$/;

/** Folds one line of plain text to lines of at most `max` columns (`lineWidth`: its width, when the caller has it). */
export function foldLine(line: string, max: number, lineWidth = displayWidth(line)): string[] {
  if (max < 1 || lineWidth <= max) return [line];
  const out: string[] = [];
  let current = "";
  let used = 0;
  const push = () => {
    out.push(current.trimEnd());
    current = "";
    used = 0;
  };
  // words end after a space or a hyphen; a CJK character is a word of its own
  for (const word of line.split(WORD_BREAKS)) {
    if (word === "") continue;
    const width = displayWidth(word);
    // a space that ends the word may hang past the width: it is dropped where the line folds
    const fitting = trimmedWidth(word, width);
    if (used + fitting <= max) {
      current += word;
      used += width;
      continue;
    }
    if (blank(word)) continue; // a space at the fold is dropped
    if (fitting <= max && !blank(current)) {
      // a closing mark never starts a line and an opening one never ends it: the character before goes down too
      let carried = word;
      if (CLOSING.test(word.trimEnd()) || OPENING.test(current.slice(-1))) {
        const pieces = clusters(current);
        let take = 1;
        const latin = /^[A-Za-z0-9.,%]$/;
        // an opening mark before the character goes down with it, and so does the rest of a Latin word
        while (take < pieces.length - 1 && (OPENING.test(pieces[pieces.length - take - 1]!) || (latin.test(pieces[pieces.length - take]!) && latin.test(pieces[pieces.length - take - 1]!)))) take++;
        if (pieces.length > take && displayWidth(pieces.slice(-take).join("") + word) <= max) {
          carried = pieces.slice(-take).join("") + word;
          current = pieces.slice(0, -take).join("");
        }
      }
      push();
      current = carried;
      used = displayWidth(carried);
      continue;
    }
    for (const piece of clusters(word)) {
      const w = displayWidth(piece);
      if (used + w > max && current !== "") push();
      current += piece;
      used += w;
    }
  }
  if (current !== "" || out.length === 0) out.push(current.trimEnd());
  return out;
}

/** A paragraph of a cell made safe to print and cut at its line breaks, each line with the columns it takes. */
interface MeasuredSpan {
  lines: string[];
  widths: number[];
  indent: number;
  style: Style | undefined;
}

/**
 * A cell's paragraphs measured once: a table needs each line's width to size its column and again to fold it, and
 * measuring is much of the work of a short report.
 */
function measure(cell: Cell): MeasuredSpan[] {
  return spans(cell).map((span) => {
    const lines = neutralise(span.text, true).split("\n");
    return { lines, widths: lines.map((line) => displayWidth(line)), indent: span.indent ?? 0, style: span.style };
  });
}

function measuredWidth(cell: readonly MeasuredSpan[]): number {
  let width = 0;
  for (const span of cell) for (const w of span.widths) width = Math.max(width, w + span.indent);
  return width;
}

/** A cell's lines at a width, styled after folding. */
function cellLines(cell: readonly MeasuredSpan[], width: number): Array<{ text: string; width: number }> {
  const lines: Array<{ text: string; width: number }> = [];
  for (const { lines: raws, widths, indent, style } of cell) {
    const max = Math.max(1, width - indent);
    raws.forEach((raw, i) => {
      // a line that fits is itself, of the width measured (foldLine's own first test)
      const folds = widths[i]! <= max ? [raw] : foldLine(raw, max, widths[i]);
      for (const folded of folds) {
        const w = (folded === raw ? widths[i]! : displayWidth(folded)) + indent;
        lines.push({ text: " ".repeat(indent) + (style && folded ? style(folded) : folded), width: w });
      }
    });
  }
  return lines;
}

/**
 * Column widths that fit `total` columns of text: every column gets its minimum (its natural width when it is
 * kept whole), then the space left goes column by column to the one that lacks the most, weighted by `grow`.
 */
export function fitWidths(columns: readonly Column[], rows: readonly (readonly Cell[])[], total: number): number[] {
  const heads = columns.map((c) => measure(c.head));
  return fitMeasured(columns, heads, rows.map((row) => columns.map((_, i) => measure(row[i] ?? ""))), total);
}

function fitMeasured(columns: readonly Column[], heads: readonly MeasuredSpan[][], rows: readonly MeasuredSpan[][][], total: number): number[] {
  const natural = columns.map((c, i) => Math.min(c.max ?? Infinity, Math.max(1, measuredWidth(heads[i]!), ...rows.map((r) => measuredWidth(r[i]!)))));
  if (natural.reduce((a, b) => a + b, 0) <= total) return natural;
  const widths = columns.map((c, i) => (c.keep ? natural[i]! : Math.min(natural[i]!, c.min ?? 6)));
  let left = total - widths.reduce((a, b) => a + b, 0);
  while (left > 0) {
    let best = -1;
    let bestNeed = 0;
    for (let i = 0; i < widths.length; i++) {
      const need = ((natural[i]! - widths[i]!) / natural[i]!) * (columns[i]!.grow ?? 1);
      if (natural[i]! > widths[i]! && need > bestNeed) {
        best = i;
        bestNeed = need;
      }
    }
    if (best < 0) break;
    widths[best]!++;
    left--;
  }
  return widths;
}

function pad(line: { text: string; width: number }, width: number, align: "left" | "right" = "left"): string {
  const space = " ".repeat(Math.max(0, width - line.width));
  return align === "right" ? space + line.text : line.text + space;
}

export interface TableOptions {
  /** the most columns the whole table may take */
  width: number;
  /** style of the header cells */
  head?: Style;
  /** box-drawn (the default), or columns separated by two spaces */
  border?: boolean;
  /** a rule between every two rows (the default); without, rows of one line read as a list */
  separators?: boolean;
}

export class BoxTable {
  private readonly rows: Cell[][] = [];

  constructor(
    private readonly columns: readonly Column[],
    private readonly options: TableOptions,
  ) {}

  push(cells: readonly Cell[]): this {
    this.rows.push([...cells]);
    return this;
  }

  get length(): number {
    return this.rows.length;
  }

  toString(): string {
    return [...this.lines()].join("\n");
  }

  /** The table's lines, a row at a time: a table of many rows need not be one string. */
  *lines(): Generator<string> {
    const { columns, rows } = this;
    const border = this.options.border !== false;
    const overhead = border ? columns.length * 3 + 1 : (columns.length - 1) * 2;
    const heads = columns.map((c) => measure(c.head));
    const measured = rows.map((row) => columns.map((_, i) => measure(row[i] ?? "")));
    const widths = fitMeasured(columns, heads, measured, this.options.width - overhead);
    const headStyle = this.options.head;
    // the heads in their style; with none, a row of empty cells
    const headRow = headStyle ? heads.map((head) => head.map((span) => ({ ...span, style: headStyle }))) : columns.map(() => measure(""));
    const render = (row: readonly MeasuredSpan[][], head: boolean): string[] => {
      const cells = columns.map((_, i) => cellLines(head ? headRow[i]! : row[i]!, widths[i]!));
      const height = Math.max(1, ...cells.map((l) => l.length));
      const out: string[] = [];
      for (let k = 0; k < height; k++) {
        const parts = cells.map((lines, i) => pad(lines[k] ?? { text: "", width: 0 }, widths[i]!, head ? "left" : columns[i]!.align));
        out.push(border ? `│ ${parts.join(" │ ")} │` : parts.join("  ").trimEnd());
      }
      return out;
    };
    if (!border) {
      yield* render([], true);
      for (const row of measured) yield* render(row, false);
      return;
    }
    const rule = (left: string, mid: string, right: string) => `${left}${widths.map((w) => "─".repeat(w + 2)).join(mid)}${right}`;
    yield rule("┌", "┬", "┐");
    yield* render([], true);
    const separators = this.options.separators !== false;
    for (let i = 0; i < measured.length; i++) {
      if (separators || i === 0) yield rule("├", "┼", "┤");
      yield* render(measured[i]!, false);
    }
    yield rule("└", "┴", "┘");
  }
}

/** A paragraph folded to the width, each line styled after folding, the lines after the first indented by `hang`. */
export function paragraph(text: string, width: number, style?: Style, hang = 0): string {
  const paint = (t: string) => (style && t ? style(t) : t);
  return foldLine(neutralise(text), Math.max(1, width - hang))
    .map((line, i) => (i === 0 ? "" : " ".repeat(hang)) + paint(line))
    .join("\n");
}
