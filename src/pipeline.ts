/**
 * gap's pipeline, composed once for the library and the CLI: read → evaluate → plan → report. No I/O here: the
 * caller opens the input (src/node.ts, src/cli/inputs.ts) or pushes bytes into `readerFor`'s reader, and each
 * region's result leaves through `keep` as soon as it is checked, so a country's results need not be held at once.
 */
import type { Catalogue, Selection } from "./catalogue/catalogue.js";
import { CheckRun, checkCodes, codeGroups, type CheckOptions, type CheckResult, type CheckSummary, type PlacedResult, type RegionResult } from "./check.js";
import { institutionChecks } from "./evaluate/engine.js";
import type { Lang } from "./i18n/messages.js";
import { StatisticsReader, type ReadResult, type ReadSummary } from "./read/reader.js";
import { unrecognisedColumns } from "./read/columns.js";
import type { RegionRecord } from "./read/record.js";
import type { RegionSource } from "./read/several.js";
import { planYears } from "./plan/years.js";
import { report, type Report } from "./report/report.js";

/**
 * A reader for text or bytes to check against the catalogue: it tallies the rows the per-institution targets need
 * (of the templates, only those `selection` names, when given).
 */
export function readerFor(file: string, catalogue: Catalogue, selection?: Selection): StatisticsReader {
  return new StatisticsReader({ file, institutionChecks: institutionChecks(catalogue, selection) });
}

/** What a check needs beyond the plan's options: the input's file names, and a caller's own check of the data's years. */
export interface SourceOptions {
  /** the files the input came from, as the report's `input` names them */
  files: string[];
  /** called with the data's latest year once the input is known to be valid, before any region is planned */
  latestYear?: (year: number) => void;
}

export type Checked =
  /** the input has errors: no results, only its diagnostics (its regions were still finished, for their own checks) */
  | { ok: false; read: ReadSummary }
  | { ok: true; read: ReadSummary; summary: CheckSummary; order: PlacedResult[] };

/**
 * Checks every region of a closed reader: each is finished, evaluated and planned a code at a time and handed to
 * `keep`, which returns where it put it. `invalid` sees the regions of an input with errors as they are finished.
 */
export function checkSource(
  source: RegionSource,
  catalogue: Catalogue,
  options: Omit<CheckOptions, "unrecognisedColumns">,
  input: SourceOptions,
  keep: (result: RegionResult) => number,
  invalid: (region: RegionRecord) => void = () => {},
): Checked {
  const first = source.summary();
  if (first.errors > 0) {
    for (const region of source.finishedRegions()) invalid(region);
    return { ok: false, read: source.summary() };
  }
  const latest = source.latestYear();
  if (latest !== undefined) {
    input.latestYear?.(latest);
    // every region's plan starts by the year after the latest data (or --from), and none may start after the horizon
    planYears(latest, [], options);
  }
  const run = new CheckRun(catalogue, { ...options, unrecognisedColumns: unrecognisedColumns(first.diagnostics, first.stats.columns) });
  const order = checkCodes(run, codeGroups(source.finishedRegions()), keep);
  const read = source.summary();
  // finishing a region can find errors too (sums above stated totals …): then nothing of the check is shown
  if (read.errors > 0) return { ok: false, read };
  // the input's warnings travel with the results: the machine-read outputs carry them
  const summary = { ...run.summary(), input: { files: input.files, errors: read.errors, warnings: read.warnings, diagnostics: read.diagnostics } };
  return { ok: true, read, summary, order };
}

/** The whole check held in memory, worst region first; an input with errors gives its diagnostics and its regions. */
export function checkInMemory(
  source: RegionSource,
  catalogue: Catalogue,
  options: Omit<CheckOptions, "unrecognisedColumns">,
  input: SourceOptions,
): { ok: false; read: ReadSummary; regions: RegionRecord[] } | { ok: true; read: ReadSummary; result: CheckResult } {
  const results: RegionResult[] = [];
  const regions: RegionRecord[] = [];
  const checked = checkSource(source, catalogue, options, input, (r) => results.push(r) - 1, (r) => regions.push(r));
  if (!checked.ok) return { ...checked, regions: regions.length ? regions : results.map((r) => r.record) };
  return { ok: true, read: checked.read, result: { ...checked.summary, regions: checked.order.map((placed) => results[placed.index]!) } };
}

/** The check's report, as the library returns it and `gap check --format json` prints it. */
export function checkReport(
  source: RegionSource,
  catalogue: Catalogue,
  options: Omit<CheckOptions, "unrecognisedColumns">,
  input: SourceOptions & { name: string; lang: Lang },
): { ok: false; read: ReadResult } | { ok: true; report: Report } {
  const checked = checkInMemory(source, catalogue, options, input);
  if (!checked.ok) return { ok: false, read: { regions: checked.regions, ...checked.read } };
  return { ok: true, report: report(checked.result, input.name, input.lang) };
}

/** Validation alone: every region finished for its own checks (sums against stated totals, …) and let go. */
export function validateSource(source: RegionSource): ReadSummary {
  for (const _ of source.finishedRegions());
  return source.summary();
}
