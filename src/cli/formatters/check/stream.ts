import type { CheckResult, CheckSummary, RegionResult } from "../../../check.js";
import type { Lang } from "../../../i18n/messages.js";
import type { Paint } from "../../color.js";

/** The regions' texts of one section, in the order given, each preceded by `separator` but the first. */
export interface SectionPart {
  section: number;
  /** regions by their number: the first region formatted is 0 */
  order: Iterable<number>;
  separator: string;
}

/**
 * A region's text in one section: one string, or its pieces in order, for a text built of parts (a region's JSON is
 * tens of kilobytes of several stringified parts: joined, it would be copied once more and then again as it is
 * written).
 */
export type RegionText = string | readonly string[];

/** One region formatted: its text in each section, and what the frame needs of it. */
export interface FormattedRegion<Note = unknown> {
  texts: RegionText[];
  /**
   * what the frame needs of the region (what orders it, its line of the overview, the documents it cites): small
   * plain data, as it is kept for every region to the end of the report
   */
  note: Note;
}

/**
 * A format whose output is a frame around texts per region: the regions can be formatted as they are checked, set
 * aside, and put in order at the end, so a country's results are never held at once. A format with several
 * sections (CSV: every region's results, then every region's plan; markdown: the overview's lines, then the
 * regions' details) gives one text per section.
 *
 * `region` depends on nothing but its arguments and the format's options, so regions can be formatted in any order;
 * everything the frame needs of them comes back to it as their notes.
 */
export interface RegionStreamFormat<Note = unknown> {
  sections: number;
  region(result: RegionResult, lang: Lang): FormattedRegion<Note>;
  /**
   * The whole output, once every region has been formatted: texts of its own, and where the regions' texts go.
   * Regions are known by their number: `notes[i]` is region i's note, and `worstFirst` lists the numbers in the
   * check's order.
   */
  frame(summary: CheckSummary, file: string, lang: Lang, worstFirst: readonly number[], notes: readonly Note[]): Iterable<string | SectionPart>;
}

/** A check's results to format, and how. */
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

/** How a report is to look beyond its language, and the input it is about: what a format is made from. */
export type ViewOptions = Pick<CheckView, "paint" | "width" | "quiet" | "file">;

export type StreamFormatFactory<Note = unknown> = (options: ViewOptions) => RegionStreamFormat<Note>;

/** The whole output from results held in memory, worst region first: what the streamed output is, byte for byte. */
export function* formatInMemory(make: StreamFormatFactory, view: CheckView): Generator<string> {
  const { result, file, lang } = view;
  const format = make(view);
  const formatted = result.regions.map((r) => format.region(r, lang));
  const texts = formatted.map((f) => f.texts);
  const notes = formatted.map((f) => f.note);
  for (const part of format.frame(result, file, lang, texts.map((_, i) => i), notes)) {
    if (typeof part === "string") {
      yield part;
      continue;
    }
    let first = true;
    for (const i of part.order) {
      const text = texts[i]![part.section]!;
      if (!first) yield part.separator;
      if (typeof text === "string") yield text;
      else yield* text;
      first = false;
    }
  }
}
