import type { Target } from "../../catalogue/schema.js";
import { band, countPair, position, scopeTypes } from "../compare.js";
import { Ratio, peopleAtLeast } from "../exact.js";
import type { Assessment, Evaluator, Remark } from "../types.js";

type RatioTarget = Extract<Target, { kind: "ratio" }>;

/**
 * `metric` per one `of` (医护比 1:1.2 → 1.2 nurses per physician). Below: hire the metric (nurses) up to the figure;
 * above an upper bound (左右, at most): hire `of` (physicians) until the ratio comes down to the figure.
 */
export const ratio: Evaluator<RatioTarget> = {
  kind: "ratio",
  assess(target, view, context) {
    const unitTypes = scopeTypes(target.scope);
    const remarks: Remark[] = [];
    const counts = countPair(view, target.metric, target.of, unitTypes, remarks);
    if (!counts) return { met: undefined, unit: "per_person", remarks };
    const part = { value: counts.part };
    const base = { value: counts.whole };
    const current = Ratio.of(part.value, base.value);
    const b = band(target.comparator, target.value, target.max, target.tolerance ?? context.aboutTolerance);
    const where = position(current, b);
    const result: Assessment = { met: where === "within", unit: "per_person", current, required: b.low ?? b.aim, have: part.value, remarks };
    if (b.high) result.requiredMax = b.high;
    if (where === "below") {
      result.shortfall = { metric: target.metric, count: peopleAtLeast(b.aim.mul(Ratio.of(base.value))) - part.value };
    } else if (where === "above") {
      const aim = b.aimHigh ?? b.aim;
      result.shortfall = { metric: target.of, count: peopleAtLeast(Ratio.of(part.value).div(aim)) - base.value };
    }
    return result;
  },
};
