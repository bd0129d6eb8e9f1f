import type { Target } from "../../catalogue/schema.js";
import type { RegionRecord } from "../../read/record.js";
import { figureView } from "../figures.js";
import { judge, judged, scopeTypes, type Judgement } from "../compare.js";
import { HUNDRED, Ratio, peopleAtLeast } from "../exact.js";
import type { Assessment, Evaluator, FigureView, Remark } from "../types.js";

type Flow = Extract<Target, { kind: "flow" }>;
type Growth = Extract<Target, { kind: "growth" }>;

/** The headcount of a metric in a scope in another year of the same region, read as that year's own figures. */
function countIn(record: RegionRecord, metric: string, unitTypes: readonly string[] | undefined): number | undefined {
  const counted = figureView(record).count(metric, unitTypes);
  return counted.ok ? counted.value : undefined;
}

/** The figure of the year just before the view's, when the file has that year for the same region. */
function previousYear(view: FigureView, metric: string, unitTypes: readonly string[] | undefined): number | undefined {
  const previous = view.history.find((r) => r.year === view.region.year - 1);
  return previous ? countIn(previous, metric, unitTypes) : undefined;
}

/**
 * People added per year. A net increase (≥ 2 new GPs a year) is the difference of consecutive years of the file.
 * Recruits are not in stock figures: the net increase is a lower bound of them (recruits also replace leavers), so
 * a net increase within or above the band judges them, one below it cannot, and the plan is checked instead.
 * A cumulative figure (about 100 recruits by 2024) is judged the same way from the year before the programme's
 * start to its year, when the file has both.
 */
export const flow: Evaluator<Flow> = {
  kind: "flow",
  assess(target, view, context) {
    const remarks: Remark[] = [];
    const unitTypes = scopeTypes(target.scope);
    const tolerance = target.tolerance ?? context.aboutTolerance;
    const now = view.count(target.metric, unitTypes);
    const before = previousYear(view, target.metric, unitTypes);
    if (now.ok && target.cumulative) cumulative(target, view, now.value, tolerance, remarks);
    if (!now.ok || before === undefined) {
      remarks.push({ kind: "needs-history", column: target.metric }, { kind: "checked-against-plan" });
      return { met: undefined, unit: "people_per_year", remarks };
    }
    const added = now.value - before;
    const current = Ratio.of(added);
    const j = judge(current, target.comparator, target.value, target.max, tolerance);
    const result: Assessment = judged(current, j, remarks, "people_per_year");
    if (target.flow === "recruits") {
      remarks.push({ kind: "recruits-at-least", added });
      // a net increase below the band says nothing of recruits: leavers the file does not show may explain it; nor,
      // under a ceiling, does one within it
      if (j.position === "below" || (target.comparator === "at_most" && j.position !== "above")) {
        remarks.push({ kind: "checked-against-plan" });
        return { ...result, met: undefined };
      }
      return result;
    }
    if (j.verdict === "short" && j.position === "below") result.shortfall = { metric: target.metric, count: peopleAtLeast(j.band.low!) - added };
    return result;
  },
};

function cumulative(target: Flow, view: FigureView, stock: number, tolerance: number, remarks: Remark[]): void {
  const total = target.cumulative!;
  if (view.region.year !== total.by) return;
  const from = target.horizon ? Number(target.horizon.from.slice(0, 4)) - 1 : undefined;
  const start = from === undefined ? undefined : view.history.find((r) => r.year === from);
  const base = start ? countIn(start, target.metric, scopeTypes(target.scope)) : undefined;
  if (from === undefined || base === undefined) return;
  const added = stock - base;
  // the total's own comparator (累计…100名左右 is about), else the yearly one's lower edge
  const comparator = total.comparator ?? (target.comparator === "range" ? "at_least" : target.comparator);
  const j: Judgement = judge(Ratio.of(added), comparator, total.value, undefined, tolerance);
  const met = j.verdict === "met" || j.verdict === "met_above" ? true : target.flow === "recruits" ? undefined : false;
  remarks.push({ kind: "cumulative", from, to: total.by, added, value: total.value, met });
}

/**
 * Annual growth of a category in percent, from consecutive years of the file (the year before is the base); with
 * one year it is checked against the plan. Below the band: the people that bring growth to its lower edge.
 */
export const growth: Evaluator<Growth> = {
  kind: "growth",
  assess(target, view, context) {
    const remarks: Remark[] = [];
    const unitTypes = scopeTypes(target.scope);
    const now = view.count(target.metric, unitTypes);
    const before = previousYear(view, target.metric, unitTypes);
    if (!now.ok || before === undefined || before === 0) {
      remarks.push({ kind: "needs-history", column: target.metric }, { kind: "checked-against-plan" });
      return { met: undefined, unit: "percent_per_year", remarks };
    }
    const current = Ratio.of((now.value - before) * 100, before);
    const j = judge(current, target.comparator, target.value, target.max, target.tolerance ?? context.aboutTolerance);
    const result: Assessment = judged(current, j, remarks, "percent_per_year");
    if (j.verdict === "short" && j.position === "below") {
      const aimStock = Ratio.of(before).mul(HUNDRED.add(j.band.low!)).div(HUNDRED);
      result.shortfall = { metric: target.metric, count: peopleAtLeast(aimStock) - now.value };
    }
    return result;
  },
};
