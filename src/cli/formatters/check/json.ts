import { reportHead, reportRegion } from "../../../report.js";
import type { CheckView } from "./index.js";

/** Indents a JSON text by `depth` levels (for embedding one stringified part in the pretty-printed whole). */
function nest(json: string, depth: number): string {
  return json.replace(/\n/g, `\n${"  ".repeat(depth)}`);
}

/**
 * The report as pretty-printed JSON, produced region by region so a country's worth of output is never one string.
 * Each result is one line: a national file gives tens of thousands of them.
 */
export function* jsonFormatter({ result, file, lang }: CheckView): Generator<string> {
  const head = JSON.stringify(reportHead(result, file, lang), null, 2);
  yield `${head.slice(0, -2)},\n  "regions": [`;
  let first = true;
  for (const region of result.regions) {
    const report = reportRegion(region, lang);
    const results = report.results;
    report.results = [];
    // stringified two levels deep inside a wrapper, the region comes out indented as it sits in the report
    const wrapped = JSON.stringify([[report]], null, 2);
    const body = wrapped
      .slice(10, -6)
      .replace(
        '"results": []',
        `"results": [${results.map((r) => `\n        ${JSON.stringify(r)}`).join(",")}${results.length ? "\n      " : ""}]`,
      );
    yield `${first ? "" : ","}\n    ${body}`;
    first = false;
  }
  yield `${result.regions.length ? "\n  " : ""}],\n  "rollup": ${nest(JSON.stringify(result.rollup, null, 2), 1)}\n}\n`;
}
