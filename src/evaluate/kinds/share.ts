import type { Target } from "../../catalogue/schema.js";
import { band, countPair, position, scopeTypes } from "../compare.js";
import { HUNDRED, ONE, Ratio, peopleAtLeast } from "../exact.js";
import type { Assessment, Evaluator, Remark } from "../types.js";

type Share = Extract<Target, { kind: "share" }>;

/**
 * `metric` as a percentage of `of`. Below the share: hire the metric — when it is part of the whole every hire
 * grows both, so x ≥ (p·whole − part) / (1 − p). Above: hire others into the whole until part / whole ≤ p.
 */
export const share: Evaluator<Share> = {
  kind: "share",
  assess(target, view, context) {
    const unitTypes = scopeTypes(target.scope);
    const remarks: Remark[] = [];
    const counts = countPair(view, target.metric, target.of, unitTypes, remarks);
    if (!counts) return { met: undefined, unit: "percent", remarks };
    const part = { value: counts.part };
    const whole = { value: counts.whole };
    const current = Ratio.of(part.value * 100, whole.value);
    const b = band(target.comparator, target.value, target.max, target.tolerance ?? context.aboutTolerance);
    const where = position(current, b);
    const result: Assessment = { met: where === "within", unit: "percent", current, required: b.low ?? b.aim, have: part.value, remarks };
    if (b.high) result.requiredMax = b.high;
    const p = (aim: Ratio) => aim.div(HUNDRED);
    if (where === "below") {
      const share = p(b.aim);
      const deficit = share.mul(Ratio.of(whole.value)).sub(Ratio.of(part.value));
      if (target.partOfWhole) {
        if (share.ge(ONE)) {
          // a share of 100% cannot be reached by hiring; every member of the whole must be of the part
          result.shortfall = { metric: target.metric, count: whole.value - part.value };
        } else {
          result.shortfall = { metric: target.metric, count: peopleAtLeast(deficit.div(ONE.sub(share))) };
        }
      } else {
        result.shortfall = { metric: target.metric, count: peopleAtLeast(deficit) };
      }
    } else if (where === "above") {
      const share = p(b.aimHigh ?? b.aim);
      if (share.isZero() || target.comparator === "range") {
        // too large a share of a range (technicians above 80% of MCH staff) is not a reason to hire anyone
        remarks.push({ kind: "above-range" });
      } else {
        // others of the whole to add so that part / (whole + y) ≤ share
        result.shortfall = { metric: target.of, count: peopleAtLeast(Ratio.of(part.value).div(share).sub(Ratio.of(whole.value))) };
      }
    }
    return result;
  },
};
