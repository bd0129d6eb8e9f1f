import type { Target } from "../../catalogue/schema.js";
import { band, position, scopeTypes } from "../compare.js";
import { Ratio, peopleAtLeast } from "../exact.js";
import type { Assessment, Evaluator, FigureView, Remark } from "../types.js";

type Density = Extract<Target, { kind: "density" }>;

export interface DensityMeasure {
  metric: string;
  per: 1000 | 10000;
  basis: "population" | "rural_population" | "service_population";
  unitTypes?: readonly string[];
}

/** people per 1,000 / 10,000: the required count is the smallest whole number at or above value × population / per */
export function assessDensity(measure: DensityMeasure, comparator: Density["comparator"], value: number, max: number | undefined, tolerance: number, view: FigureView): Assessment {
  const unit = measure.per === 1000 ? "per_1000" : "per_10000";
  const remarks: Remark[] = [];
  const population = view.population(measure.basis);
  const counted = view.count(measure.metric, measure.unitTypes);
  if (population === undefined) remarks.push({ kind: "missing-column", column: measure.basis });
  if (!counted.ok) remarks.push(counted.missing);
  if (population === undefined || !counted.ok) return { met: undefined, unit, remarks };
  if (counted.partial) remarks.push({ kind: "partial", column: measure.metric });

  const per = Ratio.of(measure.per);
  const pop = population;
  const have = counted.value;
  const current = Ratio.of(have).mul(per).div(pop);
  const b = band(comparator, value, max, tolerance);
  const where = position(current, b);
  const result: Assessment = {
    met: where === "within" || (where === "above" && comparator === "about"),
    unit,
    current,
    required: b.low ?? b.aim,
    have,
    remarks,
  };
  if (b.high && comparator !== "at_least") result.requiredMax = b.high;
  if (where === "below") {
    const needed = peopleAtLeast(b.aim.mul(pop).div(per));
    result.shortfall = { metric: measure.metric, count: needed - have };
  }
  if (where === "above" && comparator !== "about") remarks.push({ kind: "above-range" });
  return result;
}

export const density: Evaluator<Density> = {
  kind: "density",
  assess(target, view, context) {
    const unitTypes = scopeTypes(target.scope);
    return assessDensity(
      { metric: target.metric, per: target.per, basis: target.basis, ...(unitTypes ? { unitTypes } : {}) },
      target.comparator,
      target.value,
      target.max,
      target.tolerance ?? context.aboutTolerance,
      view,
    );
  },
};
