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
import { institutionChecks } from "./evaluate/engine.js";
import type { Lang } from "./messages.js";
import { openStatisticsFile, type InputOptions } from "./node.js";
import type { ReadResult } from "./read/reader.js";
import type { RegionSource } from "./read/several.js";
import type { Report } from "./report.js";
import { checkReport, readerFor } from "./pipeline.js";
import { GapError } from "./errors.js";
import { checkHorizonAfterData, checkPath, checkRowsInput, checkRunOptions, checkTemplatesKnown, checkTextInput, type CheckedRunOptions } from "./library-arguments.js";
import { currentYear } from "./plan/years.js";

export { StatisticsReader, readStatistics, type ReadOptions, type ReadResult } from "./read/reader.js";
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
export { checkSource, checkInMemory, checkReport, validateSource, readerFor, type Checked, type SourceOptions } from "./pipeline.js";
export { report, REPORT_SCHEMA_VERSION, type Report } from "./report.js";
export { reportSchema, reportJsonSchema } from "./report-schema.js";
export { readStatisticsFile, openStatisticsFile, type InputOptions } from "./node.js";
export { SeveralReads, type RegionSource } from "./read/several.js";
export { GapError, InvalidOptionError, UsageError } from "./errors.js";

export interface RunOptions extends Partial<CheckOptions> {
  catalogue?: Catalogue;
  lang?: Lang;
}

export class InvalidInputError extends GapError {
  override name = "InvalidInputError";
  constructor(readonly read: ReadResult) {
    super(`the input has ${read.errors} error(s); see .read.diagnostics`);
  }
}

/** The checked options as the pipeline takes them: this year pinned, the caller's own choices carried. */
function planOptions(options: CheckedRunOptions): Omit<CheckOptions, "unrecognisedColumns"> {
  return {
    populationGrowth: options.populationGrowth,
    attrition: options.attrition,
    ...(options.horizon !== undefined ? { horizon: options.horizon } : {}),
    ...(options.from !== undefined ? { from: options.from } : {}),
    // a plan never lies in the past: this year from SOURCE_DATE_EPOCH (so a pipeline can pin it), else the clock
    currentYear: options.currentYear ?? currentYear(process.env.SOURCE_DATE_EPOCH, Date.now()),
    ...(options.templates ? { templates: options.templates } : {}),
    ...(options.plan ? { plan: options.plan } : {}),
  };
}

function run(source: RegionSource, name: string, catalogue: Catalogue, options: CheckedRunOptions): Report {
  const checked = checkReport(source, catalogue, planOptions(options), {
    files: [name],
    name,
    lang: options.lang,
    latestYear: (latest) => checkHorizonAfterData(options.horizon, latest),
  });
  if (!checked.ok) throw new InvalidInputError(checked.read);
  return checked.report;
}

/** The checked options and the catalogue they use; throws InvalidOptionError before any reading. */
function prepare(given: unknown): { options: CheckedRunOptions; catalogue: Catalogue } {
  const options = checkRunOptions(given);
  const catalogue = options.catalogue ?? bundledCatalogue();
  checkTemplatesKnown(options.templates, catalogue);
  return { options, catalogue };
}

/** Checks CSV text or bytes held in memory. Throws InvalidInputError when the input has errors. */
export function checkText(input: string | Uint8Array, givenOptions: RunOptions & { file?: string } = {}): Report {
  const text = checkTextInput(input);
  const { options, catalogue } = prepare(givenOptions);
  const name = options.file ?? "<input>";
  const reader = readerFor(name, catalogue);
  reader.push(typeof text === "string" ? new TextEncoder().encode(text) : text);
  reader.close();
  return run(reader, name, catalogue, options);
}

/** Checks rows given as objects keyed by column (English ids or Chinese names). */
export function checkRows(givenRows: ReadonlyArray<Record<string, string | number | boolean | null | undefined>>, options: RunOptions = {}): Report {
  const rows = checkRowsInput(givenRows);
  prepare(options);
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => {
    const text = v === null || v === undefined ? "" : String(v);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const text = [columns.map(cell).join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\n");
  return checkText(text, { ...options, file: "<rows>" });
}

/** Checks a statistics file on disk ("-" for standard input): CSV, tab-separated text or an .xlsx workbook. */
export async function checkFile(givenPath: string, givenOptions: RunOptions & InputOptions = {}): Promise<Report> {
  const path = checkPath(givenPath);
  const { options, catalogue } = prepare(givenOptions);
  const input = { ...(options.sheet !== undefined ? { sheet: options.sheet } : {}), ...(options.regions ? { regions: options.regions } : {}) };
  const { reader, name } = await openStatisticsFile(path, institutionChecks(catalogue), input);
  return run(reader, name, catalogue, options);
}
