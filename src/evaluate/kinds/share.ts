import type { Target } from "../../catalogue/schema.js";
import { countPair, judge, judged, scopeTypes } from "../compare.js";
import { HUNDRED, ONE, Ratio, peopleAtLeast } from "../exact.js";
import type { Assessment, Evaluator, Remark } from "../types.js";
import { assessEachInstitution } from "./per-institution.js";

type Share = Extract<Target, { kind: "share" }>;

/**
 * `metric` as a percentage of `of`. Below the band: hire the metric up to its lower edge p — when it is part of the
 * whole every hire grows both, so x ≥ (p·whole − part) / (1 − p). Above an at-most ceiling: hire others into the
 * whole until part / whole ≤ p. Above 左右's band is met; above a range is shown, with nobody to hire.
 */
export const share: Evaluator<Share> = {
  kind: "share",
  assess(target, view, context) {
    const unitTypes = scopeTypes(target.scope);
    // 单位/每个: each institution's own share, the failing ones named
    if (target.perInstitution && target.comparator === "at_least") {
      // a column no institution reports is named as such, rather than as every institution not reporting
      for (const column of [target.metric, target.of]) {
        const counted = view.count(column, unitTypes);
        if (!counted.ok) return { met: undefined, unit: "institutions", remarks: [counted.missing] };
      }
      return assessEachInstitution(target.id, target.metric, unitTypes ?? [], view);
    }
    const remarks: Remark[] = [];
    const counts = countPair(view, target.metric, target.of, unitTypes, remarks);
    if (!counts) return { met: undefined, unit: "percent", remarks };
    const { part, whole } = counts;
    const current = Ratio.of(part * 100, whole);
    const j = judge(current, target.comparator, target.value, target.max, target.tolerance ?? context.aboutTolerance);
    const result: Assessment = judged(current, j, remarks, "percent", part);
    if (j.verdict !== "short") return result;
    if (j.position === "below") {
      const share = j.band.low!.div(HUNDRED);
      const deficit = share.mul(Ratio.of(whole)).sub(Ratio.of(part));
      if (!target.partOfWhole) result.shortfall = { metric: target.metric, count: peopleAtLeast(deficit) };
      // a share of 100% cannot be reached by hiring; every member of the whole must be of the part
      else if (share.ge(ONE)) result.shortfall = { metric: target.metric, count: whole - part };
      else result.shortfall = { metric: target.metric, count: peopleAtLeast(deficit.div(ONE.sub(share))) };
    } else {
      // above an at-most ceiling: others of the whole to add so that part / (whole + y) ≤ the ceiling
      const share = j.band.high!.div(HUNDRED);
      if (!share.isZero()) result.shortfall = { metric: target.of, count: peopleAtLeast(Ratio.of(part).div(share).sub(Ratio.of(whole))) };
    }
    return result;
  },
};
