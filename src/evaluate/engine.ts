import { applicableTargets, type Catalogue, type Selection } from "../catalogue/catalogue.js";
import type { Target } from "../catalogue/schema.js";
import type { InstitutionCheckSpec, RegionRecord } from "../read/record.js";
import { scopeTypes } from "./compare.js";
import { DERIVED_FIGURES, figureView } from "./figures.js";
import { supersededTargets, type PlanMode } from "./precedence.js";
import { evaluators } from "./kinds/index.js";
import type { Assessment, EvaluateContext, Evaluation, FigureView, Status } from "./types.js";

/**
 * What the reader must tally institution by institution while streaming: per-institution minimums, shares of each
 * institution's own figure (单位), and every institution having an attribute (所有, 每个), so the failing ones are named.
 * Each carries the regions its target applies to. With a selection, only the templates it names are among them (a
 * template applies to every region when asked for, and to none otherwise); without one, every template's are.
 */
export function institutionChecks(catalogue: Catalogue, selection?: Selection): InstitutionCheckSpec[] {
  const templates = selection ? new Set(selection.templates ?? []) : undefined;
  return catalogue.targets.flatMap((t): InstitutionCheckSpec[] => {
    if (t.template !== undefined && templates && !templates.has(t.template)) return [];
    const spec = institutionCheck(t);
    if (!spec) return [];
    // a template asked for, and a national target without levels, cover every region: said by leaving the regions out
    if (t.template === undefined && t.region !== "000000") spec.region = t.region;
    if (t.template === undefined && t.regionLevels) spec.regionLevels = t.regionLevels;
    return [spec];
  });
}

function institutionCheck(t: Target): InstitutionCheckSpec | undefined {
  const derivedFrom = "metric" in t ? DERIVED_FIGURES[t.metric] : undefined;
  const derived = derivedFrom ? { derivedFrom } : {};
  if (t.kind === "per_institution") return { id: t.id, metric: t.metric, min: t.value, unitTypes: scopeTypes(t.scope) ?? [], ...derived };
  // every institution (所有, 每个, 均): the reader lists those without the attribute
  if (t.kind === "institution_share" && t.comparator === "at_least" && t.value >= 100) return { id: t.id, metric: t.flag, min: 1, unitTypes: scopeTypes(t.scope) ?? [] };
  if (t.kind === "share" && t.perInstitution && t.comparator === "at_least") {
    return { id: t.id, metric: t.metric, min: t.value, of: t.of, unitTypes: scopeTypes(t.scope) ?? [], ...derived };
  }
  return undefined;
}

export function assess(target: Target, view: FigureView, context: EvaluateContext): Assessment {
  const evaluator = evaluators[target.kind] as { assess(t: Target, v: FigureView, c: EvaluateContext): Assessment };
  return evaluator.assess(target, view, context);
}

/**
 * Binding, dates and precedence turn an assessment into a status. Only `short` and `overdue` ask for people and fail
 * a run by default: a figure above a range is shown as such, a benchmark's gap asks for nobody, and a target a more
 * specific one supersedes is context.
 */
export function statusOf(assessment: Assessment, target: Target, dataYear: number, supersededBy?: string): Status {
  if (assessment.info) return "info";
  if (assessment.met === undefined) return "not_assessed";
  if (supersededBy !== undefined) return "context";
  if (assessment.met) return "met";
  if (assessment.aboveRange) return "above_range";
  if (target.binding === "benchmark") return "benchmark";
  if (target.binding !== "binding") return "advisory";
  return dataYear >= target.year ? "overdue" : "short";
}

export function evaluateRegion(
  region: RegionRecord,
  targets: readonly Target[],
  catalogue: Catalogue,
  history: readonly RegionRecord[] = [],
  mode: PlanMode = "own",
): Evaluation[] {
  const context: EvaluateContext = { applicable: targets, aboutTolerance: catalogue.aboutTolerance };
  const view = figureView(region, history);
  const superseded = mode === "own" ? supersededTargets(targets) : undefined;
  return targets.map((target) => {
    const a = assess(target, view, context);
    const decidedBy = superseded?.get(target.id);
    if (decidedBy !== undefined && a.met !== undefined && !a.info) a.remarks.push({ kind: "superseded-by", target: decidedBy });
    a.remarks = dedupeRemarks(a.remarks);
    // the assessment is this call's own: completed in place rather than copied
    const evaluation = a as Evaluation;
    evaluation.target = target;
    evaluation.status = statusOf(a, target, region.year, decidedBy);
    // a benchmark or a superseded target shows its gap in the target's unit, and asks for nobody
    if (evaluation.status === "benchmark" || evaluation.status === "context") delete evaluation.shortfall;
    const resolved = a.remarks.find((r) => r.kind === "resolved-from");
    if (resolved && resolved.kind === "resolved-from") evaluation.resolvedValue = resolved.value;
    return evaluation;
  });
}

function dedupeRemarks<T extends object>(remarks: T[]): T[] {
  if (remarks.length < 2) return remarks;
  const seen = new Set<string>();
  return remarks.filter((r) => {
    // a remark's fields are fixed by its kind: its values in order tell it apart from another of the same kind
    const key = Object.values(r).join("\u0000");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export { applicableTargets, figureView, type Selection };
