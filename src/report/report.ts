/**
 * The documented, versioned result of `gap check`: the object `--format json` prints and the library returns.
 * Target metadata (titles, sources) is listed once under `targets`; each region's results carry only what was
 * computed, with absent keys meaning "does not apply". Keys come in a fixed order and numbers are rounded from
 * exact values, so the same input gives the same bytes.
 */
import type { CheckResult, CheckSummary, RegionResult } from "../check.js";
import type { Target } from "../catalogue/schema.js";
import type { Evaluation } from "../evaluate/types.js";
import type { RegionPlan } from "../plan/plan.js";
import { gap, remarkText, roundedValue } from "../i18n/labels.js";
import { diagnosticMessage, type Lang } from "../i18n/messages.js";
import type { Diagnostic } from "../read/diagnostics.js";
import { metrics } from "../registry/index.js";
// the report's types are inferred from its schemas (gap schema --which report); only the types are imported here
import type { Report, ReportDiagnostic, ReportHead, ReportPlan, ReportRegion, ReportResult, ReportTarget } from "./schema.js";

export type { Report, ReportDiagnostic, ReportHead, ReportPlan, ReportRegion, ReportResult, ReportTarget };

export const REPORT_SCHEMA_VERSION = 1;

function rounded(value: ReturnType<typeof gap>, unit: Evaluation["unit"]): number | undefined {
  return value ? roundedValue(value, unit) : undefined;
}

export function reportTarget(t: Target, lang: Lang): ReportTarget {
  return {
    title: t.title[lang],
    level: t.level,
    region: t.region,
    kind: t.kind,
    binding: t.binding,
    year: t.year,
    ...(t.template ? { template: t.template } : {}),
    source: { document: t.provenance.document, section: t.provenance.section, locator: t.provenance.locator },
  };
}

export function reportResult(e: Evaluation, lang: Lang): ReportResult {
  const out: ReportResult = { target: e.target.id, status: e.status, unit: e.unit };
  const current = rounded(e.current, e.unit);
  const required = rounded(e.required, e.unit);
  const requiredMax = rounded(e.requiredMax, e.unit);
  const g = rounded(gap(e), e.unit);
  if (current !== undefined) out.current = current;
  if (required !== undefined) out.required = required;
  if (requiredMax !== undefined) out.requiredMax = requiredMax;
  if (g !== undefined) out.gap = g;
  if (e.shortfall && e.shortfall.count > 0) {
    out.shortfall = {
      metric: e.shortfall.metric,
      count: e.shortfall.count,
      ...(e.shortfall.lowerBound ? { lowerBound: true as const } : {}),
      ...(e.shortfall.institutions ? { institutions: true as const } : {}),
    };
  }
  if (e.failing && e.failing.count > 0) {
    out.failingInstitutions = {
      count: e.failing.count,
      atLeast: e.failing.atLeast,
      examples: e.failing.examples.map((x) => ({ name: x.name, unitType: x.unitType, line: x.line, value: x.value })),
    };
  }
  if (e.remarks.length) out.remarks = e.remarks.map((r) => ({ kind: r.kind, text: remarkText(r, lang) }));
  return out;
}

function figures(region: RegionResult): { figures: Record<string, number>; partial: string[]; derived: string[] } {
  const out: Record<string, number> = {};
  const partial: string[] = [];
  const derived: string[] = [];
  for (const m of metrics) {
    const f = region.record.figures[m.id];
    if (!f) continue;
    out[m.id] = f.value;
    if (f.partial) partial.push(m.id);
    if (f.source === "derived") derived.push(m.id);
  }
  return { figures: out, partial, derived };
}

export function reportRegion(region: RegionResult, lang: Lang): ReportRegion {
  const { figures: values, partial, derived } = figures(region);
  return {
    code: region.code,
    name: region.name,
    year: region.year,
    level: region.level,
    line: region.line,
    figures: values,
    partialFigures: partial,
    derivedFigures: derived,
    counts: region.counts,
    results: region.evaluations.map((e) => reportResult(e, lang)),
    plan: region.plan ? reportPlan(region.plan) : null,
  };
}

/** The plan's JSON: wholes before their parts, each part naming its whole (partOf), totals counting each person once. */
export function reportPlan(plan: RegionPlan): ReportPlan {
  return {
    startYear: plan.startYear,
    startSource: plan.startSource,
    horizon: plan.horizon,
    horizonSource: plan.horizonSource,
    vacancies: plan.vacancies ?? null,
    ...(plan.posts ? { posts: plan.posts } : {}),
    postPools: plan.postPools,
    totals: plan.totals,
    ...(plan.alternatives.length ? { alternatives: plan.alternatives } : {}),
    categories: plan.categories.map(reportCategory),
  };
}

type ReportCategory = ReportPlan["categories"][number];

/** One category of the plan, keys in the schema's order, absent where they do not apply. */
function reportCategory(c: RegionPlan["categories"][number]): ReportCategory {
  // built key by key rather than spread from conditional parts: a plan has a dozen categories, a country thousands of plans
  const out = { metric: c.metric } as ReportCategory;
  if (c.partOf) out.partOf = c.partOf;
  out.current = c.current;
  out.requiredAtHorizon = c.requiredAtHorizon;
  out.bindingTarget = c.bindingTarget ?? null;
  if (c.overdue) out.overdue = true;
  out.requirements = c.requirements;
  out.years = c.years;
  out.totalHires = c.totalHires;
  if (c.byUnitType) out.byUnitType = c.byUnitType;
  if (c.limit) out.limit = c.limit;
  if (c.trend) out.trend = c.trend;
  out.flags = c.flags;
  return out;
}


/** One diagnostic of the input, as the report carries it: where, what, and the sentence the table prints. */
export function reportDiagnostic(d: Diagnostic, lang: Lang): ReportDiagnostic {
  return {
    code: d.code,
    severity: d.severity,
    file: d.file,
    line: d.line,
    column: d.column,
    field: d.field ?? null,
    value: d.value ?? null,
    message: diagnosticMessage(d, lang),
  };
}

/** Everything of the report but the regions, which can be long: the JSON formatter streams them one by one. */
export function reportHead(summary: CheckSummary, file: string, lang: Lang): ReportHead {
  const targets: Record<string, ReportTarget> = {};
  for (const id of [...summary.targetsUsed.keys()].sort()) targets[id] = reportTarget(summary.targetsUsed.get(id)!, lang);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: "gap",
    command: "check",
    file,
    lang,
    catalogue: summary.catalogue,
    assumptions: summary.assumptions,
    summary: { regions: summary.regionCount, levels: summary.levels, counts: summary.counts },
    diagnostics: (summary.input?.diagnostics ?? []).map((d) => reportDiagnostic(d, lang)),
    targets,
  };
}

export function report(result: CheckResult, file: string, lang: Lang): Report {
  return {
    ...reportHead(result, file, lang),
    regions: result.regions.map((r) => reportRegion(r, lang)),
    rollup: result.rollup,
    rollupTotals: result.rollupTotals,
  };
}
