import type { Target } from "../../catalogue/schema.js";
import { band, position, scopeTypes } from "../compare.js";
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
    const b = band(target.comparator, target.value, target.max, target.tolerance ?? context.aboutTolerance);
    const where = position(current, b);
    const result: Assessment = { met: where === "within" || (where === "above" && target.comparator === "about"), unit: "people", current, required: b.low ?? b.aim, have: counted.value, remarks };
    if (b.high && target.comparator !== "at_least") result.requiredMax = b.high;
    if (where === "below") result.shortfall = { metric: target.metric, count: peopleAtLeast(b.aim) - counted.value };
    return result;
  },
};
