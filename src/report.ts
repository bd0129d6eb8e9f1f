/**
 * The documented, versioned result of `gap check`: the object `--format json` prints and the library returns.
 * Keys are written in a fixed order and numbers are rounded from exact values, so the same input gives the same bytes.
 */
import type { CheckResult, RegionResult } from "./check.js";
import type { Evaluation } from "./evaluate/types.js";
import { decimalText, gap, remarkText } from "./labels.js";
import type { Lang } from "./messages.js";
import { metrics } from "./registry/index.js";

export const REPORT_SCHEMA_VERSION = 1;

export interface ReportResult {
  target: string;
  title: string;
  level: string;
  kind: string;
  binding: string;
  year: number;
  status: string;
  unit: string;
  current: number | null;
  required: number | null;
  requiredMax: number | null;
  gap: number | null;
  shortfall: { metric: string; count: number; lowerBound: boolean; institutions: boolean } | null;
  failingInstitutions: { count: number; atLeast: boolean; examples: Array<{ name: string; unitType: string; line: number; value: number | null }> } | null;
  remarks: Array<{ kind: string; text: string }>;
  source: { document: string; section: string; locator: string };
}

function num(value: ReturnType<typeof gap>, unit: Evaluation["unit"]): number | null {
  return value ? Number(decimalText(value, unit).replace(/,/g, "")) : null;
}

export function reportResult(e: Evaluation, lang: Lang): ReportResult {
  const g = gap(e);
  return {
    target: e.target.id,
    title: e.target.title[lang],
    level: e.target.level,
    kind: e.target.kind,
    binding: e.target.binding,
    year: e.target.year,
    status: e.status,
    unit: e.unit,
    current: num(e.current, e.unit),
    required: num(e.required, e.unit),
    requiredMax: num(e.requiredMax, e.unit),
    gap: num(g, e.unit),
    shortfall: e.shortfall
      ? { metric: e.shortfall.metric, count: e.shortfall.count, lowerBound: Boolean(e.shortfall.lowerBound), institutions: Boolean(e.shortfall.institutions) }
      : null,
    failingInstitutions: e.failing
      ? {
          count: e.failing.count,
          atLeast: e.failing.atLeast,
          examples: e.failing.examples.map((x) => ({ name: x.name, unitType: x.unitType, line: x.line, value: x.value })),
        }
      : null,
    remarks: e.remarks.map((r) => ({ kind: r.kind, text: remarkText(r, lang) })),
    source: { document: e.target.provenance.document, section: e.target.provenance.section, locator: e.target.provenance.locator },
  };
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

export function reportRegion(region: RegionResult, lang: Lang) {
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
    plan: region.plan
      ? {
          startYear: region.plan.startYear,
          horizon: region.plan.horizon,
          horizonSource: region.plan.horizonSource,
          vacancies: region.plan.vacancies ?? null,
          postPools: region.plan.postPools,
          categories: region.plan.categories.map((c) => ({
            metric: c.metric,
            current: c.current,
            requiredAtHorizon: c.requiredAtHorizon,
            bindingTarget: c.bindingTarget ?? null,
            requirements: c.requirements,
            years: c.years,
            totalHires: c.totalHires,
            flags: c.flags,
          })),
        }
      : null,
  };
}

export function report(result: CheckResult, file: string, lang: Lang) {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: "gap",
    command: "check",
    file,
    lang,
    catalogue: result.catalogue,
    assumptions: result.assumptions,
    summary: { regions: result.regions.length, counts: result.counts },
    regions: result.regions.map((r) => reportRegion(r, lang)),
    rollup: result.rollup,
  };
}

export type Report = ReturnType<typeof report>;
