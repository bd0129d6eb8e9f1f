import type { RegionResult } from "../../../check.js";
import type { Lang } from "../../../i18n/messages.js";
import { reportHead, reportRegion } from "../../../report/report.js";
import type { FormattedRegion, StreamFormatFactory } from "./stream.js";

/** Indents a JSON text by `depth` levels (for embedding one stringified part in the pretty-printed whole). */
function nest(json: string, depth: number): string {
  return json.replace(/\n/g, `\n${"  ".repeat(depth)}`);
}

function region(result: RegionResult, lang: Lang): FormattedRegion<null> {
  const report = reportRegion(result, lang);
  const results = report.results;
  const name = report.name;
  report.results = [];
  // the name is set in apart, as the results are: it is most often the only text that is not ASCII, and one such
  // character makes V8 build the whole stringified region two bytes a character
  report.name = "";
  // stringified two levels deep inside a wrapper, the region comes out indented as it sits in the report
  const wrapped = JSON.stringify([[report]], null, 2);
  // cut by position: a replacement string would read "$&" or "$'" in an institution's name as patterns; the region's
  // name is its second key, so the first empty name is its own
  const nameAt = wrapped.indexOf(EMPTY_NAME);
  const at = wrapped.indexOf(EMPTY_RESULTS, nameAt);
  const pieces = ["\n    ", wrapped.slice(10, nameAt + EMPTY_NAME.length - 2), JSON.stringify(name), wrapped.slice(nameAt + EMPTY_NAME.length, at), '"results": ['];
  for (let i = 0; i < results.length; i++) pieces.push(i ? ",\n        " : "\n        ", JSON.stringify(results[i]));
  pieces.push(results.length ? "\n      ]" : "]", wrapped.slice(at + EMPTY_RESULTS.length, -6));
  return { texts: [pieces], note: null };
}
const EMPTY_NAME = '"name": ""';
const EMPTY_RESULTS = '"results": []';

/**
 * The report as pretty-printed JSON, region by region, so a country's worth of output is never one string. Each
 * result is one line: a national file gives tens of thousands of them.
 */
export const jsonFormat: StreamFormatFactory = () => ({
  sections: 1,
  region,
  frame(summary, file, lang, worstFirst) {
    const head = JSON.stringify(reportHead(summary, file, lang), null, 2);
    return [
      `${head.slice(0, -2)},\n  "regions": [`,
      { section: 0, order: worstFirst, separator: "," },
      `${summary.regionCount ? "\n  " : ""}],\n  "rollup": ${nest(JSON.stringify(summary.rollup, null, 2), 1)},\n  "rollupTotals": ${nest(JSON.stringify(summary.rollupTotals, null, 2), 1)}\n}\n`,
    ];
  },
});
