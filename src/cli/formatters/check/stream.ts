import type { CheckSummary, RegionResult } from "../../../check.js";
import type { Lang } from "../../../messages.js";
import type { CheckView } from "./index.js";

/**
 * A format whose output is a frame around one text per region: the regions can be formatted as they are checked,
 * set aside, and put in order at the end, so a country's results are never held at once. A format with several
 * sections (CSV: every region's results, then every region's plan) gives one text per section.
 */
export interface RegionStreamFormat {
  sections: number;
  /** the region's text in each section */
  region(result: RegionResult, lang: Lang): string[];
  /** what goes before the first section, between two regions' texts in a section, and after the last section */
  frame(summary: CheckSummary, file: string, lang: Lang): { head: string; separator: string; tail: string };
}

/** The whole output from results held in memory. */
export function* formatInMemory(format: RegionStreamFormat, { result, file, lang }: CheckView): Generator<string> {
  const frame = format.frame(result, file, lang);
  yield frame.head;
  const texts = format.sections === 1 ? undefined : result.regions.map((r) => format.region(r, lang));
  for (let section = 0; section < format.sections; section++) {
    let first = true;
    for (let i = 0; i < result.regions.length; i++) {
      const text = texts ? texts[i]![section]! : format.region(result.regions[i]!, lang)[section]!;
      yield first ? text : frame.separator + text;
      first = false;
    }
  }
  yield frame.tail;
}
