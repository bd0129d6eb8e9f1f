import { csvFormat } from "./csv.js";
import { githubFormat } from "./github.js";
import { jsonFormat } from "./json.js";
import { markdownFormat } from "./markdown.js";
import { formatInMemory, type CheckView, type StreamFormatFactory } from "./stream.js";
import { tableFormat } from "./table.js";
import { htmlFormat } from "./html.js";
import { xlsxFormat } from "./xlsx.js";

export type CheckFormat = "table" | "json" | "csv" | "markdown" | "html" | "xlsx" | "github";

/**
 * The formats of `gap check`, one small module each. Every one is written region by region (for a country's worth of
 * regions without holding them); the workbook's texts are lines of rows, which workbookFrom (xlsx.ts) turns into it.
 */
export const checkFormats: Record<CheckFormat, StreamFormatFactory> = {
  table: tableFormat,
  json: jsonFormat,
  csv: csvFormat,
  markdown: markdownFormat,
  html: htmlFormat,
  xlsx: xlsxFormat,
  github: githubFormat,
};

/** A text report formatted from results held in memory: byte for byte what `gap check` writes region by region. */
export function reportText(format: Exclude<CheckFormat, "xlsx">, view: CheckView): string {
  return [...formatInMemory(checkFormats[format], view)].join("");
}
