/**
 * gap as a library: the same pipeline the CLI runs. Read (bytes → normalised regions), load the catalogue,
 * evaluate and plan (`check`), and `report` — the object `gap check --format json` prints.
 *
 *   import { checkFile } from "gap";
 *   const report = await checkFile("district.csv", { populationGrowth: 0.01, attrition: 0.05 });
 */
import { bundledCatalogue } from "./catalogue/bundled.js";
import {
  applicableTargets as coreApplicableTargets,
  levelOfCode as coreLevelOfCode,
  regionPrefix as coreRegionPrefix,
  type Catalogue,
  type Level,
  type Selection,
} from "./catalogue/catalogue.js";
import { applyOverlay as coreApplyOverlay } from "./catalogue/overlay.js";
import type { Target } from "./catalogue/schema.js";
import {
  check as coreCheck,
  CheckRun as CoreCheckRun,
  codeGroups as coreCodeGroups,
  compareRegions as coreCompareRegions,
  hasFindings as coreHasFindings,
  orderKey as coreOrderKey,
  type CheckOptions,
  type CheckResult,
  type CheckSummary,
  type FailOn,
  type RegionOrderKey,
  type RegionResult,
} from "./check.js";
import { compareText } from "./compare-text.js";
import { evaluateRegion as coreEvaluateRegion, institutionChecks as coreInstitutionChecks } from "./evaluate/engine.js";
import {
  decidingTargets as coreDecidingTargets,
  measureKey as coreMeasureKey,
  supersededTargets as coreSupersededTargets,
  type PlanMode,
} from "./evaluate/precedence.js";
import type { EvaluateContext, Evaluation } from "./evaluate/types.js";
import { diagnosticMessage as coreDiagnosticMessage, type Lang } from "./i18n/messages.js";
import {
  openStatisticsFile as coreOpenStatisticsFile,
  readStatisticsFile as coreReadStatisticsFile,
  type InputOptions,
} from "./node.js";
import { planRegion as corePlanRegion, type PlanOptions, type RegionPlan } from "./plan/plan.js";
import { selectPlanTargets as coreSelectPlanTargets } from "./plan/targets.js";
import { currentYear as clockYear, planYears as corePlanYears, type PlanYears, type PlanYearsOptions } from "./plan/years.js";
import type { Diagnostic } from "./read/diagnostics.js";
import { readStatistics as coreReadStatistics, StatisticsReader as CoreStatisticsReader, type ReadOptions, type ReadResult, type ReadSummary } from "./read/reader.js";
import type { InstitutionCheckSpec, RegionRecord } from "./read/record.js";
import { SeveralReads as CoreSeveralReads, type RegionSource } from "./read/several.js";
import { report as coreReport, type Report } from "./report/report.js";
import {
  checkCatalogue,
  checkCheckResult,
  checkCount,
  checkDataYear,
  checkDiagnostic,
  checkEvaluateContext,
  checkFailOn,
  checkFunction,
  checkHasCounts,
  checkHorizonAfterData,
  checkInputOptions,
  checkInstitutionChecks,
  checkIterable,
  checkLang,
  checkObject,
  checkOneTarget,
  checkOrderKey,
  checkPath,
  checkPlanYearsOptions,
  checkReadOptions,
  checkReadRegions,
  checkRegionCode,
  checkRegionPlanOptions,
  checkRegionRecord,
  checkRegionRecords,
  checkRegionResult,
  checkRegionSourceShape,
  checkRowsInput,
  checkRunOptions,
  checkSourceDateEpoch,
  checkSourceInput,
  checkString,
  checkTargets,
  checkTemplatesKnown,
  checkTemplateNames,
  checkTextInput,
  MAX_DATE,
  type CheckedRunOptions,
} from "./library-arguments.js";
import {
  checkInMemory as coreCheckInMemory,
  checkReport as coreCheckReport,
  checkSource as coreCheckSource,
  readerFor as coreReaderFor,
  validateSource as coreValidateSource,
  type Checked,
  type SourceOptions,
} from "./pipeline.js";
import { GapError, InvalidOptionError } from "./errors.js";
import { checkPlanArguments, checkPlanMode, eachElement, EARLIEST_PLAN_YEAR, LATEST_PLAN_YEAR, someElement } from "./plan/options.js";

export type { ReadOptions, ReadResult } from "./read/reader.js";
export type { RegionRecord, Figure, TypeAggregate, InstitutionCheckSpec } from "./read/record.js";
export type { Diagnostic, DiagnosticCode } from "./read/diagnostics.js";
export { bundledCatalogue } from "./catalogue/bundled.js";
export type { Catalogue } from "./catalogue/catalogue.js";
export { parseOverlay, OverlayError } from "./catalogue/overlay.js";
export { targetSchema, targetFileSchema, type Target } from "./catalogue/schema.js";
export type { PlanMode } from "./evaluate/precedence.js";
export type { Evaluation, Status } from "./evaluate/types.js";
export type { RegionPlan, PlanOptions, CategoryPlan } from "./plan/plan.js";
export type { CheckOptions, CheckResult, CheckSummary, RegionResult } from "./check.js";
export type { Checked, SourceOptions } from "./pipeline.js";
export { REPORT_SCHEMA_VERSION, type Report } from "./report/report.js";
export { reportSchema, reportJsonSchema } from "./report/schema.js";
export type { InputOptions } from "./node.js";
export type { RegionSource } from "./read/several.js";
export { GapError, InvalidOptionError, UsageError } from "./errors.js";

/*
 * The pipeline's stages as the library exports them: each checks its arguments here, at the boundary, and throws an
 * InvalidOptionError naming the argument and what was expected; the core behind them takes its inputs on trust (the
 * reader and the catalogue make them), so a caller's mistake never surfaces as a TypeError from deep inside, a heap
 * exhausted by a horizon of 1e9, or a plan quietly computed from nonsense.
 */

/** A streaming reader: push the file's bytes as they come, then end() (or close() and take the regions one by one). */
export class StatisticsReader extends CoreStatisticsReader {
  /** the readers the library hands back (openStatisticsFile's) are StatisticsReaders too */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof CoreStatisticsReader;
  }

  constructor(options: ReadOptions) {
    super(checkReadOptions(options));
  }

  override push(bytes: Uint8Array): void {
    if (!(bytes instanceof Uint8Array)) throw new InvalidOptionError("bytes", bytes, "the file's bytes, a Uint8Array or Buffer");
    super.push(bytes);
  }

  override pushRow(cells: readonly string[], line: number): void {
    if (!Array.isArray(cells) || someElement(cells, (c) => typeof c !== "string")) throw new InvalidOptionError("cells", cells, "an array of the row's cells, as text");
    checkCount(line, "line", "the row's line number, a whole number");
    super.pushRow(cells, line);
  }
}

/** Reads a whole statistics file held in memory (bytes or text). */
export function readStatistics(input: Uint8Array | string, options: ReadOptions): ReadResult {
  checkTextInput(input);
  checkReadOptions(options);
  return coreReadStatistics(input, options);
}

/** One line: what is wrong, what was expected, and a hint where there is one. */
export function diagnosticMessage(d: Diagnostic, lang: Lang): string {
  return coreDiagnosticMessage(checkDiagnostic(d, "diagnostic"), checkLang(lang));
}

/** The code prefix a region code stands for: 000000 → "", 530000 → "53", 530100 → "5301", 530114 → "530114". */
export function regionPrefix(code: string): string {
  return coreRegionPrefix(checkRegionCode(code));
}

export function levelOfCode(code: string): Level {
  return coreLevelOfCode(checkRegionCode(code));
}

function checkSelection(selection: unknown): Selection {
  const s = checkObject(selection, "selection", "{ templates? }");
  if (s.templates !== undefined) checkTemplateNames(s.templates, "selection.templates");
  return selection as Selection;
}

/** The targets that apply to a region: its own and its province's, nation's …, plus the templates asked for. */
export function applicableTargets(catalogue: Catalogue, code: string, selection: Selection = {}): Target[] {
  checkCatalogue(catalogue, "catalogue");
  checkRegionCode(code);
  return coreApplicableTargets(catalogue, code, checkSelection(selection));
}

/** Adds an overlay's targets to the catalogue; a target whose id already exists replaces it. */
export function applyOverlay(catalogue: Catalogue, file: string, targets: readonly Target[]): Catalogue {
  checkCatalogue(catalogue, "catalogue");
  checkString(file, "file", "the overlay's name, a string");
  checkTargets(targets, "targets");
  return coreApplyOverlay(catalogue, file, targets);
}

export function evaluateRegion(region: RegionRecord, targets: readonly Target[], catalogue: Catalogue, history: readonly RegionRecord[] = [], mode: PlanMode = "own"): Evaluation[] {
  checkRegionRecord(region, "region");
  checkTargets(targets, "targets");
  checkCatalogue(catalogue, "catalogue");
  checkRegionRecords(history, "history", region.code);
  checkPlanMode(mode, "mode");
  return coreEvaluateRegion(region, targets, catalogue, history, mode);
}

/**
 * What the reader must tally institution by institution for the catalogue's per-institution targets, each with the
 * regions it applies to; with a selection, of the templates only those it names.
 */
export function institutionChecks(catalogue: Catalogue, selection?: Selection): InstitutionCheckSpec[] {
  checkCatalogue(catalogue, "catalogue");
  return coreInstitutionChecks(catalogue, selection === undefined ? undefined : checkSelection(selection));
}

export function measureKey(target: Target): string | undefined {
  return coreMeasureKey(checkOneTarget(target, "target"));
}

export function supersededTargets(targets: readonly Target[]): ReadonlyMap<string, string> {
  return coreSupersededTargets(checkTargets(targets, "targets"));
}

export function decidingTargets(targets: readonly Target[], mode: PlanMode): readonly Target[] {
  checkTargets(targets, "targets");
  return coreDecidingTargets(targets, checkPlanMode(mode, "mode"));
}

export function selectPlanTargets(targets: readonly Target[]): Target[] {
  return coreSelectPlanTargets(checkTargets(targets, "targets"));
}

/** A region's hiring plan from its latest year to the horizon. */
export function planRegion(region: RegionRecord, targets: readonly Target[], context: EvaluateContext, options: PlanOptions, history: readonly RegionRecord[] = []): RegionPlan {
  checkRegionRecord(region, "region");
  checkTargets(targets, "targets");
  checkEvaluateContext(context, "context");
  checkRegionPlanOptions(options, region.year);
  checkRegionRecords(history, "history", region.code);
  return corePlanRegion(region, targets, context, options, history);
}

/** The plan's first and last years for data of `dataYear` and targets due in `targetYears`. */
export function planYears(dataYear: number, targetYears: readonly number[], options: PlanYearsOptions): PlanYears {
  checkDataYear(dataYear, "dataYear");
  if (!Array.isArray(targetYears) || someElement(targetYears, (y) => typeof y !== "number" || !Number.isInteger(y) || y < EARLIEST_PLAN_YEAR || y > LATEST_PLAN_YEAR)) {
    throw new InvalidOptionError("targetYears", targetYears, `an array of years from ${EARLIEST_PLAN_YEAR} to ${LATEST_PLAN_YEAR}`);
  }
  checkPlanYearsOptions(options, dataYear, "options");
  return corePlanYears(dataYear, targetYears, options);
}

/** This year: from SOURCE_DATE_EPOCH (seconds since 1970) when set, else from `now` (milliseconds since 1970). */
export function currentYear(sourceDateEpoch: string | undefined, now: number): number {
  checkSourceDateEpoch(sourceDateEpoch, "sourceDateEpoch");
  if (typeof now !== "number" || !Number.isFinite(now) || Math.abs(now) > MAX_DATE) throw new InvalidOptionError("now", now, "milliseconds since 1970-01-01, as Date.now() gives them");
  return clockYear(sourceDateEpoch, now);
}

/** A check taken one region code at a time (see check.ts); addCode's records are checked as they come. */
export class CheckRun extends CoreCheckRun {
  constructor(catalogue: Catalogue, options: CheckOptions) {
    checkCatalogue(catalogue, "catalogue");
    super(catalogue, options);
  }

  override addCode(code: string, records: readonly RegionRecord[]): RegionResult[] {
    checkRegionCode(code);
    checkRegionRecords(records, "records", code);
    return super.addCode(code, records);
  }
}

/** Evaluates and plans regions held in memory, in any order. */
export function check(read: Pick<ReadResult, "regions">, catalogue: Catalogue, options: CheckOptions): CheckResult {
  checkReadRegions(read, "read");
  checkCatalogue(catalogue, "catalogue");
  checkPlanArguments(catalogue, options);
  return coreCheck(read, catalogue, options);
}

/** Records grouped by code, for records that come in code order, as a reader's finished regions do. */
export function* codeGroups(records: Iterable<RegionRecord>): Generator<[code: string, records: RegionRecord[]]> {
  checkIterable(records, "records", "an iterable of region records in code order");
  yield* coreCodeGroups(recordsInCodeOrder(records, "records"));
}

function* recordsInCodeOrder(records: Iterable<unknown>, name: string): Generator<RegionRecord> {
  let i = 0;
  let previous: string | undefined;
  for (const record of records) {
    const at = `${name}[${i++}]`;
    checkRegionRecord(record, at);
    const code = (record as RegionRecord).code;
    if (previous !== undefined && compareText(code, previous) < 0) throw new InvalidOptionError(`${at}.code`, code, `a code from ${previous} on: records come in code order`);
    previous = code;
    yield record as RegionRecord;
  }
}

export function orderKey(result: RegionResult): RegionOrderKey {
  checkRegionResult(result, "result", false);
  return coreOrderKey(result);
}

/** Regions with more binding shortfalls first, then more people short, then by code and year. */
export function compareRegions(a: RegionOrderKey, b: RegionOrderKey): number {
  checkOrderKey(a, "a");
  checkOrderKey(b, "b");
  return coreCompareRegions(a, b);
}

/** Whether the result has findings under --fail-on (shortfall, advisory, none). */
export function hasFindings(result: Pick<CheckSummary, "counts">, failOn: FailOn): boolean {
  checkHasCounts(result, "result");
  return coreHasFindings(result, checkFailOn(failOn, "failOn"));
}

/** A source the caller made is checked as its regions are taken; the library's own readers are trusted. */
function checkedSource(source: RegionSource, name: string): RegionSource {
  checkRegionSourceShape(source, name);
  if (source instanceof CoreStatisticsReader || source instanceof SeveralReads) return source;
  return {
    latestYear: () => {
      const year = source.latestYear();
      if (year !== undefined) checkDataYear(year, `${name}.latestYear()`);
      return year;
    },
    summary: () => {
      const summary = source.summary() as unknown;
      const s = checkObject(summary, `${name}.summary()`, "{ diagnostics, errors, warnings, stats }");
      checkCount(s.errors, `${name}.summary().errors`, "a number of errors");
      checkCount(s.warnings, `${name}.summary().warnings`, "a number of warnings");
      checkObject(s.stats, `${name}.summary().stats`, "the read's statistics");
      if (!Array.isArray(s.diagnostics)) throw new InvalidOptionError(`${name}.summary().diagnostics`, s.diagnostics, "an array of diagnostics");
      eachElement(s.diagnostics, (d, i) => checkDiagnostic(d, `${name}.summary().diagnostics[${i}]`));
      return summary as ReadSummary;
    },
    finishedRegions: () => {
      const regions = source.finishedRegions() as unknown;
      checkIterable(regions, `${name}.finishedRegions()`, "an iterable of region records");
      return recordsInCodeOrder(regions as Iterable<unknown>, `${name}.finishedRegions()`);
    },
  };
}

function checkPipelineArguments(source: unknown, catalogue: unknown, options: unknown, input: unknown, named: boolean): RegionSource {
  const checked = checkedSource(source as RegionSource, "source");
  checkCatalogue(catalogue, "catalogue");
  checkPlanArguments(catalogue, options);
  checkSourceInput(input, "input", named);
  return checked;
}

/** Checks every region of a closed reader, handing each result to `keep`; see pipeline.ts. */
export function checkSource(
  source: RegionSource,
  catalogue: Catalogue,
  options: Omit<CheckOptions, "unrecognisedColumns">,
  input: SourceOptions,
  keep: (result: RegionResult) => number,
  invalid: (region: RegionRecord) => void = () => {},
): Checked {
  const checked = checkPipelineArguments(source, catalogue, options, input, false);
  checkFunction(keep, "keep", "a function taking each region's result and returning where it put it");
  checkFunction(invalid, "invalid", "a function taking each region of an input with errors");
  return coreCheckSource(checked, catalogue, options, input, keep, invalid);
}

/** The whole check held in memory, worst region first; an input with errors gives its diagnostics and its regions. */
export function checkInMemory(source: RegionSource, catalogue: Catalogue, options: Omit<CheckOptions, "unrecognisedColumns">, input: SourceOptions): ReturnType<typeof coreCheckInMemory> {
  return coreCheckInMemory(checkPipelineArguments(source, catalogue, options, input, false), catalogue, options, input);
}

/** The check's report, as the library returns it and `gap check --format json` prints it. */
export function checkReport(source: RegionSource, catalogue: Catalogue, options: Omit<CheckOptions, "unrecognisedColumns">, input: SourceOptions & { name: string; lang: Lang }): ReturnType<typeof coreCheckReport> {
  return coreCheckReport(checkPipelineArguments(source, catalogue, options, input, true), catalogue, options, input);
}

/** Validation alone: every region finished for its own checks and let go. */
export function validateSource(source: RegionSource): ReadSummary {
  return coreValidateSource(checkedSource(source, "source"));
}

/** A reader for text or bytes to check against the catalogue (with a selection, of the templates it names). */
export function readerFor(file: string, catalogue: Catalogue, selection?: Selection): StatisticsReader {
  checkString(file, "file", "the name to give the input in diagnostics, a string");
  return new StatisticsReader({ file, institutionChecks: institutionChecks(catalogue, selection) });
}

/** The report of a check's result: the object `gap check --format json` prints. */
export function report(result: CheckResult, file: string, lang: Lang): Report {
  checkCheckResult(result, "result");
  checkString(file, "file", "the name the report gives the input");
  return coreReport(result, file, checkLang(lang));
}

function checkFileArguments(path: unknown, checks: unknown, input: unknown): void {
  checkPath(path);
  checkInstitutionChecks(checks, "institutionChecks");
  checkInputOptions(input, "input");
}

/** Reads a statistics file ("-" for standard input) whole: CSV, tab-separated text or an .xlsx workbook. */
export async function readStatisticsFile(path: string, checks: readonly InstitutionCheckSpec[] = [], input: InputOptions = {}): Promise<{ result: ReadResult; name: string }> {
  checkFileArguments(path, checks, input);
  return coreReadStatisticsFile(path, checks, input);
}

/** Reads a statistics file to its end and returns the closed reader, whose regions are finished as they are taken. */
export async function openStatisticsFile(path: string, checks: readonly InstitutionCheckSpec[] = [], input: InputOptions = {}): Promise<{ reader: CoreStatisticsReader; name: string }> {
  checkFileArguments(path, checks, input);
  return coreOpenStatisticsFile(path, checks, input);
}

/** Several statistics files read as one input: their regions in code and year order, their diagnostics file by file. */
export class SeveralReads extends CoreSeveralReads {
  constructor(reads: ReadonlyArray<{ reader: RegionSource; name: string }>) {
    if (!Array.isArray(reads) || reads.length === 0) throw new InvalidOptionError("reads", reads, "a non-empty array of { reader, name }");
    // Array.from sees a sparse array's holes, which map would pass over
    const checked = Array.from(reads as unknown[], (read, i) => {
      const r = checkObject(read, `reads[${i}]`, "{ reader, name }");
      return { reader: checkedSource(r.reader as RegionSource, `reads[${i}].reader`), name: checkString(r.name, `reads[${i}].name`, "the file's name") };
    });
    super(checked);
  }
}

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
    currentYear: options.currentYear ?? clockYear(process.env.SOURCE_DATE_EPOCH, Date.now()),
    ...(options.templates ? { templates: options.templates } : {}),
    ...(options.plan ? { plan: options.plan } : {}),
  };
}

function run(source: RegionSource, name: string, catalogue: Catalogue, options: CheckedRunOptions): Report {
  const checked = coreCheckReport(source, catalogue, planOptions(options), {
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
  const reader = coreReaderFor(name, catalogue, { templates: options.templates ?? [] });
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
  const { reader, name } = await coreOpenStatisticsFile(path, coreInstitutionChecks(catalogue, { templates: options.templates ?? [] }), input);
  return run(reader, name, catalogue, options);
}
