import type { Paint } from "../../color.js";
import type { CheckResult } from "../../../check.js";
import type { Lang } from "../../../messages.js";
import { csvFormat } from "./csv.js";
import { githubFormatter } from "./github.js";
import { jsonFormat } from "./json.js";
import { markdownFormat } from "./markdown.js";
import { formatInMemory, type StreamFormatFactory } from "./stream.js";
import { tableFormat } from "./table.js";
import { htmlFormat } from "./html.js";
import { xlsxFormatter } from "./xlsx.js";

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

/** The formats that can be written region by region (for a country's worth of regions without holding them). */
export const streamFormats: Partial<Record<keyof typeof checkFormatters, StreamFormatFactory>> = {
  table: tableFormat,
  json: jsonFormat,
  csv: csvFormat,
  markdown: markdownFormat,
  html: htmlFormat,
};

/**
 * The formats made whole in memory, and the most region-years each takes. Past it a run would end, after minutes,
 * in a string too long for V8 or an exhausted heap, or a workbook with more rows than Excel opens (a 3,000-county
 * file: the workbook 6 s and 280 MB, held as the check's results and the sheets' values), so it is refused as soon as
 * the input is read.
 */
export const inMemoryRegionLimits: Partial<Record<keyof typeof checkFormatters, number>> = {
  xlsx: 5_000,
  github: 10_000,
};

/** One small module per output format. */
export const checkFormatters = {
  table: (view: CheckView) => [...formatInMemory(tableFormat, view)].join(""),
  json: (view: CheckView) => formatInMemory(jsonFormat, view),
  csv: (view: CheckView) => formatInMemory(csvFormat, view),
  markdown: (view: CheckView) => [...formatInMemory(markdownFormat, view)].join(""),
  html: (view: CheckView) => [...formatInMemory(htmlFormat, view)].join(""),
  xlsx: xlsxFormatter,
  github: githubFormatter,
} satisfies Record<string, (view: CheckView) => string | Iterable<string> | Promise<Iterable<Uint8Array>>>;
