import type { Target } from "../../catalogue/schema.js";
import type { Evaluator } from "../types.js";
import { assessDensity } from "./density.js";
import { compareText } from "../../compare-text.js";

type Reference = Extract<Target, { kind: "reference" }>;

/**
 * "Reach the national / provincial level": the figure is the same measure's target at the named level among the
 * targets that apply to the region (or the named target). Without one, the target says which figure it needs.
 */
export function resolveReference(target: Reference, applicable: readonly Target[]): Extract<Target, { kind: "density" }> | undefined {
  const m = target.measure;
  const candidates = applicable.filter(
    (t): t is Extract<Target, { kind: "density" }> =>
      t.kind === "density" &&
      t.id !== target.id &&
      (target.refersTo.target ? t.id === target.refersTo.target : t.level === target.refersTo.level && t.binding !== "benchmark") &&
      t.metric === m.metric &&
      t.per === m.per &&
      t.basis === m.basis &&
      t.scope === undefined,
  );
  // the latest year's figure is the level the district is asked to reach
  return candidates.sort((a, b) => b.year - a.year || compareText(a.id, b.id))[0];
}

export const reference: Evaluator<Reference> = {
  kind: "reference",
  assess(target, view, context) {
    const source = resolveReference(target, context.applicable);
    if (!source) {
      return {
        met: undefined,
        unit: target.measure.per === 1000 ? "per_1000" : "per_10000",
        remarks: [{ kind: "missing-figure", level: target.refersTo.level, metric: target.measure.metric }],
      };
    }
    const result = assessDensity(target.measure, target.comparator, source.value, undefined, context.aboutTolerance, view);
    result.remarks.unshift({ kind: "resolved-from", target: source.id, value: source.value });
    return result;
  },
};
