import type { Target } from "../catalogue/schema.js";
import { metricById } from "../registry/index.js";
import type { RegionRecord } from "../read/record.js";
import { scopeTypes } from "../evaluate/compare.js";
import { assess, figureView } from "../evaluate/engine.js";
import { ONE, Ratio, peopleAtLeast } from "../evaluate/exact.js";
import type { EvaluateContext, FigureView } from "../evaluate/types.js";
import { compareText } from "../compare-text.js";

export interface PlanOptions {
  /** the last year of the plan; default: the latest year of the binding targets, or the year after the data */
  horizon?: number;
  /** yearly growth of every population basis, as a decimal (0.01 = 1%) */
  populationGrowth: number;
  /** yearly leavers as a share of the stock at the start of the year */
  attrition: number;
}

export interface PlanYear {
  year: number;
  /** the stock the plan aims to have at the end of the year */
  required: number;
  leavers: number;
  hires: number;
  /** the stock at the end of the year */
  stock: number;
}

export interface PlanFlag {
  target: string;
  year: number;
  /** the plan's figure that year: hires, net increase or growth percent */
  planned: number;
  kind: "above-max" | "below-min";
  limit: number;
}

export interface CategoryPlan {
  metric: string;
  current: number;
  /** the stock needed at the horizon, the largest across the binding targets */
  requiredAtHorizon: number;
  /** the target that sets it; undefined when no binding target asks for more than the current stock */
  bindingTarget: string | undefined;
  /** every binding target's requirement at the horizon, largest first */
  requirements: Array<{ target: string; required: number }>;
  years: PlanYear[];
  totalHires: number;
  flags: PlanFlag[];
}

export interface RegionPlan {
  startYear: number;
  horizon: number;
  horizonSource: "option" | "targets" | "next-year";
  categories: CategoryPlan[];
  /** approved posts minus staff, where the file gives both */
  vacancies: number | undefined;
  /** approved-post pools and increases (编制) that apply: a ceiling on hires into those posts */
  postPools: Array<{ target: string; value: number }>;
}

const PLANNABLE = new Set(["density", "reference", "ratio", "share", "total", "per_institution"]);

/**
 * A view of the region at the horizon: projected populations, and the planned stocks of the region-wide categories
 * other than `own` (a target never sees its own category's plan, or its requirement would feed on itself).
 */
function projectedView(base: FigureView, factor: Ratio, planned: ReadonlyMap<string, number>, own: string | undefined): FigureView {
  return {
    ...base,
    population(basis) {
      const now = base.population(basis);
      return now ? now.mul(factor) : undefined;
    },
    count(metric, unitTypes) {
      if (!unitTypes && metric !== own) {
        const stock = planned.get(metric);
        if (stock !== undefined) {
          const counted = base.count(metric);
          return { ok: true, value: stock, partial: counted.ok ? counted.partial : false };
        }
      }
      return base.count(metric, unitTypes);
    },
  };
}

/** A binding target the plan can follow, with what the plan asks of it worked out once per target list. */
interface PlannedTarget {
  target: Target;
  /** the category the target is about: it never sees that category's plan, and is hired for when no other is named */
  metric: string | undefined;
  /** whether the target counts only some unit types (its shortfall adds to the region-wide stock) */
  scoped: boolean;
}

/** What a region's plan needs of its target list that does not depend on the region. */
interface PlanTargets {
  /** binding targets worked out once: they do not read another category's planned stock */
  settled: PlannedTarget[];
  /** region-wide ratios and shares: they follow the planned stock of the category they are a ratio of */
  chaining: PlannedTarget[];
  years: number[];
  postPools: Array<{ target: string; value: number }>;
}

// a code's targets are one list shared by all its years, and CheckRun gives codes with the same targets the same list
// (a list is taken as fixed once planned with)
const planTargetsCache = new WeakMap<readonly Target[], PlanTargets>();

function planTargets(targets: readonly Target[]): PlanTargets {
  let prepared = planTargetsCache.get(targets);
  if (prepared) return prepared;
  prepared = { settled: [], chaining: [], years: [], postPools: [] };
  for (const target of targets) {
    if (target.kind === "posts") prepared.postPools.push({ target: target.id, value: target.value });
    if (target.binding !== "binding" || !PLANNABLE.has(target.kind)) continue;
    prepared.years.push(target.year);
    const metric = target.kind === "reference" ? target.measure.metric : "metric" in target ? target.metric : undefined;
    const scoped = "scope" in target && scopeTypes(target.scope) !== undefined;
    const planned: PlannedTarget = { target, metric, scoped };
    if ((target.kind === "ratio" || target.kind === "share") && !scoped) prepared.chaining.push(planned);
    else prepared.settled.push(planned);
  }
  planTargetsCache.set(targets, prepared);
  return prepared;
}

/**
 * The hiring plan of one region: per staff category, the largest stock any binding target requires at the horizon
 * (ratios follow the plan's own stock of the category they are a ratio of), reached in equal yearly steps, with
 * leavers replaced. Every count is a whole number of people; leavers are rounded up, so the plan never falls short.
 */
export function planRegion(region: RegionRecord, targets: readonly Target[], context: EvaluateContext, options: PlanOptions): RegionPlan {
  const { settled: settledTargets, chaining, years: targetYears, postPools } = planTargets(targets);
  let latestTargetYear = -Infinity;
  for (const year of targetYears) if (year > region.year && year > latestTargetYear) latestTargetYear = year;
  const horizon = options.horizon ?? (latestTargetYear > region.year ? latestTargetYear : region.year + 1);
  const horizonSource: RegionPlan["horizonSource"] = options.horizon !== undefined ? "option" : latestTargetYear > region.year ? "targets" : "next-year";
  const steps = Math.max(1, horizon - region.year);
  const growth = Ratio.decimal(options.populationGrowth);
  const attrition = Ratio.decimal(options.attrition);

  const current = new Map<string, number>();
  const base = figureView(region);
  let factor = ONE;
  for (let year = region.year; year < horizon; year++) factor = factor.mul(ONE.add(growth));
  const currentOf = (metric: string) => {
    let value = current.get(metric);
    if (value === undefined) {
      const counted = base.count(metric);
      current.set(metric, (value = counted.ok ? counted.value : 0));
    }
    return value;
  };

  // requirements at the horizon; ratios chain, so iterate until the planned stocks stop moving
  const planned = new Map<string, number>();
  const views = new Map<string | undefined, FigureView>();
  const requirementOf = ({ target, metric: own, scoped }: PlannedTarget): { metric: string; target: string; required: number } | undefined => {
    // a target sees the planned stocks of the other categories (nurses follow the planned physicians), never
    // its own category's, or its requirement would feed on itself
    let view = views.get(own);
    if (!view) views.set(own, (view = projectedView(base, factor, planned, own)));
    const a = assess(target, view, context);
    // not assessable, or short of institutions (an attribute) rather than people: nothing to hire
    if (a.met === undefined || a.shortfall?.institutions) return undefined;
    const metric = a.shortfall?.metric ?? own;
    if (!metric || metricById.get(metric)?.kind !== "headcount") return undefined;
    // a met target asks for no more than there is now; a scoped shortfall adds to the region-wide stock; an
    // unscoped one is measured against the stock the evaluator saw (the planned one, where ratios chain)
    let required = currentOf(metric);
    if (a.shortfall && a.shortfall.count > 0) {
      const counted = view.count(metric);
      required = (scoped || !counted.ok ? currentOf(metric) : counted.value) + a.shortfall.count;
    }
    return { metric, target: target.id, required };
  };
  // only region-wide ratios and shares read another category's planned stock: the others are worked out once
  const settled: Array<{ metric: string; target: string; required: number }> = [];
  for (const t of settledTargets) {
    const r = requirementOf(t);
    if (r) settled.push(r);
  }
  let requirements = new Map<string, Array<{ target: string; required: number }>>();
  const add = ({ metric, target, required }: { metric: string; target: string; required: number }) => {
    const list = requirements.get(metric);
    if (list) list.push({ target, required });
    else requirements.set(metric, [{ target, required }]);
  };
  for (let pass = 0; pass < (chaining.length ? 6 : 1); pass++) {
    views.clear();
    requirements = new Map();
    for (const r of settled) add(r);
    for (const t of chaining) {
      const r = requirementOf(t);
      if (r) add(r);
    }
    let moved = false;
    for (const [metric, list] of requirements) {
      let need = currentOf(metric);
      for (const r of list) if (r.required > need) need = r.required;
      if (planned.get(metric) !== need) {
        planned.set(metric, need);
        moved = true;
      }
    }
    if (!moved) break;
  }

  const categories: CategoryPlan[] = [];
  for (const [metric, list] of [...requirements.entries()].sort(([a], [b]) => compareText(a, b))) {
    list.sort((a, b) => b.required - a.required || compareText(a.target, b.target));
    const now = currentOf(metric);
    const top = list[0]!;
    const requiredAtHorizon = Math.max(now, top.required);
    const years: PlanYear[] = [];
    let stock = now;
    let totalHires = 0;
    for (let step = 1; step <= steps; step++) {
      const year = region.year + step;
      const required = requiredAtHorizon > now ? now + peopleAtLeast(Ratio.of((requiredAtHorizon - now) * step, steps)) : now;
      const leavers = peopleAtLeast(attrition.mul(Ratio.of(stock)));
      const hires = Math.max(0, required - (stock - leavers));
      stock = stock - leavers + hires;
      totalHires += hires;
      years.push({ year, required, leavers, hires, stock });
    }
    // a category none of whose targets asks for more people, and with no leavers to replace, needs no plan
    if (totalHires === 0) continue;
    categories.push({
      metric,
      current: now,
      requiredAtHorizon,
      bindingTarget: top.required > now ? top.target : undefined,
      requirements: list,
      years,
      totalHires,
      flags: [],
    });
  }

  flagFlows(categories, targets, context);

  const establishment = base.count("establishment");
  const staff = base.count("staff");
  // only a complete establishment figure says how many posts stand empty
  const vacancies = establishment.ok && staff.ok && !establishment.partial && !staff.partial ? establishment.value - staff.value : undefined;
  return { startYear: region.year, horizon, horizonSource, categories, vacancies, postPools: postPools.map((pool) => ({ ...pool })) };
}

/** Flow and growth targets (30–50 recruits a year, about +5% a year, ≥ 2 new GPs a year) checked against the plan. */
function flagFlows(categories: CategoryPlan[], targets: readonly Target[], context: EvaluateContext): void {
  for (const target of targets) {
    if (target.kind !== "flow" && target.kind !== "growth") continue;
    const plan = categories.find((c) => c.metric === target.metric);
    if (!plan) continue;
    const tolerance = Ratio.decimal(target.tolerance ?? context.aboutTolerance);
    const value = Ratio.decimal(target.value);
    const low = target.comparator === "about" ? value.mul(ONE.sub(tolerance)) : target.comparator === "at_most" ? undefined : value;
    const high =
      target.comparator === "about" ? value.mul(ONE.add(tolerance)) : target.comparator === "range" || target.comparator === "at_most" ? Ratio.decimal(target.max ?? target.value) : undefined;
    let previous = plan.current;
    for (const year of plan.years) {
      const planned =
        target.kind === "growth"
          ? previous === 0
            ? undefined
            : Ratio.of((year.stock - previous) * 100, previous)
          : Ratio.of(target.flow === "recruits" ? year.hires : year.stock - previous);
      previous = year.stock;
      if (!planned) continue;
      if (high && planned.gt(high)) plan.flags.push({ target: target.id, year: year.year, planned: planned.toNumber(), kind: "above-max", limit: high.toNumber() });
      else if (low && planned.lt(low) && target.binding === "binding")
        plan.flags.push({ target: target.id, year: year.year, planned: planned.toNumber(), kind: "below-min", limit: low.toNumber() });
    }
  }
}
