import type { Paint } from "../../color.js";
import type { CheckResult } from "../../../check.js";
import type { Lang } from "../../../messages.js";
import type { ReadResult } from "../../../read/reader.js";
import { csvFormatter } from "./csv.js";
import { githubFormatter } from "./github.js";
import { jsonFormatter } from "./json.js";
import { markdownFormatter } from "./markdown.js";
import { tableFormatter } from "./table.js";

export interface CheckView {
  result: CheckResult;
  file: string;
  lang: Lang;
  paint: Paint;
  read: ReadResult;
}

/** One small module per output format. */
export const checkFormatters = {
  table: tableFormatter,
  json: jsonFormatter,
  csv: csvFormatter,
  markdown: markdownFormatter,
  github: githubFormatter,
} satisfies Record<string, (view: CheckView) => string | Iterable<string>>;
