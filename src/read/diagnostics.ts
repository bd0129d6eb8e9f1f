/** A problem found in an input file, as data. Wording lives in src/i18n/messages.ts. */
import { compareText } from "../compare-text.js";
export type DiagnosticCode =
  | "empty-file"
  | "encoding-error"
  | "no-rows"
  | "blank-header"
  | "duplicate-label"
  | "unknown-header"
  | "missing-label"
  | "missing-cell"
  | "extra-cell"
  | "unclosed-quote"
  | "cell-too-long"
  | "row-too-long"
  | "type-error"
  | "constraint-error"
  | "required-value"
  | "unknown-unit-type"
  | "subset-exceeds-total"
  | "sum-exceeds-total"
  | "duplicate-row"
  | "missing-region-row"
  | "total-row-mismatch"
  | "total-rows-not-checked"
  | "header-row"
  | "not-reported-mark"
  | "unit-error"
  | "too-many-problems";

export type Severity = "error" | "warning";

/** What a cell should have held; rendered in zh/en by the messages module. */
export type Expectation =
  | "whole-number"
  | "non-negative"
  | "not-above-max"
  | "positive-population"
  | "region-code"
  | "year"
  | "flag"
  | "unit-type"
  | "value-present"
  | "utf8-or-gb18030"
  | "text-not-binary"
  | "header-and-rows"
  | "unique-header"
  | "named-header"
  | "known-header"
  | "cells-match-header"
  | "closed-quote"
  | "short-cell"
  | "short-row"
  | "few-total-rows"
  | "not-above-total"
  | "sum-not-above-total"
  | "unique-row"
  | "region-row"
  | "total-matches-sum"
  | "header-first"
  | "value-or-empty"
  | "count-unit"
  | "whole-after-scale";

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  /** column id (region_code, physicians …) when the problem is in one cell */
  field?: string;
  /** the offending value as read, shortened */
  value?: string;
  expected?: Expectation;
  /** extra facts for the message: the limit, the total column, a suggestion … */
  detail?: Record<string, string | number>;
}

/** A diagnostic before the sink names its file. */
export type Problem = Omit<Diagnostic, "file">;

// completed in place, not spread into a new object: a spread followed by more properties gives each object a map of
// its own in V8, and every later read of a problem then misses its inline cache
const error = (p: Omit<Problem, "severity">): Problem => Object.assign(p, { severity: "error" as const });
const warning = (p: Omit<Problem, "severity">): Problem => Object.assign(p, { severity: "warning" as const });
const inField = (field: string | undefined) => (field ? { field } : {});

/** A cell: its 1-based line and column, and the column's id where it has one. */
export interface Cell {
  line: number;
  column: number;
  field?: string | undefined;
}

/** What a number cell's parser found wrong with it (see values.ts). */
export type ValueFault = "type" | "negative" | "fraction" | "too-large";

/**
 * One constructor per diagnostic code: what each code carries, its severity and what it expected are decided here,
 * the wording in src/i18n/messages.ts.
 */
export const problems = {
  emptyFile: (): Problem => error({ code: "empty-file", line: 1, column: 1, expected: "header-and-rows" }),
  noRows: (line: number): Problem => error({ code: "no-rows", line, column: 1, expected: "header-and-rows" }),
  binary: (line: number, offset: number): Problem =>
    error({ code: "encoding-error", line, column: 1, expected: "text-not-binary", detail: { offset } }),
  notText: (line: number, offset: number, encoding: string): Problem =>
    error({ code: "encoding-error", line, column: 1, expected: "utf8-or-gb18030", detail: { offset, encoding } }),
  unclosedQuote: ({ line, column, field }: Cell): Problem => error({ code: "unclosed-quote", line, column, expected: "closed-quote", ...inField(field) }),
  textAfterQuote: ({ line, column, field }: Cell, value: string): Problem =>
    error({ code: "unclosed-quote", line, column, value, expected: "closed-quote", ...inField(field) }),
  cellTooLong: ({ line, column, field }: Cell, length: number, max: number): Problem =>
    error({ code: "cell-too-long", line, column, expected: "short-cell", detail: { length, max }, ...inField(field) }),
  rowTooLong: (line: number, max: number): Problem => error({ code: "row-too-long", line, column: 1, expected: "short-row", detail: { max } }),
  blankHeader: (line: number, column: number): Problem => error({ code: "blank-header", line, column, expected: "named-header" }),
  unknownHeader: (line: number, column: number, value: string, suggestion: string | undefined): Problem =>
    warning({ code: "unknown-header", line, column, value, expected: "known-header", ...(suggestion ? { detail: { suggestion } } : {}) }),
  duplicateHeader: ({ line, column, field }: Cell, value: string, first: number): Problem =>
    error({ code: "duplicate-label", line, column, field, value, expected: "unique-header", detail: { first } }),
  missingColumn: ({ line, column, field }: Cell, name: string): Problem =>
    error({ code: "missing-label", line, column, field, expected: "named-header", detail: { name } }),
  tooFewCells: (line: number, cells: number, header: number): Problem =>
    error({ code: "missing-cell", line, column: cells + 1, expected: "cells-match-header", detail: { cells, header } }),
  extraCell: (line: number, column: number, value: string, cells: number, header: number): Problem =>
    error({ code: "extra-cell", line, column, value, expected: "cells-match-header", detail: { cells, header } }),
  /** a required identity cell is empty (`value`: the institution's name on a row without a type) */
  requiredValue: ({ line, column, field }: Cell, expected: "region-code" | "year" | "unit-type" | "positive-population", value?: string): Problem =>
    error({ code: "required-value", line, column, field, ...(value !== undefined ? { value } : {}), expected }),
  badRegionCode: ({ line, column, field }: Cell, value: string): Problem =>
    error({ code: "constraint-error", line, column, field, value, expected: "region-code" }),
  badYear: ({ line, column, field }: Cell, value: string): Problem => error({ code: "type-error", line, column, field, value, expected: "year" }),
  badFlag: ({ line, column, field }: Cell, value: string): Problem => error({ code: "type-error", line, column, field, value, expected: "flag" }),
  zeroPopulation: ({ line, column, field }: Cell, value: string): Problem =>
    error({ code: "constraint-error", line, column, field, value, expected: "positive-population" }),
  badCount: ({ line, column, field }: Cell, value: string, fault: ValueFault, max: number): Problem =>
    error({
      code: fault === "type" ? "type-error" : "constraint-error",
      line,
      column,
      field,
      value,
      expected: fault === "negative" ? "non-negative" : fault === "too-large" ? "not-above-max" : "whole-number",
      ...(fault === "too-large" ? { detail: { max } } : {}),
    }),
  unknownUnitType: ({ line, column, field }: Cell, value: string): Problem =>
    error({ code: "unknown-unit-type", line, column, field, value, expected: "unit-type" }),
  /** a part above its whole on one row, or (`summed`) in a region's resolved figures */
  subsetAboveTotal: ({ line, column, field }: Cell, value: number, total: string, totalValue: number, summed = false): Problem =>
    error({
      code: "subset-exceeds-total",
      line,
      column,
      field,
      value: String(value),
      expected: "not-above-total",
      detail: summed ? { total, totalValue, summed: 1 } : { total, totalValue },
    }),
  sumAboveTotal: ({ line, column, field }: Cell, stated: number, sum: number, rows: number): Problem =>
    error({ code: "sum-exceeds-total", line, column, field, value: String(stated), expected: "sum-not-above-total", detail: { sum, rows } }),
  duplicateRow: ({ line, column, field }: Cell, value: string, first: number): Problem =>
    error({ code: "duplicate-row", line, column, field, value, expected: "unique-row", detail: { first } }),
  missingRegionRow: (line: number, code: string, year: number): Problem =>
    warning({ code: "missing-region-row", line, column: 1, value: `${code} ${year}`, expected: "region-row" }),
  totalRowMismatch: ({ line, column, field }: Cell, value: number, sum: number): Problem =>
    warning({ code: "total-row-mismatch", line, column, field, value: String(value), expected: "total-matches-sum", detail: { sum } }),
  /** a region's total rows past those kept to check: counted, not checked */
  totalRowsNotChecked: (line: number, region: string, rows: number, max: number): Problem =>
    warning({ code: "total-rows-not-checked", line, column: 1, value: region, expected: "few-total-rows", detail: { rows, max } }),
  /** rows above the header (a title), passed over */
  titleRows: (line: number, text: string, rows: number, first: number): Problem =>
    warning({ code: "header-row", line, column: 1, value: text, expected: "header-first", detail: { rows, first } }),
  /** a header's unit that is not a count of people (常住人口（%）) */
  badUnit: ({ line, column, field }: Cell, value: string, unit: string): Problem =>
    error({ code: "unit-error", line, column, field, value, expected: "count-unit", detail: { unit } }),
  /** a figure in a scaled column (万人) with more decimals than the scale makes whole */
  notWholeAfterScale: ({ line, column, field }: Cell, value: string, scale: number): Problem =>
    error({ code: "constraint-error", line, column, field, value, expected: "whole-after-scale", detail: { scale, places: String(scale).length - 1 } }),
  /**
   * "—" where a figure goes: not reported, as an empty cell. One warning per column, whose `cells` the caller counts
   * on as more are read (the detail is the caller's object, kept by reference).
   */
  notReportedMark: ({ line, column, field }: Cell, value: string, detail: { cells: number }): Problem =>
    warning({ code: "not-reported-mark", line, column, field, value, expected: "value-or-empty", detail }),
};

export const MAX_STORED_DIAGNOSTICS = 1000;

/** Collects diagnostics, keeping counts of all and the first MAX_STORED_DIAGNOSTICS in full. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  errors = 0;
  warnings = 0;
  dropped = 0;

  constructor(readonly file: string) {}

  /** Counts the problem, and keeps it while fewer than MAX_STORED_DIAGNOSTICS are kept or when it is `fatal` (it ended the reading: always shown). */
  add(d: Problem, fatal = false): void {
    if (d.severity === "error") this.errors++;
    else this.warnings++;
    if (this.items.length < MAX_STORED_DIAGNOSTICS || fatal) {
      const full: Diagnostic = { code: d.code, severity: d.severity, file: this.file, line: d.line, column: d.column };
      if (d.field !== undefined) full.field = d.field;
      if (d.value !== undefined) full.value = shorten(d.value);
      if (d.expected !== undefined) full.expected = d.expected;
      if (d.detail !== undefined) full.detail = d.detail;
      this.items.push(full);
    } else this.dropped++;
  }

  /** Counts errors that were not kept where they were found (past the first thousand of a scan): they are not listed either. */
  countErrors(count: number): void {
    this.errors += count;
    this.dropped += count;
  }

  /** Diagnostics in file order; a closing note when some were not kept. */
  sorted(): Diagnostic[] {
    const out = [...this.items].sort((a, b) => a.line - b.line || a.column - b.column || compareText(a.code, b.code));
    if (this.dropped > 0) {
      out.push({
        code: "too-many-problems",
        severity: "warning",
        file: this.file,
        line: out.at(-1)?.line ?? 1,
        column: 1,
        detail: { more: this.dropped },
      });
    }
    return out;
  }
}

export function shorten(value: string, max = 60): string {
  const printable = value.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return printable.length > max ? `${printable.slice(0, max)}…(${value.length})` : printable;
}
