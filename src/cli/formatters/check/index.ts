import type { Paint } from "../../color.js";
import type { CheckResult } from "../../../check.js";
import type { Lang } from "../../../messages.js";
import { csvFormat } from "./csv.js";
import { githubFormat } from "./github.js";
import { jsonFormat } from "./json.js";
import { markdownFormat } from "./markdown.js";
import { formatInMemory, type StreamFormatFactory } from "./stream.js";
import { tableFormat } from "./table.js";
import { htmlFormat } from "./html.js";
import { workbookFrom, xlsxFormat } from "./xlsx.js";

export interface CheckView {
  result: CheckResult;
  file: string;
  lang: Lang;
  paint: Paint;
  /** the most columns a line of the table format may take */
  width?: number;
  /** only the findings: the answer and the targets not met */
  quiet?: boolean;
}

/**
 * The formats written region by region (for a country's worth of regions without holding them): every one. The
 * workbook's are lines of rows, which workbookFrom turns into the workbook.
 */
export const streamFormats: Record<keyof typeof checkFormatters, StreamFormatFactory> = {
  table: tableFormat,
  json: jsonFormat,
  csv: csvFormat,
  markdown: markdownFormat,
  html: htmlFormat,
  github: githubFormat,
  xlsx: xlsxFormat,
};

/** One small module per output format. */
export const checkFormatters = {
  table: (view: CheckView) => [...formatInMemory(tableFormat, view)].join(""),
  json: (view: CheckView) => formatInMemory(jsonFormat, view),
  csv: (view: CheckView) => formatInMemory(csvFormat, view),
  markdown: (view: CheckView) => [...formatInMemory(markdownFormat, view)].join(""),
  html: (view: CheckView) => [...formatInMemory(htmlFormat, view)].join(""),
  xlsx: (view: CheckView) => workbookFrom(formatInMemory(xlsxFormat, view)),
  github: (view: CheckView) => [...formatInMemory(githubFormat, view)].join(""),
} satisfies Record<string, (view: CheckView) => string | Iterable<string> | Promise<Iterable<Uint8Array>>>;
