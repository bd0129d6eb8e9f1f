/**
 * The hiring plan of one region. Per staff category: the stock every binding target requires at the horizon, placed
 * in the institution types where the targets are, consistent with the nesting of categories (a whole's hires are at
 * least the sum of its disjoint parts' hires), reached in equal yearly steps with leavers replaced, capped by the
 * recruits a bureau can take in, and checked against approved posts. No I/O.
 */
import type { Target } from "../catalogue/schema.js";
import { assess, figureView } from "../evaluate/engine.js";
import { HUNDRED, ONE, Ratio, ceilQuotient, peopleAtLeast } from "../evaluate/exact.js";
import type { CountResult, EvaluateContext, FigureView } from "../evaluate/types.js";
import type { RegionRecord } from "../read/record.js";
import { disjointPartLists, metricById, metricIds, withWholes } from "../registry/index.js";
import { compareText } from "../compare-text.js";
import { RegionSlots, addShares, currentCells, placementWeights, sameValues, sumCells, type Cells } from "./placement.js";
import { planTargets, type PlannedTarget } from "./targets.js";
import { planYears, type HorizonSource, type StartSource } from "./years.js";
import { flowFlags, postsPlan, reachedAtCap, type PlanFlag, type PostsPlan } from "./limits.js";
import { categoryTrend, type CategoryTrend } from "./trend.js";

export type { PlanFlag, PostsPlan, CategoryTrend };

export interface PlanOptions {
  /** the first plan year (--from); default: the later of the year after the data and `currentYear` */
  from?: number;
  /** this year (the clock, or SOURCE_DATE_EPOCH); without it the plan starts the year after the data */
  currentYear?: number;
  /** the last year of the plan; default: the latest year of the binding targets still ahead, else the first plan year */
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
  /** hires held to a recruits cap this year */
  capped?: true;
}

export interface Requirement {
  target: string;
  /** the stock the target needs at the horizon, in its scope */
  required: number;
  /** the institution types the target counts; absent: the whole region */
  unitTypes?: readonly string[];
  /** the target's year is before the plan's first year: planned to the horizon, late */
  overdue?: true;
}

export interface UnitTypePlacement {
  /** an institution type, or null for people the region's total counts beyond its institution rows */
  unitType: string | null;
  current: number;
  required: number;
  hires: number;
}

export interface CategoryPlan {
  metric: string;
  /** the planned category containing this one; absent at the top */
  partOf?: string;
  current: number;
  /** the planned stock at the horizon: the binding targets' requirements, its scopes' and its parts' */
  requiredAtHorizon: number;
  /** the target that sets it; undefined when its parts or scopes do, or nothing asks for more than there is */
  bindingTarget: string | undefined;
  /** every binding target's requirement at the horizon, largest first */
  requirements: Requirement[];
  /** the binding target is already due before the plan starts */
  overdue?: true;
  years: PlanYear[];
  totalHires: number;
  /** where the hires go, where the file has institution rows */
  byUnitType?: UnitTypePlacement[];
  /** a recruits cap held the plan back: the year the requirement is reached at the capped pace */
  limit?: { target: string; max: number; reachedYear: number | null };
  /** with several years of the region in the file: its own pace, and when each target would be reached at it */
  trend?: CategoryTrend;
  flags: PlanFlag[];
}

/** A share that can be met two ways: hiring others into the whole, or members of the part moving out of it. */
export interface PlanAlternative {
  target: string;
  /** hire this many of the rest of the whole (practising physicians): what the plan does */
  hire: { metric: string; count: number };
  /** or this many of the part qualify out of it (assistant physicians passing the practising exam) */
  qualify: { metric: string; count: number };
}

export interface RegionPlan {
  startYear: number;
  startSource: StartSource;
  horizon: number;
  horizonSource: HorizonSource;
  /** wholes before their parts */
  categories: CategoryPlan[];
  /** per year, the people hired and leaving, each person once (the top categories' figures) */
  totals: Array<{ year: number; hires: number; leavers: number }>;
  alternatives: PlanAlternative[];
  /** approved posts minus staff, where the file gives both */
  vacancies: number | undefined;
  /** approved posts against the plan, where the file gives a complete establishment */
  posts?: PostsPlan;
  /** approved-post pools and increases (编制) that apply: a ceiling on hires into those posts */
  postPools: Array<{ target: string; value: number }>;
}

/** A category the plan can hire: a headcount inside staff (not approved posts, not institutions). */
function plannable(metric: string): boolean {
  const chain = withWholes(metric);
  return metricById.get(metric)?.kind === "headcount" && chain[chain.length - 1] === "staff";
}

/** Parts before their wholes, so a whole is planned after every part it must hold. */
function depthOrder(metrics: Iterable<string>): string[] {
  const list = [...metrics];
  return sortShort(list, list.every((m) => DEPTH_RANK.has(m)) ? byDepthRank : deeperFirst);
}
const deeperFirst = (a: string, b: string) => withWholes(b).length - withWholes(a).length || compareText(a, b);
const byDepthRank = (a: string, b: string) => DEPTH_RANK.get(a)! - DEPTH_RANK.get(b)!;
/** the registry's metrics in that order, ranked once rather than compared chain by chain for every region */
const DEPTH_RANK: ReadonlyMap<string, number> = new Map([...metricIds].sort(deeperFirst).map((m, i) => [m, i]));

interface Need {
  /** the target is short at the stocks it was assessed against */
  short: boolean;
  metric: string;
  target: string;
  required: number;
  unitTypes: readonly string[] | undefined;
  /** its target and category as one key (see needKey) */
  key: string;
}

const MAX_PASSES = 12;

/**
 * Values by category, in an array by the category's place in the registry: a plan's tables of categories, made
 * for every region, without a map to grow.
 */
class ByMetric<T> {
  private readonly values: Array<T | undefined> = new Array<T | undefined>(metricIds.length);

  get(metric: string): T | undefined {
    return this.values[metricIndex(metric)];
  }

  set(metric: string, value: T): void {
    this.values[metricIndex(metric)] = value;
  }
}

const METRIC_INDEX: ReadonlyMap<string, number> = new Map(metricIds.map((m, i) => [m, i]));

function metricIndex(metric: string): number {
  const i = METRIC_INDEX.get(metric);
  // the plan's categories are the registry's headcounts (see plannable)
  if (i === undefined) throw new Error(`plan: ${metric} is not a metric of the registry`);
  return i;
}

/**
 * Sorts a short list in place, stably, as Array.prototype.sort does: by insertion, without the working copy V8's sort
 * makes of even a list of two (the plan sorts a few dozen short lists per region).
 */
function sortShort<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < list.length; i++) {
    const item = list[i]!;
    let j = i - 1;
    for (; j >= 0 && compare(list[j]!, item) > 0; j--) list[j + 1] = list[j]!;
    list[j + 1] = item;
  }
  return list;
}

const largestRequirementFirst = (a: Requirement, b: Requirement) => b.required - a.required || compareText(a.target, b.target);
const byTarget = (a: { target: string }, b: { target: string }) => compareText(a.target, b.target);
const byMetric = (a: { metric: string }, b: { metric: string }) => compareText(a.metric, b.metric);
/** a category's needs in the order they are placed: scoped ones first, then by target */
const scopedFirst = (a: Need, b: Need) => Number(!a.unitTypes) - Number(!b.unitTypes) || compareText(a.target, b.target);

/**
 * A need's target and category as one key, the same string each time: a key made afresh would be hashed afresh at
 * every look-up of every pass.
 */
function needKey(target: string, metric: string): string {
  let byMetric = needKeys.get(target);
  if (!byMetric) needKeys.set(target, (byMetric = new Map()));
  let key = byMetric.get(metric);
  if (key === undefined) byMetric.set(metric, (key = `${target}\u0000${metric}`));
  return key;
}
const needKeys = new Map<string, Map<string, string>>();
const keyOf = (need: Need) => need.key;
const copyPool = (pool: { target: string; value: number }) => ({ target: pool.target, value: pool.value });

/** The planned stock per cell of a category, as far as a target's need reads it. */
interface PlannedStocks {
  get(metric: string): Cells | undefined;
}

/**
 * The planned stock per category and cell after one pass: the categories of the pass's need layout, parts before
 * wholes, and their cells in the same order (a dozen at most: found by position rather than hashed).
 */
class PlannedCells implements PlannedStocks {
  readonly cells: Cells[] = [];

  constructor(readonly metrics: readonly string[]) {}

  get(metric: string): Cells | undefined {
    const i = this.metrics.indexOf(metric);
    return i < 0 ? undefined : this.cells[i];
  }

  /** The same cells, category by category, as `other`. */
  same(other: PlannedCells): boolean {
    if (this.cells.length !== other.cells.length) return false;
    for (let i = 0; i < this.metrics.length; i++) {
      const cells = this.cells[i]!;
      const then = other.get(this.metrics[i]!);
      if (then !== cells && (!then || !sameValues(cells, then))) return false;
    }
    return true;
  }
}

/**
 * One target's reading of the planned stocks in a region: which it read for its need, and what they were, so that a
 * later pass can tell whether its need could have moved. Made once per target and region, and read afresh as
 * needed.
 */
const NOTHING_PLANNED = new PlannedCells([]);

class TargetReading implements PlannedStocks {
  /** the need has been worked out at least once */
  done = false;
  need: Need | undefined;
  /** the region at the horizon as the target sees it (see ProjectedView), reading the stocks through this */
  view: FigureView | undefined;
  private planned: PlannedCells = NOTHING_PLANNED;
  /** the first `read` are those of the latest reading (the arrays are kept at their longest, not shortened) */
  private readonly metrics: string[] = [];
  private readonly cells: Array<Cells | undefined> = [];
  private read = 0;

  /** Reads the stocks of `planned` from now on, forgetting what was read before. */
  start(planned: PlannedCells): void {
    this.done = true;
    this.planned = planned;
    this.read = 0;
  }

  get(metric: string): Cells | undefined {
    const cells = this.planned.get(metric);
    let i = 0;
    while (i < this.read && this.metrics[i] !== metric) i++;
    if (i === this.read) {
      this.metrics[i] = metric;
      this.cells[i] = cells;
      this.read++;
    }
    return cells;
  }

  /** The stocks it read are the same in `planned` now. */
  unmovedIn(planned: PlannedCells): boolean {
    for (let i = 0; i < this.read; i++) {
      const now = planned.get(this.metrics[i]!);
      const then = this.cells[i];
      if (now === then) continue;
      if (!now || !then || !sameValues(now, then)) return false;
    }
    return true;
  }
}

export function planRegion(
  region: RegionRecord,
  targets: readonly Target[],
  context: EvaluateContext,
  options: PlanOptions,
  history: readonly RegionRecord[] = [],
): RegionPlan {
  const { planned: plannedTargets, targetYears, targetById, flows, capOf, postPools } = planTargets(targets);
  const years = planYears(
    region.year,
    targetYears,
    options,
  );
  const { startYear, horizon } = years;
  const base = figureView(region);
  let factor = ONE;
  const growth = ONE.add(Ratio.decimal(options.populationGrowth));
  for (let year = region.year; year < horizon; year++) factor = factor.mul(growth);

  const currentByMetric = new ByMetric<Cells>();
  const slots = new RegionSlots(region);
  const currentOf = (metric: string): Cells => {
    let cells = currentByMetric.get(metric);
    if (!cells) {
      cells = currentCells(slots, metric);
      // a whole holds its parts: where the file leaves a whole short of them (or empty), it is at least their sum
      for (const { parts } of disjointPartLists(metric)) {
        if (parts.length === 1) {
          raiseTo(cells.values, currentOf(parts[0]!).values);
          continue;
        }
        const sum = slots.zeros();
        for (const part of parts) addTo(sum, currentOf(part).values);
        raiseTo(cells.values, sum);
      }
      currentByMetric.set(metric, cells);
    }
    return cells;
  };
  const hiresIn: HiresIn = (metric, cells, unitTypes) => sumCells(slots, cells, unitTypes) - sumCells(slots, currentOf(metric), unitTypes);
  const viewBase = new ViewBase(base, factor);

  // the planned stock per category and cell at the horizon; grows pass by pass until no target asks for more
  let planned = NOTHING_PLANNED;
  const alternatives = new Map<string, PlanAlternative>();
  // a share met only thanks to its own earlier need (assistant physicians under 15% once practising physicians are
  // hired) keeps that need
  const needByTarget = new Map<string, Need>();
  // every figure a need has had: two shares whose wholes follow each other can swing between two figures for ever
  // (grassroots technicians 1,827 ↔ 1,829); a need coming back to a figure it had is a cycle, and the larger holds
  const seenRequired = new Map<string, number[]>();
  // per planned target, in the list's order: the planned stocks its need read, its view of the region and its need
  const readings: TargetReading[] = [];
  const placedBefore = new ByMetric<PlacedCategory>();
  let layout: NeedLayout | undefined;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let needsMoved = false;
    for (let i = 0; i < plannedTargets.length; i++) {
      const p = plannedTargets[i]!;
      let reading = readings[i];
      if (!reading) {
        reading = new TargetReading();
        reading.view = new ProjectedView(base, viewBase, reading, p.metric, hiresIn);
        readings[i] = reading;
      }
      // a target's need depends only on the planned stocks it reads: where none of them moved since the last pass,
      // its need is the one it had (most of a pass, once the first has planned)
      if (!reading.done || !reading.unmovedIn(planned)) {
        reading.start(planned);
        reading.need = needOf(p, reading.view!, context, alternatives, reading, hiresIn);
      }
      const need = reading.need;
      const key = need ? need.key : "";
      // a target still short sets its need afresh (the stocks it follows may have moved either way); one now met
      // keeps the need that met it
      if (need && (need.short || (needByTarget.get(key)?.required ?? -1) < need.required)) {
        const held = needByTarget.get(key);
        const seen = seenRequired.get(key);
        if (held && held.required !== need.required && seen?.includes(need.required) && need.required < held.required) continue;
        if (!seen) seenRequired.set(key, [need.required]);
        else if (!seen.includes(need.required)) seen.push(need.required);
        if (held?.required !== need.required) needsMoved = true;
        needByTarget.set(key, need);
      }
    }
    // the planned stocks are the needs' (plannedCells is a function of them): the same needs plan the same stocks
    if (!needsMoved) break;
    if (!layout || layout.needs !== needByTarget.size) layout = needLayout(needByTarget);
    const next = plannedCells(layout, needByTarget, slots, currentOf, placedBefore);
    if (next.same(planned)) break;
    planned = next;
  }
  const needs = [...needByTarget.values()];

  // the years: every category in equal steps to its planned stock, parts before wholes, leavers once
  const steps = horizon - startYear + 1;
  const attrition = Ratio.decimal(options.attrition);
  const leaversOf = (stock: number) => attrition.ceilTimes(stock);
  // parts before wholes (the need layout's order): each category's parts are scheduled by the time it is
  const order = planned.metrics;
  const schedule = new ByMetric<PlanYear[]>();
  for (const metric of order) {
    const years: PlanYear[] = [];
    const now = sumCells(slots, currentOf(metric));
    const target = sumCells(slots, planned.get(metric)!);
    const cap = capOf.get(metric);
    const partLists = disjointPartLists(metric);
    let before = now;
    for (let step = 1; step <= steps; step++) {
      const required = target > now ? now + ceilQuotient((target - now) * step, steps) : now;
      let leavers = leaversOf(before);
      let fromParts = 0;
      for (const { parts } of partLists) {
        let hires = 0;
        let left = 0;
        for (const part of parts) {
          const y = schedule.get(part)?.[step - 1];
          if (!y) continue;
          hires += y.hires;
          left += y.leavers;
        }
        // a nurse who leaves is a health technician who leaves; a nurse hired is a health technician hired
        if (left > leavers) leavers = left;
        if (hires > fromParts) fromParts = hires;
      }
      let hires = Math.max(0, required - (before - leavers));
      let capped = false;
      if (cap && hires > cap.max) [hires, capped] = [cap.max, true];
      if (fromParts > hires) hires = fromParts;
      const stock = before - leavers + hires;
      before = stock;
      const year: PlanYear = { year: startYear + step - 1, required, leavers, hires, stock };
      if (capped) year.capped = true;
      years.push(year);
    }
    schedule.set(metric, years);
  }

  const requirementsOf = new Map<string, Requirement[]>();
  for (const n of needs) {
    const target = targetById.get(n.target)!;
    const r: Requirement = { target: n.target, required: n.required };
    if (n.unitTypes) r.unitTypes = n.unitTypes;
    if (target.year < startYear) r.overdue = true;
    const list = requirementsOf.get(n.metric);
    if (list) list.push(r);
    else requirementsOf.set(n.metric, [r]);
  }

  const categories: CategoryPlan[] = [];
  for (const metric of order) {
    const yearsOf = schedule.get(metric)!;
    let totalHires = 0;
    for (const y of yearsOf) totalHires += y.hires;
    // a category nothing asks more of, with no leavers to replace, needs no plan
    if (totalHires === 0) continue;
    const current = sumCells(slots, currentOf(metric));
    const cells = planned.get(metric)!;
    const requiredAtHorizon = sumCells(slots, cells);
    const requirements = sortShort(requirementsOf.get(metric) ?? [], largestRequirementFirst);
    const regionWide = requirements.find((r) => !r.unitTypes);
    const driver =
      regionWide && regionWide.required === requiredAtHorizon && requiredAtHorizon > current
        ? regionWide
        : requirements.find((r) => r.unitTypes && r.required > sumCells(slots, currentOf(metric), r.unitTypes));
    const plan: CategoryPlan = { metric, current, requiredAtHorizon, bindingTarget: driver?.target, requirements, years: yearsOf, totalHires, flags: [] };
    if (driver?.overdue) plan.overdue = true;
    const placement = byUnitType(slots, currentOf(metric), cells);
    if (placement) plan.byUnitType = placement;
    const cap = capOf.get(metric);
    const closing = yearsOf[yearsOf.length - 1]!.stock;
    if (cap && yearsOf.some((y) => y.capped)) plan.limit = { target: cap.target, max: cap.max, reachedYear: reachedAtCap(horizon, closing, requiredAtHorizon, cap.max, leaversOf) };
    const trend = categoryTrend(metric, region, history, requirements);
    if (trend) plan.trend = trend;
    for (const flow of flows) if (flow.metric === metric) plan.flags.push(...flowFlags(plan, flow, context));
    categories.push(plan);
  }
  // partOf: the nearest containing category the plan keeps (every whole of a hired part is hired for too)
  for (const c of categories) {
    const chain = withWholes(c.metric);
    for (let i = 1; i < chain.length && !c.partOf; i++) if (planFor(categories, chain[i]!)) c.partOf = chain[i];
  }

  const totals: RegionPlan["totals"] = [];
  for (let step = 0; step < steps; step++) {
    let hires = 0;
    let leavers = 0;
    for (const c of categories) {
      if (c.partOf) continue;
      hires += c.years[step]!.hires;
      leavers += c.years[step]!.leavers;
    }
    totals.push({ year: startYear + step, hires, leavers });
  }

  const posts = postsPlan(base, totals);
  const establishment = base.count("establishment");
  const staff = base.count("staff");
  const vacancies = establishment.ok && staff.ok && !establishment.partial && !staff.partial ? establishment.value - staff.value : undefined;
  const { startSource, horizonSource } = years;
  const ordered = wholesFirst(categories);
  const others = sortShort([...alternatives.values()], byTarget);
  const pools = postPools.map(copyPool);
  // two literals rather than spreads into one, in the same order of properties: posts, where there are any, before
  // the pools
  return posts
    ? { startYear, startSource, horizon, horizonSource, categories: ordered, totals, alternatives: others, vacancies, posts, postPools: pools }
    : { startYear, startSource, horizon, horizonSource, categories: ordered, totals, alternatives: others, vacancies, postPools: pools };
}

/** Raises each slot of `values` to at least its figure in `floor`. */
function raiseTo(values: number[], floor: readonly number[]): void {
  for (let slot = 0; slot < values.length; slot++) if (floor[slot]! > values[slot]!) values[slot] = floor[slot]!;
}

function addTo(values: number[], more: readonly number[]): void {
  for (let slot = 0; slot < values.length; slot++) values[slot]! += more[slot]!;
}

function planFor(categories: readonly CategoryPlan[], metric: string): CategoryPlan | undefined {
  for (const c of categories) if (c.metric === metric) return c;
  return undefined;
}

/** Each whole followed by its parts ("of which"), parts in the order of the categories' ids. */
function wholesFirst(categories: CategoryPlan[]): CategoryPlan[] {
  const partsOf = new Map<string | undefined, CategoryPlan[]>();
  for (const c of categories) {
    const list = partsOf.get(c.partOf);
    if (list) list.push(c);
    else partsOf.set(c.partOf, [c]);
  }
  for (const list of partsOf.values()) sortShort(list, byMetric);
  const out: CategoryPlan[] = [];
  const visit = (parent: string | undefined) => {
    for (const c of partsOf.get(parent) ?? []) {
      out.push(c);
      visit(c.metric);
    }
  };
  visit(undefined);
  return out;
}

function byUnitType(slots: RegionSlots, current: Cells, planned: Cells): UnitTypePlacement[] | undefined {
  if (current.layout.order.length === 1) return undefined;
  const out: UnitTypePlacement[] = [];
  for (const slot of planned.layout.order) {
    const now = current.values[slot]!;
    const required = planned.values[slot]!;
    const unplaced = slot === slots.unplaced;
    if (unplaced && now === 0 && required === 0) continue;
    out.push({ unitType: unplaced ? null : slots.types[slot]!, current: now, required, hires: required - now });
  }
  return out;
}

/**
 * What every target's view of a region starts from: the region's populations at the horizon, projected once per
 * basis, and its counts now, found once per category and scope (a count is only read, never changed).
 */
class ViewBase {
  private readonly populations = new Map<string, Ratio | undefined>();
  private readonly counts = new Map<string, Map<readonly string[] | undefined, CountResult>>();

  constructor(
    private readonly base: FigureView,
    private readonly factor: Ratio,
  ) {}

  count(metric: string, unitTypes: readonly string[] | undefined): CountResult {
    let byScope = this.counts.get(metric);
    if (!byScope) this.counts.set(metric, (byScope = new Map()));
    let counted = byScope.get(unitTypes);
    if (!counted) byScope.set(unitTypes, (counted = this.base.count(metric, unitTypes)));
    return counted;
  }

  population(basis: Parameters<FigureView["population"]>[0]): Ratio | undefined {
    if (this.populations.has(basis)) return this.populations.get(basis);
    const now = this.base.population(basis);
    const projected = now ? now.mul(this.factor) : undefined;
    this.populations.set(basis, projected);
    return projected;
  }
}

type HiresIn = (metric: string, cells: Cells, unitTypes?: readonly string[]) => number;

/**
 * A view of the region at the horizon for one target: projected populations, and the planned stocks of the
 * categories, scope by scope. The target's own category is seen as it is now, and its planned hires are taken out
 * of the wholes that contain it (a share of staff that hires technicians must not chase the staff it adds). One
 * class for every target's view, so the evaluators reading them see one shape.
 */
class ProjectedView implements FigureView {
  readonly region: RegionRecord;
  readonly history: readonly RegionRecord[];
  /** the target's own category and the wholes containing it */
  private readonly ownChain: readonly string[];

  constructor(
    base: FigureView,
    private readonly figures: ViewBase,
    private readonly planned: PlannedStocks,
    private readonly own: string | undefined,
    private readonly hiresIn: HiresIn,
  ) {
    this.region = base.region;
    this.history = base.history;
    this.ownChain = own ? withWholes(own) : [];
  }

  population(basis: Parameters<FigureView["population"]>[0]): Ratio | undefined {
    return this.figures.population(basis);
  }

  count(metric: string, unitTypes?: readonly string[]): CountResult {
    const { own, planned, hiresIn } = this;
    const counted = this.figures.count(metric, unitTypes);
    const cells = metric === own ? undefined : planned.get(metric);
    if (!cells || !counted.ok) return counted;
    let value = counted.value + hiresIn(metric, cells, unitTypes);
    const ownPlan = this.ownChain.indexOf(metric) > 0 ? planned.get(own!) : undefined;
    if (ownPlan) value -= hiresIn(own!, ownPlan, unitTypes);
    return { ok: true, value, partial: counted.partial };
  }
}

/**
 * What one target needs: a stock of one category in its scope at the horizon. A share above its ceiling (assistant
 * physicians over 15% of physicians) hires the rest of the whole (practising physicians), and records the other way.
 */
function needOf(
  { target, metric: own, unitTypes }: PlannedTarget,
  view: FigureView,
  context: EvaluateContext,
  alternatives: Map<string, PlanAlternative>,
  planned: PlannedStocks,
  hiresIn: HiresIn,
): Need | undefined {
  const a = assess(target, view, context);
  // not assessable, or short of institutions (an attribute) rather than people: nothing to hire
  if (a.met === undefined || a.shortfall?.institutions) return undefined;
  let metric = a.shortfall?.metric ?? own;
  if (!metric || !plannable(metric)) return undefined;
  const counted = view.count(metric, unitTypes);
  if (!counted.ok) return undefined;
  let required = counted.value + (a.shortfall && a.shortfall.count > 0 ? a.shortfall.count : 0);
  // the whole contains the part: by the registry (technicians within staff), or within the target's scope only
  // (physicians practising in village clinics are village-clinic doctors, physicians elsewhere are not)
  const nested = target.kind === "share" && withWholes(metric).includes(target.of);
  if (target.kind === "share" && target.comparator !== "at_most" && metric === own && a.shortfall && (nested || target.partOfWhole)) {
    // technicians ≥ 75% of grassroots staff, where the staff are already planned to grow for other reasons (a
    // grassroots density): the technicians can be those hires, so the share of the planned staff is enough, as long
    // as it fits in them; otherwise every technician hired grows the staff too, which is what the evaluator counts.
    // A whole nested by the registry is seen without the part's hires (see ProjectedView) and holds them in its plan;
    // one that holds the part only within the scope (village-clinic doctors) is planned for its own targets alone, so
    // the part's hires are to be found among the whole's, not beside them
    const wholeCells = planned.get(target.of);
    const ownCells = planned.get(own);
    if (wholeCells) {
      const whole = view.count(target.of, unitTypes);
      const ownHires = ownCells ? hiresIn(own, ownCells, unitTypes) : 0;
      const heldHires = nested ? ownHires : 0;
      const wholeHires = hiresIn(target.of, wholeCells, unitTypes);
      if (whole.ok && wholeHires > heldHires) {
        const plannedWhole = whole.value + heldHires;
        const enough = peopleAtLeast(Ratio.decimal(target.value).div(HUNDRED).mul(Ratio.of(plannedWhole)));
        if (enough - counted.value <= wholeHires) required = Math.min(required, Math.max(counted.value, enough));
      }
    }
  }
  if (target.kind === "share" && own && metric !== own && a.shortfall) {
    const rest = disjointPartLists(metric).find((l) => l.complete && l.parts.includes(own) && l.parts.length === 2)?.parts.find((p) => p !== own);
    if (rest) {
      const share = Ratio.decimal(target.max ?? target.value).div(HUNDRED);
      const part = view.count(own, unitTypes);
      // the rest of a complete pair, where the file does not give it, is the whole less the part
      const stated = view.count(rest, unitTypes);
      const restNow = stated.ok || !part.ok ? stated : { ok: true as const, value: Math.max(0, counted.value - part.value), partial: counted.partial };
      if (part.ok && restNow.ok && !alternatives.has(target.id)) {
        // (part − q) / whole ≤ share: the fewest of the part who would have to move to the rest
        const qualify = peopleAtLeast(Ratio.of(part.value).sub(share.mul(Ratio.of(counted.value))));
        alternatives.set(target.id, { target: target.id, hire: { metric: rest, count: a.shortfall.count }, qualify: { metric: own, count: qualify } });
      }
      if (restNow.ok) {
        metric = rest;
        required = restNow.value + a.shortfall.count;
      }
    }
  }
  return { short: a.shortfall !== undefined && a.shortfall.count > 0, metric, target: target.id, required, unitTypes, key: needKey(target.id, metric) };
}

/**
 * The categories a plan's needs make it plan, parts before wholes (each need's category and every whole containing
 * it), and each category's needs by key, scoped ones first, in the order they are placed. Needs are only ever added
 * or replaced, never taken away: the layout is worked out again only when there are more of them.
 */
interface NeedLayout {
  /** how many needs it was worked out for */
  needs: number;
  order: string[];
  keysByMetric: Map<string, string[]>;
}

function needLayout(needs: ReadonlyMap<string, Need>): NeedLayout {
  const metrics = new Set<string>();
  const byMetric = new Map<string, Need[]>();
  for (const n of needs.values()) {
    for (const m of withWholes(n.metric)) metrics.add(m);
    const list = byMetric.get(n.metric);
    if (list) list.push(n);
    else byMetric.set(n.metric, [n]);
  }
  const keysByMetric = new Map<string, string[]>();
  for (const [metric, list] of byMetric) {
    sortShort(list, scopedFirst);
    keysByMetric.set(metric, list.map(keyOf));
  }
  return { needs: needs.size, order: depthOrder(metrics), keysByMetric };
}

/**
 * What one category's planned cells were worked out from in the last pass: the same part cells (the same objects) and
 * the same needs give the same cells, so a pass reuses them rather than placing the hires again.
 */
interface PlacedCategory {
  parts: Array<Cells | undefined>;
  needs: Need[];
  /** before a group's staff is raised to the staff planned in its group's cells */
  placed: Cells;
  whole: Cells | undefined;
  /** after */
  cells: Cells;
}

/**
 * The planned stock per category and cell that meets every need: parts first, then each whole holds its parts'
 * hires cell by cell (the largest of its lists of disjoint parts), then its scoped needs go to the cells of their
 * scope and its region-wide needs to all its cells, in proportion to where its people are now. A group's staff
 * (grassroots_staff) then shows the staff planned in its group's cells. Planned cells are never changed once made:
 * `last` keeps each category's from the pass before, reused where nothing it was made from moved.
 */
function plannedCells(
  layout: NeedLayout,
  needs: ReadonlyMap<string, Need>,
  slots: RegionSlots,
  currentOf: (metric: string) => Cells,
  last: ByMetric<PlacedCategory>,
): PlannedCells {
  const out = new PlannedCells(layout.order);
  for (const metric of layout.order) {
    const partMetrics = partsOf(metric);
    const keys = layout.keysByMetric.get(metric) ?? NO_KEYS;
    const before = last.get(metric);
    if (before && samePlacedParts(before.parts, partMetrics, out) && sameNeeds(before.needs, keys, needs)) {
      out.cells.push(before.placed);
      continue;
    }
    // what it is placed from, kept for the next pass in the arrays of the last placement where there was one
    const parts = before ? before.parts : [];
    const own = before ? before.needs : [];
    for (let i = 0; i < partMetrics.length; i++) parts[i] = out.get(partMetrics[i]!);
    for (let i = 0; i < keys.length; i++) own[i] = needs.get(keys[i]!)!;
    if (own.length > keys.length) own.length = keys.length;
    const placed = placeCategory(metric, own, slots, currentOf, out);
    if (before) {
      before.placed = placed;
      before.whole = undefined;
      before.cells = placed;
    } else last.set(metric, { parts, needs: own, placed, whole: undefined, cells: placed });
    out.cells.push(placed);
  }
  // a group's staff is the staff planned in its group's cells, and the staff hold at least its own needs
  for (let i = 0; i < layout.order.length; i++) {
    const metric = layout.order[i]!;
    const placed = out.cells[i]!;
    const whole = metricById.get(metric)?.derivedFrom?.metric;
    const wholeCells = whole ? out.get(whole) : undefined;
    if (!wholeCells) continue;
    const made = last.get(metric)!;
    if (made.placed === placed && made.whole === wholeCells) {
      out.cells[i] = made.cells;
      continue;
    }
    let cells = placed;
    for (const slot of placed.layout.order) {
      const floor = wholeCells.values[slot]!;
      if (slot === slots.unplaced || floor <= placed.values[slot]!) continue;
      if (cells === placed) cells = { layout: placed.layout, values: placed.values.slice() };
      cells.values[slot] = floor;
    }
    made.whole = wholeCells;
    made.cells = cells;
    out.cells[i] = cells;
  }
  return out;
}

/** One category's planned cells from its current stock, its parts' planned hires (in `out`) and its own needs. */
function placeCategory(metric: string, own: readonly Need[], slots: RegionSlots, currentOf: (metric: string) => Cells, out: PlannedStocks): Cells {
  const now = currentOf(metric);
  const { layout } = now;
  const values = now.values.slice();
  // the most any one list of disjoint parts hires, cell by cell: a part's cells are among its whole's
  const fromParts = slots.spare.fill(0);
  for (const list of disjointPartLists(metric)) {
    if (list.parts.length === 1) {
      // one part alone (most lists): its hires per cell, with no sum to make
      const partCells = out.get(list.parts[0]!);
      if (!partCells) continue;
      const partNow = currentOf(list.parts[0]!).values;
      for (const slot of partCells.layout.order) {
        const hires = partCells.values[slot]! - partNow[slot]!;
        if (hires > fromParts[slot]!) fromParts[slot] = hires;
      }
      continue;
    }
    const sum = slots.sums.fill(0);
    for (const part of list.parts) {
      const partCells = out.get(part);
      if (!partCells) continue;
      const partNow = currentOf(part).values;
      for (const slot of partCells.layout.order) sum[slot]! += partCells.values[slot]! - partNow[slot]!;
    }
    raiseTo(fromParts, sum);
  }
  addTo(values, fromParts);
  const cells: Cells = { layout, values };
  for (const n of own) {
    const deficit = n.required - sumCells(slots, cells, n.unitTypes);
    if (deficit <= 0) continue;
    const keys = n.unitTypes ? slots.slotsIn(layout, n.unitTypes) : layout.order;
    if (keys.length === 0) continue;
    const weightsBySlot = placementWeights(keys, currentOf, metric);
    for (let i = 0; i < keys.length; i++) spareWeights[i] = weightsBySlot ? weightsBySlot[keys[i]!]! : 0;
    addShares(values, deficit, keys, spareWeights, fromParts.fill(0));
  }
  return cells;
}

const NO_KEYS: readonly string[] = [];
// placeCategory's weights of the cells a need is placed in, written from the start for each need (never shortened,
// which would drop its storage)
const spareWeights: number[] = [];

/** Every part of a metric, list after list of its disjoint parts: the same array each time. */
function partsOf(metric: string): readonly string[] {
  let parts = partsCache.get(metric);
  if (!parts) partsCache.set(metric, (parts = disjointPartLists(metric).flatMap((list) => list.parts)));
  return parts;
}
const partsCache = new Map<string, readonly string[]>();

/** The parts' planned cells in `out` are the same objects as `before`, part by part. */
function samePlacedParts(before: ReadonlyArray<Cells | undefined>, parts: readonly string[], out: PlannedStocks): boolean {
  if (before.length !== parts.length) return false;
  for (let i = 0; i < parts.length; i++) if (before[i] !== out.get(parts[i]!)) return false;
  return true;
}

/** The needs `keys` name in `needs` place the same hires as `before`: the same targets, figures and scopes, in order. */
function sameNeeds(before: readonly Need[], keys: readonly string[], needs: ReadonlyMap<string, Need>): boolean {
  if (before.length !== keys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const x = before[i]!;
    const y = needs.get(keys[i]!)!;
    if (x !== y && (x.target !== y.target || x.required !== y.required || x.unitTypes !== y.unitTypes)) return false;
  }
  return true;
}
