/** The main job as a pure function: normalised regions + catalogue → evaluations and hiring plans. No I/O. */
import { applicableTargets, levelOfCode, LEVELS, type Catalogue, type Level } from "./catalogue/catalogue.js";
import { evaluateRegion } from "./evaluate/engine.js";
import type { Evaluation, Status } from "./evaluate/types.js";
import { planRegion, type PlanOptions, type RegionPlan } from "./plan/plan.js";
import type { ReadResult } from "./read/reader.js";
import type { RegionRecord } from "./read/record.js";
import { compareText } from "./compare-text.js";

export interface CheckOptions extends PlanOptions {
  /** named templates to apply to every region (targets of documents for an unnamed district) */
  templates?: readonly string[];
}

export interface RegionResult {
  code: string;
  name: string;
  year: number;
  level: Level;
  line: number;
  record: RegionRecord;
  evaluations: Evaluation[];
  /** the plan, for the latest year of each region in the file */
  plan: RegionPlan | undefined;
  counts: Record<Status, number>;
  /** people short across binding targets (the largest shortfall per category) */
  peopleShort: number;
}

export interface RollupYear {
  year: number;
  hires: number;
  leavers: number;
}

export interface CheckResult {
  catalogue: { version: string; published: string; targets: number };
  assumptions: {
    populationGrowth: number;
    attrition: number;
    horizon: number | null;
    templates: string[];
    aboutTolerance: number;
  };
  regions: RegionResult[];
  rollup: Array<{ metric: string; years: RollupYear[]; totalHires: number }>;
  counts: Record<Status, number>;
}

export const STATUS_ORDER: readonly Status[] = ["overdue", "short", "advisory", "not_assessed", "info", "met"];

function emptyCounts(): Record<Status, number> {
  return { met: 0, short: 0, overdue: 0, advisory: 0, not_assessed: 0, info: 0 };
}

/** Worst first: overdue and short before advisory …, larger relative gaps first (each worked out once), then level and id. */
function sortByUrgency(evaluations: Evaluation[]): Evaluation[] {
  const gaps = new Map(evaluations.map((e) => [e, relativeGap(e)]));
  return evaluations.sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      gaps.get(b)! - gaps.get(a)! ||
      LEVELS.indexOf(a.target.level) - LEVELS.indexOf(b.target.level) ||
      compareText(a.target.id, b.target.id),
  );
}

function relativeGap(e: Evaluation): number {
  if (!e.current || !e.required || e.required.isZero()) return 0;
  return Math.abs(e.required.sub(e.current).div(e.required).toNumber());
}

export function check(read: ReadResult, catalogue: Catalogue, options: CheckOptions): CheckResult {
  const byCode = new Map<string, RegionRecord[]>();
  for (const region of read.regions) {
    const list = byCode.get(region.code) ?? [];
    list.push(region);
    byCode.set(region.code, list);
  }
  const results: RegionResult[] = [];
  const counts = emptyCounts();
  const selection = { templates: options.templates ?? [] };
  for (const [code, years] of byCode) {
    years.sort((a, b) => a.year - b.year);
    const targets = applicableTargets(catalogue, code, selection);
    const context = { applicable: targets, aboutTolerance: catalogue.aboutTolerance };
    years.forEach((record, i) => {
      const history = years.slice(0, i).reverse();
      const evaluations = sortByUrgency(evaluateRegion(record, targets, catalogue, history));
      const regionCounts = emptyCounts();
      for (const e of evaluations) {
        regionCounts[e.status]++;
        counts[e.status]++;
      }
      const latest = i === years.length - 1;
      const plan = latest ? planRegion(record, targets, context, options) : undefined;
      const peopleShort = plan ? plan.categories.reduce((n, c) => n + Math.max(0, c.requiredAtHorizon - c.current), 0) : 0;
      results.push({
        code,
        name: record.name,
        year: record.year,
        level: levelOfCode(code),
        line: record.line,
        record,
        evaluations,
        plan,
        counts: regionCounts,
        peopleShort,
      });
    });
  }
  results.sort(
    (a, b) =>
      b.counts.overdue + b.counts.short - (a.counts.overdue + a.counts.short) ||
      b.peopleShort - a.peopleShort ||
      compareText(a.code, b.code) ||
      a.year - b.year,
  );
  return {
    catalogue: { version: catalogue.version, published: catalogue.published, targets: catalogue.targets.length },
    assumptions: {
      populationGrowth: options.populationGrowth,
      attrition: options.attrition,
      horizon: options.horizon ?? null,
      templates: [...(options.templates ?? [])],
      aboutTolerance: catalogue.aboutTolerance,
    },
    regions: results,
    rollup: rollup(results),
    counts,
  };
}

/** Total hires per category and year across the regions' plans. */
function rollup(results: readonly RegionResult[]): CheckResult["rollup"] {
  const byMetric = new Map<string, Map<number, RollupYear>>();
  for (const r of results) {
    for (const category of r.plan?.categories ?? []) {
      const years = byMetric.get(category.metric) ?? new Map<number, RollupYear>();
      for (const y of category.years) {
        const row = years.get(y.year) ?? { year: y.year, hires: 0, leavers: 0 };
        row.hires += y.hires;
        row.leavers += y.leavers;
        years.set(y.year, row);
      }
      byMetric.set(category.metric, years);
    }
  }
  return [...byMetric.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([metric, years]) => {
      const list = [...years.values()].sort((a, b) => a.year - b.year);
      return { metric, years: list, totalHires: list.reduce((n, y) => n + y.hires, 0) };
    });
}

/** Whether the result has findings under --fail-on. */
export function hasFindings(result: CheckResult, failOn: "shortfall" | "advisory" | "none"): boolean {
  if (failOn === "none") return false;
  const short = result.counts.short + result.counts.overdue;
  return failOn === "advisory" ? short + result.counts.advisory > 0 : short > 0;
}
