import { UsageError } from "../errors.js";
import { openStatisticsFile, type InputOptions } from "../node.js";
import type { InstitutionCheckSpec } from "../read/record.js";
import { SeveralReads, type RegionSource } from "../read/several.js";
import { holdHeapSmallFor } from "./heap.js";

/** The statistics files of one command, read as one input: their names, and their regions and diagnostics. */
export interface OpenedInput {
  source: RegionSource;
  /** the name a report carries: the file, or the files joined */
  name: string;
  files: string[];
}

/** Reads every file given (a workbook's sheet, only the regions asked for) and puts them together. */
export async function openInputs(files: readonly string[], institutionChecks: readonly InstitutionCheckSpec[], options: InputOptions): Promise<OpenedInput> {
  if (files.filter((f) => f === "-").length > 1) throw new UsageError("standard input (-) can be read once");
  holdHeapSmallFor(files);
  const reads = [];
  for (const file of files) reads.push(await openStatisticsFile(file, institutionChecks, options));
  const names = reads.map((r) => r.name);
  if (options.sheet !== undefined && reads.every((r) => r.sheet === undefined)) {
    throw new UsageError(`--sheet «${options.sheet}»: ${names.join(", ")} ${names.length > 1 ? "are text files, not .xlsx workbooks" : "is a text file, not an .xlsx workbook"} with sheets`);
  }
  const source = reads.length === 1 ? reads[0]!.reader : new SeveralReads(reads.map(({ reader, name }) => ({ reader, name })));
  const read = source.summary();
  if (options.regions?.length && read.errors === 0 && read.stats.regions === 0 && (read.stats.outsideRegions ?? 0) > 0) {
    throw new UsageError(`no region in ${names.join(", ")} has a code starting with ${options.regions.join(" or ")} (--region)`);
  }
  return { source, name: names.join(", "), files: names };
}
