/**
 * The plan's options as every entry point takes them (the library's check functions, `check`, `CheckRun`): bounds
 * that keep a plan finite and meaningful. Free of the schema library, so the CLI's check path can use it too.
 */
import type { Catalogue } from "../catalogue/catalogue.js";
import { InvalidOptionError } from "../errors.js";

/** The plan's last year can be no later than the catalogue's own latest possible target year. */
export const LATEST_PLAN_YEAR = 2100;
export const EARLIEST_PLAN_YEAR = 1990;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Array.prototype.some that sees holes: a sparse array's missing elements are undefined, not passed over. */
export function someElement<T>(array: readonly T[], test: (value: T, index: number) => boolean): boolean {
  for (let i = 0; i < array.length; i++) if (test(array[i] as T, i)) return true;
  return false;
}

/** Array.prototype.forEach that sees holes, as someElement. */
export function eachElement<T>(array: readonly T[], visit: (value: T, index: number) => void): void {
  for (let i = 0; i < array.length; i++) visit(array[i] as T, i);
}

export function rate(name: string, value: unknown, lowest: number, lowestIncluded: boolean, required = false): number {
  if (value === undefined && !required) return 0;
  const ok = typeof value === "number" && Number.isFinite(value) && (lowestIncluded ? value >= lowest : value > lowest) && value < 1;
  if (!ok) throw new InvalidOptionError(name, value, `a yearly rate as a decimal, ${lowestIncluded ? "from" : "above"} ${lowest} and below 1 (0.05 = 5%)`);
  return value;
}

/** A plan year (horizon, from, this year): a whole year the plan can reach. */
export function checkHorizon(horizon: unknown, name: string): number {
  if (typeof horizon !== "number" || !Number.isInteger(horizon) || horizon < EARLIEST_PLAN_YEAR || horizon > LATEST_PLAN_YEAR) {
    const after = name.endsWith(".horizon") ? ", after the data's latest year" : "";
    throw new InvalidOptionError(name, horizon, `a year from ${EARLIEST_PLAN_YEAR} to ${LATEST_PLAN_YEAR}${after}`);
  }
  return horizon;
}

export function checkPlanMode(mode: unknown, name: string): "own" | "strictest" {
  if (mode !== "own" && mode !== "strictest") throw new InvalidOptionError(name, mode, `"own" or "strictest"`);
  return mode;
}

/** `check` and `CheckRun`: the catalogue's shape and the plan's options (populationGrowth, attrition, horizon, templates). */
export function checkPlanArguments(catalogue: unknown, options: unknown): void {
  const c = catalogue as Partial<Catalogue> | null;
  if (typeof c !== "object" || c === null || !Array.isArray(c.targets) || !(c.origin instanceof Map)) {
    throw new InvalidOptionError("catalogue", catalogue, "a catalogue (bundledCatalogue(), or one with overlays applied)");
  }
  if (!isPlainObject(options)) throw new InvalidOptionError("options", options, "an object of options");
  rate("options.populationGrowth", options.populationGrowth, -1, false, true);
  rate("options.attrition", options.attrition, 0, true, true);
  if (options.horizon !== undefined) checkHorizon(options.horizon, "options.horizon");
  if (options.plan !== undefined) checkPlanMode(options.plan, "options.plan");
  if (options.from !== undefined) checkHorizon(options.from, "options.from");
  if (options.currentYear !== undefined) checkHorizon(options.currentYear, "options.currentYear");
  const templates = options.templates;
  if (templates !== undefined && (!Array.isArray(templates) || someElement(templates, (t) => typeof t !== "string"))) {
    throw new InvalidOptionError("options.templates", templates, "an array of template names");
  }
}
