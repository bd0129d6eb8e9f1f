/** A problem found in an input file, as data. Wording lives in src/messages.ts. */
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
  | "type-error"
  | "constraint-error"
  | "required-value"
  | "unknown-unit-type"
  | "subset-exceeds-total"
  | "sum-exceeds-total"
  | "duplicate-row"
  | "missing-region-row"
  | "total-row-mismatch"
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

export const MAX_STORED_DIAGNOSTICS = 1000;

/** Collects diagnostics, keeping counts of all and the first MAX_STORED_DIAGNOSTICS in full. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  errors = 0;
  warnings = 0;
  dropped = 0;

  constructor(readonly file: string) {}

  add(d: Omit<Diagnostic, "file">): void {
    if (d.severity === "error") this.errors++;
    else this.warnings++;
    if (this.items.length < MAX_STORED_DIAGNOSTICS) {
      const full: Diagnostic = { code: d.code, severity: d.severity, file: this.file, line: d.line, column: d.column };
      if (d.field !== undefined) full.field = d.field;
      if (d.value !== undefined) full.value = shorten(d.value);
      if (d.expected !== undefined) full.expected = d.expected;
      if (d.detail !== undefined) full.detail = d.detail;
      this.items.push(full);
    } else this.dropped++;
  }

  /** Forgets everything collected so far. */
  clear(): void {
    this.items.length = 0;
    this.errors = this.warnings = this.dropped = 0;
  }

  /** Takes another sink's diagnostics as if they had been added here after this one's. */
  adopt(other: Pick<DiagnosticSink, "items" | "errors" | "warnings" | "dropped">): void {
    this.errors += other.errors;
    this.warnings += other.warnings;
    for (const d of other.items) {
      if (this.items.length < MAX_STORED_DIAGNOSTICS) this.items.push(d);
      else this.dropped++;
    }
    this.dropped += other.dropped;
  }

  error(d: Omit<Diagnostic, "file" | "severity">): void {
    this.add({ ...d, severity: "error" });
  }

  warn(d: Omit<Diagnostic, "file" | "severity">): void {
    this.add({ ...d, severity: "warning" });
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
