import type { Target } from "../../catalogue/schema.js";
import { countPair, judge, judged, scopeTypes } from "../compare.js";
import { Ratio, peopleAtLeast } from "../exact.js";
import type { Assessment, Evaluator, Remark } from "../types.js";

type RatioTarget = Extract<Target, { kind: "ratio" }>;

/**
 * `metric` per one `of` (医护比 1:1.2 → 1.2 nurses per physician). Below the band: hire the metric (nurses) up to its
 * lower edge; above an at-most ceiling: hire `of` (physicians) until the ratio comes down to it. Above 左右's band the
 * target is met (more nurses per doctor than about 1:2 is no reason to hire doctors).
 */
export const ratio: Evaluator<RatioTarget> = {
  kind: "ratio",
  assess(target, view, context) {
    const unitTypes = scopeTypes(target.scope);
    const remarks: Remark[] = [];
    const counts = countPair(view, target.metric, target.of, unitTypes, remarks);
    if (!counts) return { met: undefined, unit: "per_person", remarks };
    const { part, whole: base } = counts;
    const current = Ratio.of(part, base);
    const j = judge(current, target.comparator, target.value, target.max, target.tolerance ?? context.aboutTolerance);
    const result: Assessment = judged(current, j, remarks, "per_person", part);
    if (j.verdict === "short" && j.position === "below") {
      // hire the metric (nurses) up to the band's lower edge
      result.shortfall = { metric: target.metric, count: peopleAtLeast(j.band.low!.mul(Ratio.of(base))) - part };
    } else if (j.verdict === "short" && !j.band.high!.isZero()) {
      // above an at-most ceiling: hire `of` (physicians) until the ratio comes down to it
      result.shortfall = { metric: target.of, count: peopleAtLeast(Ratio.of(part).div(j.band.high!)) - base };
    }
    return result;
  },
};
