import type { Target } from "../../catalogue/schema.js";
import { judge, judged, scopeTypes } from "../compare.js";
import { Ratio, peopleAtLeast } from "../exact.js";
import type { Assessment, Evaluator, FigureView, Remark, Unit } from "../types.js";

type Density = Extract<Target, { kind: "density" }>;

export interface DensityMeasure {
  metric: string;
  per: 1000 | 10000;
  basis: "population" | "rural_population" | "service_population";
  unitTypes?: readonly string[];
}

/** people per 1,000 / 10,000: the required count is the smallest whole number at or above value × population / per */
export function assessDensity(measure: DensityMeasure, comparator: Density["comparator"], value: number, max: number | undefined, tolerance: number, view: FigureView): Assessment {
  const unit: Unit = measure.per === 1000 ? "per_1000" : "per_10000";
  const remarks: Remark[] = [];
  const population = view.population(measure.basis);
  const counted = view.count(measure.metric, measure.unitTypes);
  if (population === undefined) remarks.push({ kind: "missing-column", column: measure.basis });
  if (!counted.ok) remarks.push(counted.missing);
  if (population === undefined || !counted.ok) return { met: undefined, unit, remarks };
  if (counted.partial) remarks.push({ kind: "partial", column: measure.metric });

  const per = measure.per === 1000 ? THOUSAND : TEN_THOUSAND;
  const have = counted.value;
  const current = Ratio.of(have).mul(per).div(population);
  const j = judge(current, comparator, value, max, tolerance);
  const result: Assessment = judged(current, j, remarks, unit, have);
  // below the band: the people that bring the density to its lower edge; above an at-most ceiling nobody is hired
  if (j.verdict === "short" && j.position === "below") {
    result.shortfall = { metric: measure.metric, count: peopleAtLeast(j.band.low!.mul(population).div(per)) - have };
  }
  return result;
}

const THOUSAND = Ratio.of(1000);
const TEN_THOUSAND = Ratio.of(10000);

/** A density target's measure, made once per target rather than at every region it is assessed for. */
const measures = new WeakMap<Density, DensityMeasure>();

function measureOf(target: Density): DensityMeasure {
  let measure = measures.get(target);
  if (!measure) {
    const unitTypes = scopeTypes(target.scope);
    measures.set(target, (measure = { metric: target.metric, per: target.per, basis: target.basis, ...(unitTypes ? { unitTypes } : {}) }));
  }
  return measure;
}

export const density: Evaluator<Density> = {
  kind: "density",
  assess(target, view, context) {
    return assessDensity(
      measureOf(target),
      target.comparator,
      target.value,
      target.max,
      target.tolerance ?? context.aboutTolerance,
      view,
    );
  },
};
