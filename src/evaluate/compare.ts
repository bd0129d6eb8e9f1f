import type { Scope } from "../catalogue/schema.js";
import { unitTypesOfGroup, type UnitGroup } from "../registry/index.js";
import { Ratio, ONE } from "./exact.js";
import type { FigureView, Remark } from "./types.js";

export type Comparator = "at_least" | "at_most" | "about" | "range";

/** The band a figure must fall in: [low, high], either end open. 以上/达到 → [v, ∞), 以下 → [0, v], 左右 → v ± tolerance. */
export interface Band {
  low?: Ratio;
  high?: Ratio;
  /** the figure aimed at when out of the band (the stated value, not the band's edge) */
  aim: Ratio;
  /** for ranges: the upper figure aimed at when above */
  aimHigh?: Ratio;
}

export function band(comparator: Comparator, value: number, max: number | undefined, tolerance: number): Band {
  const v = Ratio.decimal(value);
  switch (comparator) {
    case "at_least":
      return { low: v, aim: v };
    case "at_most":
      return { high: v, aim: v };
    case "about": {
      const t = Ratio.decimal(tolerance);
      return { low: v.mul(ONE.sub(t)), high: v.mul(ONE.add(t)), aim: v, aimHigh: v };
    }
    case "range": {
      const hi = Ratio.decimal(max ?? value);
      return { low: v, high: hi, aim: v, aimHigh: hi };
    }
  }
}

export type Position = "below" | "within" | "above";

export function position(current: Ratio, b: Band): Position {
  if (b.low && current.lt(b.low)) return "below";
  if (b.high && current.gt(b.high)) return "above";
  return "within";
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
