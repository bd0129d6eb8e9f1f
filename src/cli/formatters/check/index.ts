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
