import type { Target } from "../../catalogue/schema.js";
import { band, position, scopeTypes } from "../compare.js";
import { HUNDRED, Ratio, peopleAtLeast } from "../exact.js";
import type { Assessment, Evaluator, FigureView, Remark } from "../types.js";

type Flow = Extract<Target, { kind: "flow" }>;
type Growth = Extract<Target, { kind: "growth" }>;

/** The figure of the year just before, when the file has it. */
function previousYear(view: FigureView, metric: string, unitTypes: readonly string[] | undefined) {
  const previous = view.history.find((r) => r.year === view.region.year - 1);
  if (!previous) return undefined;
  const earlier: FigureView = { ...view, region: previous, history: [] };
  const counted = earlier.count(metric, unitTypes);
  return counted.ok ? counted.value : undefined;
}

/**
 * People added per year. A net increase (≥ 2 new GPs a year) is read from consecutive years of the file;
 * recruits cannot be seen in stock figures and are checked against the hiring plan instead.
 */
export const flow: Evaluator<Flow> = {
  kind: "flow",
  assess(target, view, context) {
    const remarks: Remark[] = [{ kind: "checked-against-plan" }];
    const unitTypes = scopeTypes(target.scope);
    const now = view.count(target.metric, unitTypes);
    const before = target.flow === "net_increase" ? previousYear(view, target.metric, unitTypes) : undefined;
    if (!now.ok || before === undefined) {
      if (target.flow === "net_increase") remarks.unshift({ kind: "needs-history", column: target.metric });
      return { met: undefined, unit: "people_per_year", remarks };
    }
    const added = now.value - before;
    const current = Ratio.of(added);
    const b = band(target.comparator, target.value, target.max, target.tolerance ?? context.aboutTolerance);
    const where = position(current, b);
    const result: Assessment = { met: where === "within" || (where === "above" && target.comparator === "at_least"), unit: "people_per_year", current, required: b.low ?? b.aim, remarks };
    if (b.high) result.requiredMax = b.high;
    if (where === "below") result.shortfall = { metric: target.metric, count: peopleAtLeast(b.aim) - added };
    return result;
  },
};

/** Annual growth of a category in percent, from consecutive years of the file; also checked against the plan. */
export const growth: Evaluator<Growth> = {
  kind: "growth",
  assess(target, view, context) {
    const remarks: Remark[] = [{ kind: "checked-against-plan" }];
    const unitTypes = scopeTypes(target.scope);
    const now = view.count(target.metric, unitTypes);
    const before = previousYear(view, target.metric, unitTypes);
    if (!now.ok || before === undefined || before === 0) {
      remarks.unshift({ kind: "needs-history", column: target.metric });
      return { met: undefined, unit: "percent_per_year", remarks };
    }
    const current = Ratio.of((now.value - before) * 100, before);
    const b = band(target.comparator, target.value, target.max, target.tolerance ?? context.aboutTolerance);
    const where = position(current, b);
    const result: Assessment = { met: where !== "below", unit: "percent_per_year", current, required: b.low ?? b.aim, remarks };
    if (b.high) result.requiredMax = b.high;
    if (where === "below") {
      const aimStock = Ratio.of(before).mul(HUNDRED.add(b.aim)).div(HUNDRED);
      result.shortfall = { metric: target.metric, count: peopleAtLeast(aimStock) - now.value };
    }
    return result;
  },
};
