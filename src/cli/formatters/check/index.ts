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
  github: githubFormat,
};

/**
 * The formats made from results held in memory, and the most region-years each takes: past it a run would take
 * minutes and gigabytes (a 3,000-county file: the workbook 6 s and 280 MB, most of it the results and the sheets'
 * values), so it is refused as soon as the input is read.
 */
export const inMemoryRegionLimits: Partial<Record<keyof typeof checkFormatters, number>> = {
  xlsx: 5_000,
};

/** One small module per output format. */
export const checkFormatters = {
  table: (view: CheckView) => [...formatInMemory(tableFormat, view)].join(""),
  json: (view: CheckView) => formatInMemory(jsonFormat, view),
  csv: (view: CheckView) => formatInMemory(csvFormat, view),
  markdown: (view: CheckView) => [...formatInMemory(markdownFormat, view)].join(""),
  html: (view: CheckView) => [...formatInMemory(htmlFormat, view)].join(""),
  xlsx: xlsxFormatter,
  github: (view: CheckView) => [...formatInMemory(githubFormat, view)].join(""),
} satisfies Record<string, (view: CheckView) => string | Iterable<string> | Promise<Iterable<Uint8Array>>>;
