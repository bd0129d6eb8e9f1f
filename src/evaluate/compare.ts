import type { Scope } from "../catalogue/schema.js";
import { unitTypesOfGroup, type UnitGroup } from "../registry/index.js";
import { Ratio, ONE } from "./exact.js";
import type { Assessment, FigureView, Remark } from "./types.js";

export type Comparator = "at_least" | "at_most" | "about" | "range";

/**
 * The band a figure must fall in: [low, high], either end open. 以上/达到 → [v, ∞), 以下 → [0, v], 左右 → v ± tolerance,
 * a–b → [a, b]. Gaps and shortfalls are measured to the band's edges: the smallest change that makes the target met.
 */
export interface Band {
  low?: Ratio;
  high?: Ratio;
  /** the figure the document states (左右's centre), shown beside the band */
  nominal: Ratio;
}

export function band(comparator: Comparator, value: number, max: number | undefined, tolerance: number): Band {
  // a catalogue states a few dozen bands, judged for every region: each is made once (a band is never changed)
  let known = knownBands.get(value);
  if (!known) knownBands.set(value, (known = []));
  for (const k of known) if (k.comparator === comparator && k.max === max && k.tolerance === tolerance) return k.band;
  const made = makeBand(comparator, value, max, tolerance);
  known.push({ comparator, max, tolerance, band: made });
  return made;
}

/** The bands made so far, by their figure. */
const knownBands = new Map<number, Array<{ comparator: Comparator; max: number | undefined; tolerance: number; band: Band }>>();

function makeBand(comparator: Comparator, value: number, max: number | undefined, tolerance: number): Band {
  const v = Ratio.decimal(value);
  switch (comparator) {
    case "at_least":
      return { low: v, nominal: v };
    case "at_most":
      return { high: v, nominal: v };
    case "about": {
      const t = Ratio.decimal(tolerance);
      return { low: v.mul(ONE.sub(t)), high: v.mul(ONE.add(t)), nominal: v };
    }
    case "range":
      return { low: v, high: Ratio.decimal(max ?? value), nominal: v };
  }
}

export type Position = "below" | "within" | "above";

export function position(current: Ratio, b: Band): Position {
  if (b.low && current.lt(b.low)) return "below";
  if (b.high && current.gt(b.high)) return "above";
  return "within";
}

/**
 * What a position in the band means for a target, before binding and dates:
 * - `met`: within the band, or above an at-least or about band (above about's band is met, with a remark);
 * - `short`: below an at-least, about or range band, or above an at-most ceiling;
 * - `above_range`: above a range's upper bound (75%–80%): shown, never a shortfall.
 */
export type Verdict = "met" | "met_above" | "short" | "above_range";

/** The one rule from band position to verdict, the same for every kind of target. */
export function verdict(comparator: Comparator, where: Position): Verdict {
  if (where === "within") return "met";
  if (where === "below") return comparator === "at_most" ? "met" : "short";
  switch (comparator) {
    case "at_least":
      return "met";
    case "about":
      return "met_above";
    case "at_most":
      return "short";
    case "range":
      return "above_range";
  }
}

/** A figure judged against a target's band: the band, where the figure stands, and what that means. */
export interface Judgement {
  band: Band;
  position: Position;
  verdict: Verdict;
}

export function judge(current: Ratio, comparator: Comparator, value: number, max: number | undefined, tolerance: number): Judgement {
  const b = band(comparator, value, max, tolerance);
  const where = position(current, b);
  return { band: b, position: where, verdict: verdict(comparator, where) };
}

/**
 * An assessment from a judgement: met or not, the band it was judged against (`required` the lower edge, or the
 * ceiling of an at-most band; `requiredMax` the upper edge where there is one), the remark a figure above the band
 * calls for, the unit and the headcount counted. The caller adds the shortfall, which only it can count. Built here
 * as one object rather than spread into another with more properties: in V8 that would give every assessment a map
 * of its own, and the plan, which reads thousands of them, would miss its inline caches on each.
 */
export function judged(current: Ratio, j: Judgement, remarks: Remark[], unit: Assessment["unit"], have?: number): Assessment {
  if (j.verdict === "met_above") remarks.push({ kind: "above-band" });
  if (j.verdict === "above_range") remarks.push({ kind: "above-range" });
  const out = {
    met: j.verdict === "met" || j.verdict === "met_above",
    current,
    required: (j.band.low ?? j.band.high)!,
    remarks,
  } as Assessment;
  if (j.band.high) out.requiredMax = j.band.high;
  if (j.verdict === "above_range") out.aboveRange = true;
  out.unit = unit;
  if (have !== undefined) out.have = have;
  return out;
}

const scopes = new WeakMap<Scope, readonly string[] | undefined>();

/** The institution types a target's scope covers (undefined: the whole region). Worked out once per scope. */
export function scopeTypes(scope: Scope | undefined): readonly string[] | undefined {
  if (!scope) return undefined;
  if (scopes.has(scope)) return scopes.get(scope);
  const types = scope.unitTypes ? [...scope.unitTypes] : scope.unitGroup ? unitTypesOfGroup(scope.unitGroup as UnitGroup) : undefined;
  scopes.set(scope, types);
  return types;
}

/**
 * The two headcounts a ratio or a share compares, in one scope, with the remarks they call for; undefined (and the
 * reason in `remarks`) when either is missing or the second is zero.
 */
export function countPair(
  view: FigureView,
  metric: string,
  of: string,
  unitTypes: readonly string[] | undefined,
  remarks: Remark[],
): { part: number; whole: number } | undefined {
  const part = view.count(metric, unitTypes);
  const whole = view.count(of, unitTypes);
  if (!part.ok) remarks.push(part.missing);
  if (!whole.ok) remarks.push(whole.missing);
  if (!part.ok || !whole.ok) return undefined;
  if (part.partial) remarks.push({ kind: "partial", column: metric });
  if (whole.partial) remarks.push({ kind: "partial", column: of });
  if (whole.value === 0) {
    remarks.push({ kind: "no-denominator", column: of });
    return undefined;
  }
  return { part: part.value, whole: whole.value };
}
