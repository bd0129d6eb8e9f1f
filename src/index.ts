/**
 * gap as a library: the same pipeline the CLI runs. Read (bytes → normalised regions), load the catalogue,
 * evaluate and plan (`check`), and `report` — the object `gap check --format json` prints.
 *
 *   import { checkFile } from "gap";
 *   const report = await checkFile("district.csv", { populationGrowth: 0.01, attrition: 0.05 });
 */
import { bundledCatalogue } from "./catalogue/bundled.js";
import type { Catalogue } from "./catalogue/catalogue.js";
import type { CheckOptions } from "./check.js";
import type { Lang } from "./messages.js";
import { inputName, readInto } from "./node.js";
import { checkInMemory, readerFor } from "./pipeline.js";
import type { ReadResult, StatisticsReader } from "./read/reader.js";
import type { Report } from "./report.js";
import { currentYear } from "./plan/years.js";

export { StatisticsReader, readStatistics, type ReadOptions, type ReadResult, type ReadSummary } from "./read/reader.js";
export type { RegionRecord, Figure, TypeAggregate, InstitutionCheckSpec } from "./read/record.js";
export type { Diagnostic, DiagnosticCode } from "./read/diagnostics.js";
export { diagnosticMessage } from "./messages.js";
export { bundledCatalogue } from "./catalogue/bundled.js";
export { applicableTargets, levelOfCode, regionPrefix, type Catalogue } from "./catalogue/catalogue.js";
export { parseOverlay, applyOverlay, OverlayError } from "./catalogue/overlay.js";
export { targetSchema, targetFileSchema, type Target } from "./catalogue/schema.js";
export { evaluateRegion, institutionChecks } from "./evaluate/engine.js";
export { decidingTargets, measureKey, supersededTargets, type PlanMode } from "./evaluate/precedence.js";
export type { Evaluation, Status } from "./evaluate/types.js";
export { planRegion, type RegionPlan, type PlanOptions, type CategoryPlan } from "./plan/plan.js";
export { selectPlanTargets } from "./plan/targets.js";
export { planYears, currentYear } from "./plan/years.js";
export { check, CheckRun, codeGroups, compareRegions, orderKey, hasFindings, type CheckOptions, type CheckResult, type CheckSummary, type RegionResult } from "./check.js";
export { checkReader, readerFor, type Checked } from "./pipeline.js";
export { report, REPORT_SCHEMA_VERSION, type Report } from "./report.js";
export { readStatisticsFile, openStatisticsFile } from "./node.js";

export interface RunOptions extends Partial<CheckOptions> {
  catalogue?: Catalogue;
  lang?: Lang;
}

export class InvalidInputError extends Error {
  constructor(readonly read: ReadResult) {
    super(`the input has ${read.errors} error(s); see .read.diagnostics`);
  }
}

/** The pipeline over a reader the caller has filled and closed: the report, or InvalidInputError. */
function run(reader: StatisticsReader, name: string, catalogue: Catalogue, options: RunOptions): Report {
  const checkOptions: CheckOptions = {
    populationGrowth: options.populationGrowth ?? 0,
    attrition: options.attrition ?? 0,
    ...(options.horizon !== undefined ? { horizon: options.horizon } : {}),
    ...(options.from !== undefined ? { from: options.from } : {}),
    // a plan never lies in the past: this year from SOURCE_DATE_EPOCH (so a pipeline can pin it), else the clock
    currentYear: options.currentYear ?? currentYear(process.env.SOURCE_DATE_EPOCH, Date.now()),
    ...(options.templates ? { templates: options.templates } : {}),
    ...(options.plan ? { plan: options.plan } : {}),
  };
  const done = checkInMemory(reader, catalogue, checkOptions, name, options.lang ?? "en");
  if (!done.ok) throw new InvalidInputError({ regions: done.regions, ...done.read });
  return done.report;
}

/** Checks CSV text or bytes held in memory. Throws InvalidInputError when the input has errors. */
export function checkText(input: string | Uint8Array, options: RunOptions & { file?: string } = {}): Report {
  const catalogue = options.catalogue ?? bundledCatalogue();
  const name = options.file ?? "<input>";
  const reader = readerFor(name, catalogue);
  reader.push(typeof input === "string" ? new TextEncoder().encode(input) : input);
  reader.close();
  return run(reader, name, catalogue, options);
}

/** Checks rows given as objects keyed by column (English ids or Chinese names). */
export function checkRows(rows: ReadonlyArray<Record<string, string | number | boolean | null | undefined>>, options: RunOptions = {}): Report {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => {
    const text = v === null || v === undefined ? "" : String(v);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const text = [columns.map(cell).join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\n");
  return checkText(text, { ...options, file: "<rows>" });
}

/** Checks a statistics file on disk ("-" for standard input). */
export async function checkFile(path: string, options: RunOptions = {}): Promise<Report> {
  const catalogue = options.catalogue ?? bundledCatalogue();
  const name = inputName(path);
  const reader = readerFor(name, catalogue);
  await readInto(reader, path);
  return run(reader, name, catalogue, options);
}
