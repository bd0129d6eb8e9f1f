import type { CheckSummary, RegionResult } from "../../../check.js";
import type { Lang } from "../../../messages.js";
import type { CheckView } from "./index.js";

/** The regions' texts of one section, in the order given, each preceded by `separator` but the first. */
export interface SectionPart {
  section: number;
  /** regions by their number: the first region formatted is 0 */
  order: Iterable<number>;
  separator: string;
}

/**
 * A format whose output is a frame around texts per region: the regions can be formatted as they are checked, set
 * aside, and put in order at the end, so a country's results are never held at once. A format with several
 * sections (CSV: every region's results, then every region's plan; markdown: the overview's lines, then the
 * regions' details) gives one text per section.
 *
 * A format is made for one report (see StreamFormatFactory): `region` may note what the frame needs of each region
 * (what orders it, a line of the overview, the documents it cites), as long as that stays small.
 */
export interface RegionStreamFormat {
  sections: number;
  /** the region's text in each section; called once per region, in any order, before `frame` */
  region(result: RegionResult, lang: Lang): string[];
  /**
   * The whole output, once every region has been formatted: texts of its own, and where the regions' texts go.
   * `worstFirst`: the regions by their number (the order `region` was called in), in the check's order.
   */
  frame(summary: CheckSummary, file: string, lang: Lang, worstFirst: readonly number[]): Iterable<string | SectionPart>;
}

/** How a report is to look beyond its language: what a format is made from. */
export type ViewOptions = Pick<CheckView, "paint" | "width" | "quiet">;

export type StreamFormatFactory = (options: ViewOptions) => RegionStreamFormat;

/** The whole output from results held in memory, worst region first: what the streamed output is, byte for byte. */
export function* formatInMemory(make: StreamFormatFactory, view: CheckView): Generator<string> {
  const { result, file, lang } = view;
  const format = make(view);
  const texts = result.regions.map((r) => format.region(r, lang));
  for (const part of format.frame(result, file, lang, texts.map((_, i) => i))) {
    if (typeof part === "string") {
      yield part;
      continue;
    }
    let first = true;
    for (const i of part.order) {
      const text = texts[i]![part.section]!;
      yield first ? text : part.separator + text;
      first = false;
    }
  }
}
