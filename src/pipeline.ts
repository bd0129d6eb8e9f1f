/**
 * gap's pipeline in two calls: read → evaluate → plan → report. No I/O here: the caller pushes the file's bytes into
 * the reader, and each region's result leaves through `keep` as soon as it is checked, so a country's results need
 * not be held at once.
 */
import type { Catalogue } from "./catalogue/catalogue.js";
import { CheckRun, checkCodes, codeGroups, type CheckOptions, type CheckResult, type CheckSummary, type PlacedResult, type RegionResult } from "./check.js";
import { institutionChecks } from "./evaluate/engine.js";
import type { Lang } from "./messages.js";
import { StatisticsReader, type ReadSummary } from "./read/reader.js";
import type { RegionRecord } from "./read/record.js";
import type { RegionSource } from "./read/several.js";
import { planYears } from "./plan/years.js";
import { report, type Report } from "./report.js";

/** A reader for a file to check against the catalogue: it tallies the rows the catalogue's per-institution targets need. */
export function readerFor(file: string, catalogue: Catalogue): StatisticsReader {
  return new StatisticsReader({ file, institutionChecks: institutionChecks(catalogue) });
}

export type Checked =
  /** the file has errors: no results, only its diagnostics (its regions were still finished, for their own checks) */
  | { ok: false; read: ReadSummary }
  | { ok: true; read: ReadSummary; summary: CheckSummary; order: PlacedResult[] };

/**
 * Checks every region of a closed reader: each is finished, evaluated and planned a code at a time and handed to
 * `keep`, which returns where it put it. `invalid` sees the regions of a file with errors as they are finished.
 */
export function checkReader(
  reader: RegionSource,
  catalogue: Catalogue,
  options: CheckOptions,
  keep: (result: RegionResult) => number,
  invalid: (region: RegionRecord) => void = () => {},
): Checked {
  if (reader.summary().errors > 0) {
    for (const region of reader.finishedRegions()) invalid(region);
    return { ok: false, read: reader.summary() };
  }
  const latest = reader.latestYear();
  // every region's plan starts by the year after the latest data (or --from), and none may start after the horizon
  if (latest !== undefined) planYears(latest, [], options);
  const run = new CheckRun(catalogue, options);
  const order = checkCodes(run, codeGroups(reader.finishedRegions()), keep);
  const read = reader.summary();
  // finishing a region can find errors too (sums above stated totals …): then nothing of the check is shown
  return read.errors > 0 ? { ok: false, read } : { ok: true, read, summary: run.summary(), order };
}

/** The whole check held in memory, and its report: what the library returns. */
export function checkInMemory(
  reader: RegionSource,
  catalogue: Catalogue,
  options: CheckOptions,
  file: string,
  lang: Lang,
): { ok: false; read: ReadSummary; regions: RegionRecord[] } | { ok: true; read: ReadSummary; result: CheckResult; report: Report } {
  const results: RegionResult[] = [];
  const regions: RegionRecord[] = [];
  const checked = checkReader(reader, catalogue, options, (r) => results.push(r) - 1, (r) => regions.push(r));
  if (!checked.ok) return { ...checked, regions: regions.length ? regions : results.map((r) => r.record) };
  const result: CheckResult = { ...checked.summary, regions: checked.order.map((placed) => results[placed.index]!) };
  return { ok: true, read: checked.read, result, report: report(result, file, lang) };
}
