import type { Target } from "../../catalogue/schema.js";
import { scopeTypes } from "../compare.js";
import { Ratio } from "../exact.js";
import type { Assessment, Evaluator, FigureView, Remark } from "../types.js";

type PerInstitution = Extract<Target, { kind: "per_institution" }>;

/**
 * Every institution of the types has at least `value` people. Institution rows give the exact list of those that
 * fail; a subtotal row ("12 township hospitals, 9 public-health physicians") gives a lower bound (at least 3 fail).
 */
export const perInstitution: Evaluator<PerInstitution> = {
  kind: "per_institution",
  assess(target, view) {
    return assessEachInstitution(target.id, target.metric, scopeTypes(target.scope) ?? [], view);
  },
};

/** A check the reader tallied institution by institution: which institutions fail it, and how many people they lack. */
export function assessEachInstitution(id: string, metric: string, unitTypes: readonly string[], view: FigureView): Assessment {
  const check = view.region.checks[id];
  const remarks: Remark[] = [];
  if (!check || (check.rows === 0 && !check.subtotalLowerBound)) {
    remarks.push({ kind: "missing-rows", unitTypes: [...unitTypes] });
    return { met: undefined, unit: "institutions", remarks };
  }
  const bound = check.subtotalLowerBound;
  const failing = check.failing + (bound?.failingAtLeast ?? 0);
  const shortfall = check.shortfall + (bound?.shortfallAtLeast ?? 0);
  const institutions = check.rows + (bound?.institutions ?? 0);
  const atLeast = bound !== undefined && bound.institutions > 0;
  if (check.unreported > 0) remarks.push({ kind: "unreported-institutions", count: check.unreported, column: metric });
  if (atLeast) remarks.push({ kind: "lower-bound" });
  const result: Assessment = {
    met: failing > 0 ? false : check.unreported > 0 || atLeast ? undefined : true,
    unit: "institutions",
    current: Ratio.of(institutions - failing - check.unreported),
    required: Ratio.of(institutions),
    failing: { count: failing, atLeast, examples: check.examples },
    remarks,
  };
  if (failing > 0) result.shortfall = { metric, count: shortfall, ...(atLeast ? { lowerBound: true } : {}) };
  return result;
}
