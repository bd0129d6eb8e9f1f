import { applicableTargets, type Catalogue, type Selection } from "../catalogue/catalogue.js";
import type { Target } from "../catalogue/schema.js";
import type { InstitutionCheckSpec, RegionRecord } from "../read/record.js";
import { scopeTypes } from "./compare.js";
import { Ratio } from "./exact.js";
import { evaluators } from "./kinds/index.js";
import type { Assessment, CountResult, EvaluateContext, Evaluation, FigureView, Status } from "./types.js";

/** The per-institution minimums the reader must tally while streaming, from the catalogue's per_institution targets. */
export function institutionChecks(catalogue: Catalogue): InstitutionCheckSpec[] {
  return catalogue.targets.flatMap((t) =>
    t.kind === "per_institution" ? [{ id: t.id, metric: t.metric, min: t.value, unitTypes: scopeTypes(t.scope) ?? [] }] : [],
  );
}

export function figureView(region: RegionRecord, history: readonly RegionRecord[] = []): FigureView {
  return {
    region,
    history,
    population(basis) {
      const figure = region.figures[basis] ?? (basis === "service_population" ? region.figures.population : undefined);
      return figure && figure.value > 0 ? Ratio.of(figure.value) : undefined;
    },
    count(metric, unitTypes): CountResult {
      if (!unitTypes) {
        const figure = region.figures[metric];
        return figure ? { ok: true, value: figure.value, partial: figure.partial } : { ok: false, missing: { kind: "missing-column", column: metric } };
      }
      let value = 0;
      let partial = false;
      let rows = false;
      let reported = false;
      for (const unitType of unitTypes) {
        const aggregate = region.byType[unitType];
        if (!aggregate) continue;
        rows = true;
        const figure = aggregate.figures[metric];
        if (!figure) continue;
        reported = true;
        value += figure.value;
        partial ||= figure.partial;
      }
      if (!rows) return { ok: false, missing: { kind: "missing-rows", unitTypes: [...unitTypes] } };
      if (!reported) return { ok: false, missing: { kind: "missing-column", column: metric } };
      return { ok: true, value, partial };
    },
  };
}

export function assess(target: Target, view: FigureView, context: EvaluateContext): Assessment {
  const evaluator = evaluators[target.kind] as { assess(t: Target, v: FigureView, c: EvaluateContext): Assessment };
  return evaluator.assess(target, view, context);
}

/** Binding and dates turn an assessment into a status: a binding target short in or after its year is overdue. */
export function statusOf(assessment: Assessment, target: Target, dataYear: number): Status {
  if (assessment.info) return "info";
  if (assessment.met === undefined) return "not_assessed";
  if (assessment.met) return "met";
  if (target.binding !== "binding") return "advisory";
  return dataYear >= target.year ? "overdue" : "short";
}

export function evaluateRegion(
  region: RegionRecord,
  targets: readonly Target[],
  catalogue: Catalogue,
  history: readonly RegionRecord[] = [],
): Evaluation[] {
  const context: EvaluateContext = { applicable: targets, aboutTolerance: catalogue.aboutTolerance };
  const view = figureView(region, history);
  return targets.map((target) => {
    const a = assess(target, view, context);
    a.remarks = dedupeRemarks(a.remarks);
    // the assessment is this call's own: completed in place rather than copied
    const evaluation = a as Evaluation;
    evaluation.target = target;
    evaluation.status = statusOf(a, target, region.year);
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

export { applicableTargets, type Selection };
