import type { Target } from "../../catalogue/schema.js";
import type { InstitutionCheckResult } from "../../read/record.js";
import { scopeTypes } from "../compare.js";
import { Ratio } from "../exact.js";
import type { Assessment, Evaluator, FigureView, Remark } from "../types.js";

type PerInstitution = Extract<Target, { kind: "per_institution" }>;

/**
 * What subtotal rows without institution rows say of a minimum ("12 township hospitals, 9 public-health
 * physicians", a minimum of 1): with the people spread as well as possible, at most floor(people / min) institutions
 * reach it, so at least the rest fall short, by at least institutions × min − people in all.
 */
export function subtotalLowerBound(
  subtotals: InstitutionCheckResult["subtotals"],
  min: number,
): { institutions: number; failingAtLeast: number; shortfallAtLeast: number } | undefined {
  let institutions = 0;
  let failingAtLeast = 0;
  let shortfallAtLeast = 0;
  for (const { institutions: count, value: have } of subtotals) {
    institutions += count;
    failingAtLeast += Math.max(0, count - Math.floor(have / min));
    shortfallAtLeast += Math.max(0, count * min - have);
  }
  return institutions > 0 ? { institutions, failingAtLeast, shortfallAtLeast } : undefined;
}

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
  const bound = check ? subtotalLowerBound(check.subtotals, check.min) : undefined;
  if (!check || (check.rows === 0 && !bound)) {
    remarks.push({ kind: "missing-rows", unitTypes: [...unitTypes] });
    return { met: undefined, unit: "institutions", remarks };
  }
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
