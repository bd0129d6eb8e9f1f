import type { Paint } from "../color.js";
import type { Diagnostic } from "../../read/diagnostics.js";
import type { ReadResult } from "../../read/reader.js";
import { diagnosticMessage, expectedText, severityLabel, type Lang } from "../../i18n/messages.js";
import { annotation } from "./github.js";
import { neutralise } from "./text.js";

export const VALIDATE_SCHEMA_VERSION = 1;

export interface DiagnosticsView {
  /** the diagnostics and statistics of a read (its regions are not needed) */
  result: Omit<ReadResult, "regions">;
  file: string;
  lang: Lang;
  strict: boolean;
  paint: Paint;
  /** the command the JSON envelope names (default validate; check prints it for an input it cannot run on) */
  command?: "validate" | "check";
}

export function isValid(result: Pick<ReadResult, "errors" | "warnings">, strict: boolean): boolean {
  return result.errors === 0 && (!strict || result.warnings === 0);
}

/** One located line per problem, then a summary line. */
export function diagnosticsTable({ result, file, lang, strict, paint }: DiagnosticsView): string {
  let out = "";
  for (const d of result.diagnostics) {
    const where = neutralise(`${d.file}:${d.line}:${d.column}`);
    const level = d.severity === "error" ? paint.red(severityLabel("error", lang)) : paint.yellow(severityLabel("warning", lang));
    out += `${where}  ${level}  ${neutralise(diagnosticMessage(d, lang))}  ${paint.dim(d.code)}\n`;
  }
  const { rows, regionRows, institutionRows, subtotalRows } = result.stats;
  const counts =
    lang === "zh"
      ? `${rows} 行（地区行 ${regionRows}，机构行 ${institutionRows}，小计行 ${subtotalRows}），${result.stats.regions} 个地区-年份`
      : `${rows} rows (${regionRows} region, ${institutionRows} institution, ${subtotalRows} subtotal), ${result.stats.regions} region-years`;
  const problems =
    lang === "zh"
      ? `${result.errors} 个错误，${result.warnings} 个警告`
      : `${result.errors} error${result.errors === 1 ? "" : "s"}, ${result.warnings} warning${result.warnings === 1 ? "" : "s"}`;
  const valid = isValid(result, strict);
  file = neutralise(file);
  const verdict = valid
    ? paint.green(lang === "zh" ? `✓ ${file} 有效` : `✓ ${file} is valid`)
    : paint.red(lang === "zh" ? `✗ ${file} 无效` : `✗ ${file} is invalid`);
  return `${out}${verdict}: ${problems}; ${counts}\n`;
}

export function diagnosticsJson({ result, file, lang, strict, command = "validate" }: DiagnosticsView): string {
  const envelope = {
    schemaVersion: VALIDATE_SCHEMA_VERSION,
    tool: "gap",
    command,
    file,
    valid: isValid(result, strict),
    strict,
    errors: result.errors,
    warnings: result.warnings,
    stats: {
      encoding: result.stats.encoding ?? null,
      bom: result.stats.bom,
      rows: result.stats.rows,
      regionRows: result.stats.regionRows,
      institutionRows: result.stats.institutionRows,
      subtotalRows: result.stats.subtotalRows,
      totalRows: result.stats.totalRows,
      regions: result.stats.regions,
    },
    diagnostics: result.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      file: d.file,
      line: d.line,
      column: d.column,
      field: d.field ?? null,
      value: d.value ?? null,
      expected: expectedText(d, lang) ?? null,
      message: diagnosticMessage(d, lang),
      detail: d.detail ?? null,
    })),
  };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

export function diagnosticsGithub({ result, lang }: DiagnosticsView): string {
  return diagnosticAnnotations(result.diagnostics, lang);
}

/** An annotation per problem, on the line and column it was found at. */
export function diagnosticAnnotations(diagnostics: readonly Diagnostic[], lang: Lang): string {
  return diagnostics
    .map((d) =>
      annotation({
        level: d.severity === "error" ? "error" : "warning",
        file: d.file,
        line: d.line,
        column: d.column,
        title: `gap ${d.code}`,
        message: diagnosticMessage(d, lang),
      }),
    )
    .join("");
}
