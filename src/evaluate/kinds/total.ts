import type { Target } from "../../catalogue/schema.js";
import { judge, judged, scopeTypes } from "../compare.js";
import { Ratio, peopleAtLeast } from "../exact.js";
import type { Assessment, Evaluator, Remark } from "../types.js";

type Total = Extract<Target, { kind: "total" }>;

/** An absolute headcount for the target's own region (450万 physicians nationally). */
export const total: Evaluator<Total> = {
  kind: "total",
  assess(target, view, context) {
    const remarks: Remark[] = [];
    const counted = view.count(target.metric, scopeTypes(target.scope));
    if (!counted.ok) return { met: undefined, unit: "people", remarks: [counted.missing] };
    if (counted.partial) remarks.push({ kind: "partial", column: target.metric });
    const current = Ratio.of(counted.value);
    const j = judge(current, target.comparator, target.value, target.max, target.tolerance ?? context.aboutTolerance);
    const result: Assessment = judged(current, j, remarks, "people", counted.value);
    if (j.verdict === "short" && j.position === "below") result.shortfall = { metric: target.metric, count: peopleAtLeast(j.band.low!) - counted.value };
    return result;
  },
};
