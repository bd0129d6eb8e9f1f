import type { Paint } from "../../color.js";
import type { CheckResult } from "../../../check.js";
import type { Lang } from "../../../messages.js";
import { csvFormat } from "./csv.js";
import { githubFormatter } from "./github.js";
import { jsonFormat } from "./json.js";
import { markdownFormat } from "./markdown.js";
import { formatInMemory, type StreamFormatFactory } from "./stream.js";
import { tableFormat } from "./table.js";
import { htmlFormatter } from "./html.js";
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
};

/**
 * The formats made whole in memory, and the most region-years each takes. Past it a run would end, after minutes,
 * in a string too long for V8 or an exhausted heap (a 3,000-county file: the page 5 s and 460 MB, the workbook 18 s and
 * 1.6 GB; 10,000 regions: the page 1.3 GB), so it is refused as soon as the input is read.
 */
export const inMemoryRegionLimits: Partial<Record<keyof typeof checkFormatters, number>> = {
  html: 10_000,
  xlsx: 5_000,
  github: 10_000,
};

/** One small module per output format. */
export const checkFormatters = {
  table: (view: CheckView) => [...formatInMemory(tableFormat, view)].join(""),
  json: (view: CheckView) => formatInMemory(jsonFormat, view),
  csv: (view: CheckView) => formatInMemory(csvFormat, view),
  markdown: (view: CheckView) => [...formatInMemory(markdownFormat, view)].join(""),
  html: htmlFormatter,
  xlsx: xlsxFormatter,
  github: githubFormatter,
} satisfies Record<string, (view: CheckView) => string | Iterable<string> | Promise<Iterable<Uint8Array>>>;
