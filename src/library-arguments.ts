/**
 * What the library's entry points accept, checked before any work: a caller's mistake (a horizon of 1e9, a negative
 * attrition, NaN, rows that are not objects) is an InvalidOptionError naming the option and the value, never a
 * TypeError from deep inside, a heap exhausted, or a plan quietly computed from nonsense.
 */
import type { Catalogue, Level } from "./catalogue/catalogue.js";
import { LEVELS, templatesOf } from "./catalogue/catalogue.js";
import { checkTarget } from "./catalogue/overlay.js";
import { targetSchema, type Target } from "./catalogue/schema.js";
import { STATUS_ORDER, type RegionResult } from "./check.js";
import { InvalidOptionError } from "./errors.js";
import { Ratio } from "./evaluate/exact.js";
import { isDiagnosticCode, isExpectation } from "./i18n/messages.js";
import { checkHorizon, checkPlanMode, eachElement, isPlainObject, LATEST_PLAN_YEAR, rate, someElement } from "./plan/options.js";
import type { PlanMode } from "./evaluate/precedence.js";
import type { Diagnostic } from "./read/diagnostics.js";
import { LIMITS } from "./read/limits.js";
import type { ReadOptions } from "./read/reader.js";
import type { InstitutionCheckSpec, RegionRecord } from "./read/record.js";

/** The earliest year of data the reader accepts. */
const EARLIEST_DATA_YEAR = 1949;

export interface CheckedRunOptions {
  populationGrowth: number;
  attrition: number;
  horizon?: number;
  templates?: readonly string[];
  plan?: PlanMode;
  from?: number;
  currentYear?: number;
  /** checkFile: the workbook sheet, and the region code prefixes to keep */
  sheet?: string;
  regions?: readonly string[];
  lang: "zh" | "en";
  catalogue?: Catalogue;
  file?: string;
}

const KNOWN_OPTIONS = new Set(["populationGrowth", "attrition", "horizon", "from", "currentYear", "templates", "plan", "lang", "catalogue", "file", "sheet", "regions"]);

/** The options of checkText, checkRows and checkFile, and of `check` and `CheckRun` (where `prefix` names them). */
export function checkRunOptions(options: unknown, prefix = "options"): CheckedRunOptions {
  if (options === undefined) return { populationGrowth: 0, attrition: 0, lang: "en" };
  if (!isPlainObject(options)) throw new InvalidOptionError(prefix, options, "an object of options, or nothing");
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) throw new InvalidOptionError(`${prefix}.${key}`, options[key], `one of the options ${[...KNOWN_OPTIONS].join(", ")}`);
  }
  const checked: CheckedRunOptions = {
    populationGrowth: rate(`${prefix}.populationGrowth`, options.populationGrowth, -1, false),
    attrition: rate(`${prefix}.attrition`, options.attrition, 0, true),
    lang: "en",
  };
  const { horizon, templates, lang, catalogue, file } = options;
  if (options.plan !== undefined) checked.plan = checkPlanMode(options.plan, `${prefix}.plan`);
  if (horizon !== undefined) checked.horizon = checkHorizon(horizon, `${prefix}.horizon`);
  if (options.from !== undefined) checked.from = checkHorizon(options.from, `${prefix}.from`);
  if (options.currentYear !== undefined) checked.currentYear = checkHorizon(options.currentYear, `${prefix}.currentYear`);
  if (lang !== undefined) {
    if (lang !== "zh" && lang !== "en") throw new InvalidOptionError(`${prefix}.lang`, lang, `"zh" or "en"`);
    checked.lang = lang;
  }
  if (file !== undefined) {
    if (typeof file !== "string" || file.length > 4096) throw new InvalidOptionError(`${prefix}.file`, file, "the name to give the input in diagnostics, a string");
    checked.file = file;
  }
  if (options.sheet !== undefined) {
    if (typeof options.sheet !== "string" || options.sheet.length === 0 || options.sheet.length > 200) {
      throw new InvalidOptionError(`${prefix}.sheet`, options.sheet, "the name of a sheet of the workbook");
    }
    checked.sheet = options.sheet;
  }
  if (options.regions !== undefined) {
    if (!Array.isArray(options.regions) || someElement(options.regions, (r) => typeof r !== "string" || !/^\d{1,6}$/.test(r))) {
      throw new InvalidOptionError(`${prefix}.regions`, options.regions, "an array of region code prefixes such as \"5301\"");
    }
    checked.regions = options.regions as string[];
  }
  if (catalogue !== undefined) checked.catalogue = checkCatalogue(catalogue, `${prefix}.catalogue`);
  if (templates !== undefined) checked.templates = checkTemplateNames(templates, `${prefix}.templates`);
  return checked;
}

export function checkTemplateNames(templates: unknown, name: string): readonly string[] {
  if (!Array.isArray(templates) || someElement(templates, (t) => typeof t !== "string")) throw new InvalidOptionError(name, templates, "an array of template names");
  return templates as string[];
}

/** The templates asked for are templates of the catalogue the run uses. */
export function checkTemplatesKnown(templates: readonly string[] | undefined, catalogue: Catalogue, prefix = "options"): void {
  if (!templates?.length) return;
  const known = templatesOf(catalogue);
  eachElement(templates, (name, i) => {
    if (!known.includes(name)) throw new InvalidOptionError(`${prefix}.templates[${i}]`, name, `one of the catalogue's templates: ${known.join(", ") || "(none)"}`);
  });
}

/**
 * A catalogue given by the caller: the shape the run relies on, and every target as the schema and the overlay rules
 * accept it (the bundled catalogue is checked by the test suite instead).
 */
export function checkCatalogue(catalogue: unknown, name: string): Catalogue {
  const c = catalogue as Partial<Catalogue> | null;
  if (typeof c !== "object" || c === null || !Array.isArray(c.targets) || !(c.origin instanceof Map)) {
    throw new InvalidOptionError(name, catalogue, "a catalogue (bundledCatalogue(), or one with overlays applied)");
  }
  if (typeof c.aboutTolerance !== "number" || !(c.aboutTolerance > 0 && c.aboutTolerance <= 1)) {
    throw new InvalidOptionError(`${name}.aboutTolerance`, c.aboutTolerance, "a relative tolerance above 0 and at most 1");
  }
  checkTargets(c.targets, `${name}.targets`);
  return c as Catalogue;
}

/** A horizon must come after the data's latest year: there is nothing to plan for a year already reported. */
export function checkHorizonAfterData(horizon: number | undefined, latestYear: number | undefined, prefix = "options"): void {
  if (horizon !== undefined && latestYear !== undefined && horizon <= latestYear) {
    throw new InvalidOptionError(`${prefix}.horizon`, horizon, `a year after the data's latest year (${latestYear})`);
  }
}

/** checkText's input: CSV text, or its bytes. */
export function checkTextInput(input: unknown): string | Uint8Array {
  if (typeof input === "string" || input instanceof Uint8Array) return input;
  throw new InvalidOptionError("input", input, "CSV text (a string) or its bytes (a Uint8Array or Buffer)");
}

export type RowValue = string | number | boolean | null | undefined;

/** checkRows' rows: plain objects whose values are text, numbers, booleans or empty. */
export function checkRowsInput(rows: unknown): ReadonlyArray<Record<string, RowValue>> {
  if (!Array.isArray(rows)) throw new InvalidOptionError("rows", rows, "an array of objects keyed by column");
  eachElement(rows, (row, i) => {
    if (!isPlainObject(row)) throw new InvalidOptionError(`rows[${i}]`, row, "an object keyed by column");
    for (const [key, value] of Object.entries(row)) {
      const t = typeof value;
      if (value !== null && value !== undefined && t !== "string" && t !== "number" && t !== "boolean") {
        throw new InvalidOptionError(`rows[${i}]${/^[\w$]+$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`}`, value, "text, a number, a boolean, null or undefined");
      }
    }
  });
  return rows as ReadonlyArray<Record<string, RowValue>>;
}

/** checkFile's path: a file name, or "-" for standard input. */
export function checkPath(path: unknown): string {
  if (typeof path !== "string" || path.length === 0 || path.length > 4096 || path.includes("\0")) {
    throw new InvalidOptionError("path", path, 'a file name, or "-" for standard input');
  }
  return path;
}

/*
 * The arguments of the pipeline's stages, as the library exports them (src/index.ts checks each call with these
 * before the stage runs): what the core takes on trust from the reader and the catalogue, a caller must be held to.
 */

const MAX_NAME = 4096;

export function checkString(value: unknown, name: string, expected: string, longest = MAX_NAME): string {
  if (typeof value !== "string" || value.length > longest) throw new InvalidOptionError(name, value, expected);
  return value;
}

export function checkFunction(value: unknown, name: string, expected: string): void {
  if (typeof value !== "function") throw new InvalidOptionError(name, value, expected);
}

export function checkLang(value: unknown, name = "lang"): "zh" | "en" {
  if (value !== "zh" && value !== "en") throw new InvalidOptionError(name, value, `"zh" or "en"`);
  return value;
}

/** A whole number from 0 up to `most` (a line, a count). */
export function checkCount(value: unknown, name: string, what: string, most = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > most) throw new InvalidOptionError(name, value, what);
  return value;
}

export function checkRegionCode(value: unknown, name = "code"): string {
  if (typeof value !== "string" || !/^\d{6}$/.test(value)) throw new InvalidOptionError(name, value, 'a 6-digit region code such as "530114"');
  return value;
}

/** A year of data, as the reader accepts it. */
export function checkDataYear(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < EARLIEST_DATA_YEAR || value > LATEST_PLAN_YEAR) {
    throw new InvalidOptionError(name, value, `a year from ${EARLIEST_DATA_YEAR} to ${LATEST_PLAN_YEAR}`);
  }
  return value;
}

export function checkObject(value: unknown, name: string, expected: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw new InvalidOptionError(name, value, expected);
  return value;
}

function checkStrings(value: unknown, name: string, expected: string): readonly string[] {
  if (!Array.isArray(value) || someElement(value, (v) => typeof v !== "string" || v.length > MAX_NAME)) throw new InvalidOptionError(name, value, expected);
  return value as string[];
}

/** Options of a reader (readStatistics, StatisticsReader): the file's name, the institution checks, the regions kept. */
export function checkReadOptions(options: unknown, name = "options"): ReadOptions {
  const o = checkObject(options, name, "the reader's options: { file, institutionChecks?, regions? }");
  checkString(o.file, `${name}.file`, "the name to give the input in diagnostics, a string");
  if (o.institutionChecks !== undefined) checkInstitutionChecks(o.institutionChecks, `${name}.institutionChecks`);
  if (o.regions !== undefined) checkRegionPrefixes(o.regions, `${name}.regions`);
  return o as unknown as ReadOptions;
}

export function checkRegionPrefixes(value: unknown, name: string): readonly string[] {
  if (!Array.isArray(value) || someElement(value, (r) => typeof r !== "string" || !/^\d{1,6}$/.test(r))) {
    throw new InvalidOptionError(name, value, 'an array of region code prefixes such as "5301"');
  }
  return value as string[];
}

/** checkFile's, openStatisticsFile's and readStatisticsFile's input options: a workbook's sheet, the regions kept. */
export function checkInputOptions(value: unknown, name: string): { sheet?: string; regions?: readonly string[] } {
  const o = checkObject(value, name, "the input's options: { sheet?, regions? }");
  if (o.sheet !== undefined && (typeof o.sheet !== "string" || o.sheet.length === 0 || o.sheet.length > 200)) {
    throw new InvalidOptionError(`${name}.sheet`, o.sheet, "the name of a sheet of the workbook");
  }
  if (o.regions !== undefined) checkRegionPrefixes(o.regions, `${name}.regions`);
  return o as { sheet?: string; regions?: readonly string[] };
}

/** What the reader tallies institution by institution: institutionChecks(catalogue) makes them. */
export function checkInstitutionChecks(value: unknown, name: string): readonly InstitutionCheckSpec[] {
  const expected = "the institution checks institutionChecks(catalogue) returns";
  if (!Array.isArray(value)) throw new InvalidOptionError(name, value, expected);
  eachElement(value, (spec, i) => {
    const at = `${name}[${i}]`;
    const s = checkObject(spec, at, expected);
    checkString(s.id, `${at}.id`, "the target's id");
    checkString(s.metric, `${at}.metric`, "a column id");
    if (typeof s.min !== "number" || !Number.isFinite(s.min) || s.min < 0 || s.min > LIMITS.population) {
      throw new InvalidOptionError(`${at}.min`, s.min, `a minimum from 0 to ${LIMITS.population}`);
    }
    checkStrings(s.unitTypes, `${at}.unitTypes`, "an array of unit types");
    if (s.of !== undefined) checkString(s.of, `${at}.of`, "a column id");
    if (s.derivedFrom !== undefined && (!Array.isArray(s.derivedFrom) || s.derivedFrom.length !== 2 || someElement(s.derivedFrom, (c) => typeof c !== "string"))) {
      throw new InvalidOptionError(`${at}.derivedFrom`, s.derivedFrom, "two column ids: the whole and what is taken from it");
    }
    if (s.region !== undefined) checkRegionCode(s.region, `${at}.region`);
    if (s.regionLevels !== undefined) {
      checkStrings(s.regionLevels, `${at}.regionLevels`, `an array of levels (${LEVELS.join(", ")})`);
      eachElement(s.regionLevels as unknown[], (level, j) => {
        if (!LEVELS.includes(level as Level)) throw new InvalidOptionError(`${at}.regionLevels[${j}]`, level, LEVELS.join(", "));
      });
    }
  });
  return value as InstitutionCheckSpec[];
}

const FIGURE_SOURCES = new Set(["stated", "summed", "derived"]);

function checkFigures(value: unknown, name: string): void {
  const figures = checkObject(value, name, "figures keyed by column id");
  for (const [id, figure] of Object.entries(figures)) {
    const at = `${name}.${id}`;
    const f = checkObject(figure, at, "a figure: { value, source, partial }");
    if (typeof f.value !== "number" || !Number.isFinite(f.value) || f.value < 0 || f.value > LIMITS.population) {
      throw new InvalidOptionError(`${at}.value`, f.value, `a figure from 0 to ${LIMITS.population}`);
    }
    if (!FIGURE_SOURCES.has(f.source as string)) throw new InvalidOptionError(`${at}.source`, f.source, `"stated", "summed" or "derived"`);
    if (typeof f.partial !== "boolean") throw new InvalidOptionError(`${at}.partial`, f.partial, "true or false");
  }
}

/** One region and year as the reader gives it (readStatistics' regions, a reader's finishedRegions()). */
export function checkRegionRecord(value: unknown, name: string): RegionRecord {
  const r = checkObject(value, name, "a region record (from readStatistics)");
  checkRegionCode(r.code, `${name}.code`);
  checkString(r.name, `${name}.name`, "the region's name");
  checkDataYear(r.year, `${name}.year`);
  checkCount(r.line, `${name}.line`, "a line number");
  if (typeof r.hasRegionRow !== "boolean") throw new InvalidOptionError(`${name}.hasRegionRow`, r.hasRegionRow, "true or false");
  checkFigures(r.figures, `${name}.figures`);
  const byType = checkObject(r.byType, `${name}.byType`, "figures by unit type");
  for (const [type, aggregate] of Object.entries(byType)) {
    const at = `${name}.byType.${type}`;
    const a = checkObject(aggregate, at, "a unit type's figures: { unitType, institutions, institutionRows, figures, flags }");
    if (a.institutions !== undefined) checkCount(a.institutions, `${at}.institutions`, "a number of institutions", LIMITS.institutions);
    checkCount(a.institutionRows, `${at}.institutionRows`, "a number of rows");
    checkFigures(a.figures, `${at}.figures`);
    const flags = checkObject(a.flags, `${at}.flags`, "flag tallies keyed by column id");
    for (const [flag, tally] of Object.entries(flags)) {
      const t = checkObject(tally, `${at}.flags.${flag}`, "a tally: { yes, no, unreported }");
      for (const key of ["yes", "no", "unreported"]) checkCount(t[key], `${at}.flags.${flag}.${key}`, "a number of rows");
    }
  }
  const checks = checkObject(r.checks, `${name}.checks`, "institution check results keyed by target id");
  for (const [id, result] of Object.entries(checks)) {
    const at = `${name}.checks.${id}`;
    const c = checkObject(result, at, "an institution check's result");
    for (const key of ["rows", "failing", "unreported"]) checkCount(c[key], `${at}.${key}`, "a count of rows");
    // a minimum that is a share of the institution's own figure leaves a shortfall in fractions of a person
    if (typeof c.shortfall !== "number" || !Number.isFinite(c.shortfall) || c.shortfall < 0) {
      throw new InvalidOptionError(`${at}.shortfall`, c.shortfall, "the people missing, a number from 0");
    }
    if (!Array.isArray(c.examples)) throw new InvalidOptionError(`${at}.examples`, c.examples, "an array of institutions");
    if (!Array.isArray(c.subtotals)) throw new InvalidOptionError(`${at}.subtotals`, c.subtotals, "an array of subtotal rows");
  }
  return value as RegionRecord;
}

export function checkRegionRecords(value: unknown, name: string, code?: string): readonly RegionRecord[] {
  if (!Array.isArray(value)) throw new InvalidOptionError(name, value, "an array of region records (from readStatistics)");
  eachElement(value, (record, i) => {
    checkRegionRecord(record, `${name}[${i}]`);
    if (code !== undefined && (record as RegionRecord).code !== code) throw new InvalidOptionError(`${name}[${i}].code`, (record as RegionRecord).code, `the code ${code}`);
  });
  return value as RegionRecord[];
}

/** Lists and targets already checked: each is taken as fixed once given, as the plan's caches take a list. */
const checkedTargetLists = new WeakSet<object>();
const checkedTargets = new WeakSet<object>();

export function checkOneTarget(value: unknown, name: string): Target {
  // the targets of a check's results are the catalogue's own objects, each checked once
  if (typeof value === "object" && value !== null && checkedTargets.has(value)) return value as Target;
  const parsed = targetSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`)).join("");
    // the schema's own words, but one short line: an enum's message lists every choice
    const said = issue.message.replace(/^Invalid (option|input): expected /, "");
    throw new InvalidOptionError(`${name}${path}`, issue.input, said.length > 120 ? `${said.slice(0, 120)}… (see targetSchema)` : said);
  }
  const problem = checkTarget(parsed.data)[0];
  if (problem) throw new InvalidOptionError(`${name}${problem.field ? `.${problem.field}` : ""}`, undefined, problem.message);
  checkedTargets.add(value as object);
  return value as Target;
}

export function checkTargets(value: unknown, name: string): readonly Target[] {
  if (!Array.isArray(value)) throw new InvalidOptionError(name, value, "an array of targets (a catalogue's, or applicableTargets')");
  if (checkedTargetLists.has(value)) return value;
  eachElement(value, (target, i) => checkOneTarget(target, `${name}[${i}]`));
  checkedTargetLists.add(value);
  return value as Target[];
}

/** The context a plan evaluates in: the targets that apply to the region, and the catalogue's tolerance of 左右. */
export function checkEvaluateContext(value: unknown, name: string): void {
  const c = checkObject(value, name, "{ applicable: the region's targets, aboutTolerance }");
  checkTargets(c.applicable, `${name}.applicable`);
  if (typeof c.aboutTolerance !== "number" || !(c.aboutTolerance > 0 && c.aboutTolerance <= 1)) {
    throw new InvalidOptionError(`${name}.aboutTolerance`, c.aboutTolerance, "a relative tolerance above 0 and at most 1");
  }
}

/**
 * A plan's years against the data's year, as planYears works them out: --from after the data, the horizon not
 * before the plan's first year. Checked here so a caller hears of its own option, not of a command-line flag.
 */
export function checkPlanYearsOptions(value: unknown, dataYear: number, name: string): void {
  const o = checkObject(value, name, "the plan's years: { from?, horizon?, currentYear? }");
  const from = o.from === undefined ? undefined : checkHorizon(o.from, `${name}.from`);
  const current = o.currentYear === undefined ? undefined : checkHorizon(o.currentYear, `${name}.currentYear`);
  if (from !== undefined && from <= dataYear) throw new InvalidOptionError(`${name}.from`, from, `a year after the data's year (${dataYear})`);
  if (o.horizon === undefined) return;
  const horizon = checkHorizon(o.horizon, `${name}.horizon`);
  const start = from ?? (current !== undefined && current > dataYear + 1 ? current : dataYear + 1);
  if (horizon < start) throw new InvalidOptionError(`${name}.horizon`, horizon, `a year from the plan's first year (${start})`);
}

/** planRegion's options: the rates, and the years checked against the region's. */
export function checkRegionPlanOptions(value: unknown, dataYear: number, name = "options"): void {
  const o = checkObject(value, name, "the plan's options: { populationGrowth, attrition, horizon?, from?, currentYear? }");
  rate(`${name}.populationGrowth`, o.populationGrowth, -1, false, true);
  rate(`${name}.attrition`, o.attrition, 0, true, true);
  checkPlanYearsOptions(o, dataYear, name);
}

/** A diagnostic as the reader makes it: a known code, where, and the values its sentence is filled with. */
export function checkDiagnostic(value: unknown, name: string): Diagnostic {
  const d = checkObject(value, name, "a diagnostic (from a read's diagnostics)");
  if (!isDiagnosticCode(d.code)) throw new InvalidOptionError(`${name}.code`, d.code, "a diagnostic code, such as \"type-error\"");
  if (d.severity !== "error" && d.severity !== "warning") throw new InvalidOptionError(`${name}.severity`, d.severity, `"error" or "warning"`);
  checkString(d.file, `${name}.file`, "a file name");
  checkCount(d.line, `${name}.line`, "a line number");
  checkCount(d.column, `${name}.column`, "a column number");
  if (d.field !== undefined) checkString(d.field, `${name}.field`, "a column id");
  if (d.value !== undefined) checkString(d.value, `${name}.value`, "the value as read, a string", Number.MAX_SAFE_INTEGER);
  if (d.expected !== undefined && !isExpectation(d.expected)) throw new InvalidOptionError(`${name}.expected`, d.expected, "an expectation, such as \"whole-number\"");
  if (d.detail !== undefined) {
    const detail = checkObject(d.detail, `${name}.detail`, "the diagnostic's details: text and numbers keyed by name");
    for (const [key, v] of Object.entries(detail)) {
      if (v !== undefined && typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
        throw new InvalidOptionError(`${name}.detail.${key}`, v, "text, a number or a boolean");
      }
    }
  }
  return value as Diagnostic;
}

const STATUSES = new Set<string>(STATUS_ORDER);

function checkStatusCounts(value: unknown, name: string): void {
  const counts = checkObject(value, name, "counts by status: { met, short, overdue, … }");
  for (const status of STATUS_ORDER) checkCount(counts[status], `${name}.${status}`, "a count of targets");
}

/** hasFindings' result: anything with counts by status (a CheckResult, a CheckSummary). */
export function checkHasCounts(value: unknown, name: string): void {
  if (typeof value !== "object" || value === null) throw new InvalidOptionError(name, value, "a check's result or summary (with counts)");
  checkStatusCounts((value as { counts?: unknown }).counts, `${name}.counts`);
}

export function checkFailOn(value: unknown, name: string): "shortfall" | "advisory" | "none" {
  if (value !== "shortfall" && value !== "advisory" && value !== "none") throw new InvalidOptionError(name, value, `"shortfall", "advisory" or "none"`);
  return value;
}

function checkFiniteNumber(value: unknown, name: string, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new InvalidOptionError(name, value, what);
  return value;
}

/** compareRegions' keys: what orderKey returns. */
export function checkOrderKey(value: unknown, name: string): void {
  if (typeof value !== "object" || value === null) throw new InvalidOptionError(name, value, "a region's order key (from orderKey)");
  const k = value as Record<string, unknown>;
  checkString(k.code, `${name}.code`, "a region code");
  checkFiniteNumber(k.year, `${name}.year`, "a year");
  checkFiniteNumber(k.findings, `${name}.findings`, "a number of findings");
  checkFiniteNumber(k.peopleShort, `${name}.peopleShort`, "a number of people");
}

const RATIO_FIELDS = ["current", "required", "requiredMax"] as const;

/** One region's result, as check returns it: what orderKey and report read of it. */
export function checkRegionResult(value: unknown, name: string, whole = true): RegionResult {
  if (typeof value !== "object" || value === null) throw new InvalidOptionError(name, value, "a region's result (from check)");
  const r = value as Record<string, unknown>;
  checkRegionCode(r.code, `${name}.code`);
  checkDataYear(r.year, `${name}.year`);
  checkStatusCounts(r.counts, `${name}.counts`);
  checkFiniteNumber(r.peopleShort, `${name}.peopleShort`, "a number of people");
  if (!whole) return value as RegionResult;
  checkString(r.name, `${name}.name`, "the region's name");
  if (!LEVELS.includes(r.level as Level)) throw new InvalidOptionError(`${name}.level`, r.level, LEVELS.join(", "));
  checkCount(r.line, `${name}.line`, "a line number");
  checkRegionRecord(r.record, `${name}.record`);
  if (!Array.isArray(r.evaluations)) throw new InvalidOptionError(`${name}.evaluations`, r.evaluations, "an array of evaluations");
  eachElement(r.evaluations, (evaluation, i) => {
    const at = `${name}.evaluations[${i}]`;
    if (typeof evaluation !== "object" || evaluation === null) throw new InvalidOptionError(at, evaluation, "an evaluation (from evaluateRegion)");
    const e = evaluation as Record<string, unknown>;
    checkOneTarget(e.target, `${at}.target`);
    if (!STATUSES.has(e.status as string)) throw new InvalidOptionError(`${at}.status`, e.status, STATUS_ORDER.join(", "));
    checkString(e.unit, `${at}.unit`, "a unit");
    for (const field of RATIO_FIELDS) {
      if (e[field] !== undefined && !(e[field] instanceof Ratio)) throw new InvalidOptionError(`${at}.${field}`, e[field], "an exact figure, as evaluateRegion gives it");
    }
    if (!Array.isArray(e.remarks) || someElement(e.remarks, (remark) => typeof remark !== "object" || remark === null)) {
      throw new InvalidOptionError(`${at}.remarks`, e.remarks, "an array of remarks");
    }
    if (e.shortfall !== undefined) {
      const s = checkObject(e.shortfall, `${at}.shortfall`, "{ metric, count }");
      checkFiniteNumber(s.count, `${at}.shortfall.count`, "a number of people");
    }
    if (e.failing !== undefined) {
      const f = checkObject(e.failing, `${at}.failing`, "{ count, atLeast, examples }");
      checkFiniteNumber(f.count, `${at}.failing.count`, "a number of institutions");
      if (!Array.isArray(f.examples)) throw new InvalidOptionError(`${at}.failing.examples`, f.examples, "an array of institutions");
    }
  });
  if (r.plan !== undefined) {
    const p = checkObject(r.plan, `${name}.plan`, "a region's plan (from planRegion), or undefined");
    for (const key of ["categories", "totals", "postPools", "alternatives"]) {
      if (!Array.isArray(p[key])) throw new InvalidOptionError(`${name}.plan.${key}`, p[key], "an array");
    }
  }
  return value as RegionResult;
}

/** report's result: what check returns. */
export function checkCheckResult(value: unknown, name: string): void {
  const r = checkObject(value, name, "a check's result (from check)");
  const c = checkObject(r.catalogue, `${name}.catalogue`, "the catalogue's { version, published, targets }");
  checkString(c.version, `${name}.catalogue.version`, "a version");
  checkString(c.published, `${name}.catalogue.published`, "a date");
  checkObject(r.assumptions, `${name}.assumptions`, "the plan's assumptions");
  checkCount(r.regionCount, `${name}.regionCount`, "a number of region-years");
  if (!(r.targetsUsed instanceof Map)) throw new InvalidOptionError(`${name}.targetsUsed`, r.targetsUsed, "a Map of the targets used, by id");
  for (const [id, target] of r.targetsUsed) checkOneTarget(target, `${name}.targetsUsed.get(${JSON.stringify(String(id))})`);
  for (const key of ["rollup", "rollupTotals", "levels", "regions"]) {
    if (!Array.isArray(r[key])) throw new InvalidOptionError(`${name}.${key}`, r[key], "an array");
  }
  checkStatusCounts(r.counts, `${name}.counts`);
  eachElement(r.regions as unknown[], (region, i) => checkRegionResult(region, `${name}.regions[${i}]`));
  if (r.input !== undefined) {
    const input = checkObject(r.input, `${name}.input`, "the input's { files, errors, warnings, diagnostics }");
    if (!Array.isArray(input.diagnostics)) throw new InvalidOptionError(`${name}.input.diagnostics`, input.diagnostics, "an array of diagnostics");
    eachElement(input.diagnostics, (d, i) => checkDiagnostic(d, `${name}.input.diagnostics[${i}]`));
  }
}

/** check's read: anything with regions (a ReadResult). */
export function checkReadRegions(value: unknown, name: string): void {
  if (typeof value !== "object" || value === null) throw new InvalidOptionError(name, value, "a ReadResult (from readStatistics)");
  checkRegionRecords((value as { regions?: unknown }).regions, `${name}.regions`);
}

/** What a check takes from a read (RegionSource): a closed StatisticsReader or SeveralReads, or one of the caller's. */
export function checkRegionSourceShape(value: unknown, name: string): void {
  if (typeof value !== "object" || value === null) throw new InvalidOptionError(name, value, "a closed StatisticsReader, or SeveralReads");
  const s = value as Record<string, unknown>;
  for (const method of ["finishedRegions", "summary", "latestYear"]) {
    checkFunction(s[method], `${name}.${method}`, "a method, as a StatisticsReader has it");
  }
}

/** The pipeline's input options (checkSource, checkInMemory, checkReport). */
export function checkSourceInput(value: unknown, name: string, named: boolean): void {
  const o = checkObject(value, name, named ? "{ files, name, lang, latestYear? }" : "{ files, latestYear? }");
  checkStrings(o.files, `${name}.files`, "an array of file names");
  if (o.latestYear !== undefined) checkFunction(o.latestYear, `${name}.latestYear`, "a function called with the data's latest year");
  if (named) {
    checkString(o.name, `${name}.name`, "the name the report gives the input");
    checkLang(o.lang, `${name}.lang`);
  }
}

/** codeGroups' and the like: something to iterate over. */
export function checkIterable(value: unknown, name: string, expected: string): Iterable<unknown> {
  if (typeof value !== "object" || value === null || typeof (value as Iterable<unknown>)[Symbol.iterator] !== "function") {
    throw new InvalidOptionError(name, value, expected);
  }
  return value as Iterable<unknown>;
}

/** currentYear's SOURCE_DATE_EPOCH: whole seconds since 1970 as text, within the dates the runtime can hold. */
export function checkSourceDateEpoch(value: unknown, name: string): void {
  if (value === undefined) return;
  const ok = typeof value === "string" && (value.trim() === "" || (/^\s*\d{1,13}\s*$/.test(value) && Number(value) * 1000 <= MAX_DATE));
  if (!ok) throw new InvalidOptionError(name, value, "whole seconds since 1970-01-01 as text (SOURCE_DATE_EPOCH), or undefined");
}

/** The latest time a Date holds, in milliseconds since 1970. */
export const MAX_DATE = 8.64e15;
