/**
 * What the library's entry points accept, checked before any work: a caller's mistake (a horizon of 1e9, a negative
 * attrition, NaN, rows that are not objects) is an InvalidOptionError naming the option and the value, never a
 * TypeError from deep inside, a heap exhausted, or a plan quietly computed from nonsense.
 */
import type { Catalogue } from "./catalogue/catalogue.js";
import { templatesOf } from "./catalogue/catalogue.js";
import { checkTarget } from "./catalogue/overlay.js";
import { targetSchema } from "./catalogue/schema.js";
import { InvalidOptionError } from "./errors.js";
import { checkHorizon, checkPlanMode, isPlainObject, rate } from "./plan-options.js";
import type { PlanMode } from "./evaluate/precedence.js";


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
    if (!Array.isArray(options.regions) || options.regions.some((r) => typeof r !== "string" || !/^\d{1,6}$/.test(r))) {
      throw new InvalidOptionError(`${prefix}.regions`, options.regions, "an array of region code prefixes such as \"5301\"");
    }
    checked.regions = options.regions as string[];
  }
  if (catalogue !== undefined) checked.catalogue = checkCatalogue(catalogue, `${prefix}.catalogue`);
  if (templates !== undefined) {
    if (!Array.isArray(templates) || templates.some((t) => typeof t !== "string")) {
      throw new InvalidOptionError(`${prefix}.templates`, templates, "an array of template names");
    }
    checked.templates = templates as string[];
  }
  return checked;
}

/** The templates asked for are templates of the catalogue the run uses. */
export function checkTemplatesKnown(templates: readonly string[] | undefined, catalogue: Catalogue, prefix = "options"): void {
  if (!templates?.length) return;
  const known = templatesOf(catalogue);
  templates.forEach((name, i) => {
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
  c.targets.forEach((target, i) => {
    const parsed = targetSchema.safeParse(target);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InvalidOptionError(`${name}.targets[${i}]${issue.path.map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`)).join("")}`, undefined, issue.message);
    }
    const problem = checkTarget(parsed.data)[0];
    if (problem) throw new InvalidOptionError(`${name}.targets[${i}]${problem.field ? `.${problem.field}` : ""}`, undefined, problem.message);
  });
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
  rows.forEach((row, i) => {
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
