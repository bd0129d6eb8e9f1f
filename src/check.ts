/** The main job as a pure function: normalised regions + catalogue → evaluations and hiring plans. No I/O. */
import { applicableTargets, levelOfCode, LEVELS, regionPrefix, type Catalogue, type Level } from "./catalogue/catalogue.js";
import { evaluateRegion } from "./evaluate/engine.js";
import { decidingTargets, type PlanMode } from "./evaluate/precedence.js";
import type { EvaluateContext, Evaluation, Status } from "./evaluate/types.js";
import { planRegion, type PlanOptions, type RegionPlan } from "./plan/plan.js";
import type { Target } from "./catalogue/schema.js";
import type { ReadResult } from "./read/reader.js";
import type { RegionRecord } from "./read/record.js";
import { compareText } from "./compare-text.js";
import { InvalidOptionError } from "./errors.js";
import { checkPlanArguments } from "./plan/options.js";
import type { Diagnostic } from "./read/diagnostics.js";

export interface CheckOptions extends PlanOptions {
  /** named templates to apply to every region (targets of documents for an unnamed district) */
  templates?: readonly string[];
  /**
   * own (default): where a region has its own target for a measure, broader levels' targets for it are context,
   * neither planned for nor failing; strictest: every target decides and the plan follows the largest requirement
   */
  plan?: PlanMode;
  /**
   * columns the input has under a header that was not recognised (column id → the header as written): a target not
   * assessed for want of one says so (see unrecognisedColumns in read/columns.ts)
   */
  unrecognisedColumns?: ReadonlyMap<string, string>;
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

/** The diagnostics of the input a check ran on (its warnings: a check does not run on errors), for the report. */
export interface InputSummary {
  files: string[];
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
}

export interface RollupYear {
  year: number;
  hires: number;
  leavers: number;
}

/** Everything of a check but the regions' own results: what a report needs around them. */
export interface CheckSummary {
  catalogue: { version: string; published: string; targets: number };
  assumptions: {
    populationGrowth: number;
    attrition: number;
    horizon: number | null;
    /** --from, or null: each region's plan starts at the later of the year after its data and currentYear */
    from: number | null;
    /** the year the run took as this year (the clock or SOURCE_DATE_EPOCH), or null when none was given */
    currentYear: number | null;
    templates: string[];
    aboutTolerance: number;
    plan: PlanMode;
  };
  /** region-years checked */
  regionCount: number;
  /** the targets evaluated for at least one region, by id */
  targetsUsed: ReadonlyMap<string, Target>;
  /**
   * hires per category and year, summed over the regions of one level at a time: a file with a province and its
   * prefectures holds the same people twice, once in the province's figures and once in theirs; partOf as in the plans
   */
  rollup: Array<{ level: Level; metric: string; partOf?: string; years: RollupYear[]; totalHires: number }>;
  /** per level and year, each person once: the sum of that level's regions' plan totals */
  rollupTotals: Array<RollupYear & { level: Level }>;
  /** the levels of the regions checked, from the nation down, with how many region-years of each */
  levels: Array<{ level: Level; regions: number }>;
  counts: Record<Status, number>;
  /** the input's diagnostics, where the caller gives them */
  input?: InputSummary;
}

export interface CheckResult extends CheckSummary {
  /** worst first (compareRegionResults) */
  regions: RegionResult[];
}

/** Worst first: what asks for people, then what a bureau should look at, then what is only shown. */
export const STATUS_ORDER: readonly Status[] = ["overdue", "short", "advisory", "above_range", "benchmark", "not_assessed", "context", "info", "met"];

function emptyCounts(): Record<Status, number> {
  return { met: 0, short: 0, overdue: 0, advisory: 0, above_range: 0, benchmark: 0, context: 0, not_assessed: 0, info: 0 };
}

/**
 * Worst first: overdue and short before advisory …, larger relative gaps first, then level and id. What is compared
 * is worked out once per evaluation, not at every comparison.
 */
function sortByUrgency(evaluations: Evaluation[]): Evaluation[] {
  const keyed = evaluations.map((e) => ({ e, status: STATUS_ORDER.indexOf(e.status), gap: relativeGap(e), level: LEVELS.indexOf(e.target.level) }));
  keyed.sort((a, b) => a.status - b.status || b.gap - a.gap || a.level - b.level || compareText(a.e.target.id, b.e.target.id));
  for (let i = 0; i < keyed.length; i++) evaluations[i] = keyed[i]!.e;
  return evaluations;
}

function relativeGap(e: Evaluation): number {
  if (!e.current || !e.required || e.required.isZero()) return 0;
  return Math.abs(e.required.sub(e.current).div(e.required).toNumber());
}

/** What orders region results, worst first: kept on its own so a streamed report need not hold the results. */
export interface RegionOrderKey {
  code: string;
  year: number;
  /** overdue and short targets */
  findings: number;
  peopleShort: number;
}

export function orderKey(result: RegionResult): RegionOrderKey {
  return { code: result.code, year: result.year, findings: result.counts.overdue + result.counts.short, peopleShort: result.peopleShort };
}

/** Regions with more binding shortfalls first, then more people short, then by code and year. */
export function compareRegions(a: RegionOrderKey, b: RegionOrderKey): number {
  return b.findings - a.findings || b.peopleShort - a.peopleShort || compareText(a.code, b.code) || a.year - b.year;
}

/**
 * A check taken one region code at a time, keeping only the totals (counts, roll-up, targets used): the caller
 * decides what to keep of each region's results. `check` is this run over a whole read, holding every result.
 */
export class CheckRun {
  private readonly counts = emptyCounts();
  private readonly selection: { templates: readonly string[] };
  private readonly targetsUsed = new Map<string, Target>();
  /** by level, then category */
  private readonly hiresByMetric = new Map<Level, Map<string, Map<number, RollupYear>>>();
  private readonly partOf = new Map<string, string>();
  /** by level, then year */
  private readonly totalsByYear = new Map<Level, Map<number, RollupYear>>();
  private readonly regionsByLevel = new Map<Level, number>();
  /** one list per distinct set of applicable targets: most codes share theirs with many others (see applicableTo) */
  private readonly targetLists = new Map<string, { targets: Target[]; context: EvaluateContext }>();
  /** the same lists by what decides which targets apply to a code (see coverKey) */
  private readonly listsByCover = new Map<string, { targets: Target[]; context: EvaluateContext }>();
  /** the regions the catalogue's targets are for, templates aside */
  private readonly targetRegions: string[];
  private regionCount = 0;

  constructor(
    private readonly catalogue: Catalogue,
    private readonly options: CheckOptions,
  ) {
    checkPlanArguments(catalogue, options);
    this.selection = { templates: options.templates ?? [] };
    this.targetRegions = [...new Set(catalogue.targets.flatMap((t) => (t.template === undefined ? [t.region] : [])))];
  }

  /** Evaluates every year of one region code (the latest year also gets a plan); returns one result per year. */
  addCode(code: string, records: readonly RegionRecord[]): RegionResult[] {
    const years = [...records].sort((a, b) => a.year - b.year);
    const { targets, context } = this.applicableTo(code);
    const mode = this.options.plan ?? "own";
    return years.map((record, i) => {
      const history = years.slice(0, i).reverse();
      const evaluations = sortByUrgency(evaluateRegion(record, targets, this.catalogue, history, mode));
      if (this.options.unrecognisedColumns?.size) nameUnrecognised(evaluations, this.options.unrecognisedColumns);
      const regionCounts = emptyCounts();
      for (const e of evaluations) {
        regionCounts[e.status]++;
        this.counts[e.status]++;
      }
      const latest = i === years.length - 1;
      const plan = latest ? planRegion(record, decidingTargets(targets, mode), context, this.options, history) : undefined;
      const peopleShort = plan ? plan.categories.reduce((n, c) => n + Math.max(0, c.requiredAtHorizon - c.current), 0) : 0;
      const level = levelOfCode(code);
      if (plan) this.addToRollup(plan, level);
      this.regionCount++;
      this.regionsByLevel.set(level, (this.regionsByLevel.get(level) ?? 0) + 1);
      return {
        code,
        name: record.name,
        year: record.year,
        level,
        line: record.line,
        record,
        evaluations,
        plan,
        counts: regionCounts,
        peopleShort,
      };
    });
  }

  /**
   * The targets that apply to a code, as the same array for every code with the same targets, so what the plan
   * works out per target list (planTargets) is worked out once per list rather than once per region.
   */
  private applicableTo(code: string): { targets: Target[]; context: EvaluateContext } {
    const cover = this.coverKey(code);
    const known = this.listsByCover.get(cover);
    if (known) return known;
    const targets = applicableTargets(this.catalogue, code, this.selection);
    const key = targets.map((t) => t.id).join("\n");
    let list = this.targetLists.get(key);
    if (!list) {
      for (const t of targets) if (!this.targetsUsed.has(t.id)) this.targetsUsed.set(t.id, t);
      list = { targets, context: { applicable: targets, aboutTolerance: this.catalogue.aboutTolerance } };
      this.targetLists.set(key, list);
    }
    this.listsByCover.set(cover, list);
    return list;
  }

  /**
   * What decides which targets apply to a code (see applicableTargets): its level, and for each region the catalogue
   * has targets for, whether that region covers the code and whether it is the code (a total applies only there).
   * Codes with the same key have the same targets, found without going through the catalogue for each code.
   */
  private coverKey(code: string): string {
    let key = levelOfCode(code);
    for (const region of this.targetRegions) key += region === code ? "=" : code.startsWith(regionPrefix(region)) ? "+" : "-";
    return key;
  }

  summary(): CheckSummary {
    const { catalogue, options } = this;
    return {
      catalogue: { version: catalogue.version, published: catalogue.published, targets: catalogue.targets.length },
      assumptions: {
        populationGrowth: options.populationGrowth,
        attrition: options.attrition,
        horizon: options.horizon ?? null,
        from: options.from ?? null,
        currentYear: options.currentYear ?? null,
        templates: [...(options.templates ?? [])],
        aboutTolerance: catalogue.aboutTolerance,
        plan: options.plan ?? "own",
      },
      regionCount: this.regionCount,
      targetsUsed: new Map([...this.targetsUsed].sort(([a], [b]) => compareText(a, b))),
      rollup: this.rollup(),
      rollupTotals: LEVELS.flatMap((level) =>
        [...(this.totalsByYear.get(level)?.values() ?? [])].sort((a, b) => a.year - b.year).map((y) => ({ level, ...y })),
      ),
      levels: LEVELS.flatMap((level) => (this.regionsByLevel.has(level) ? [{ level, regions: this.regionsByLevel.get(level)! }] : [])),
      counts: { ...this.counts },
    };
  }

  /** The same rule as a region's plan, within the region's level: a category's figures and, for the totals, only the top categories', once. */
  private addToRollup(plan: RegionPlan, level: Level): void {
    let totals = this.totalsByYear.get(level);
    if (!totals) this.totalsByYear.set(level, (totals = new Map()));
    for (const t of plan.totals) {
      const row = totals.get(t.year) ?? { year: t.year, hires: 0, leavers: 0 };
      row.hires += t.hires;
      row.leavers += t.leavers;
      totals.set(t.year, row);
    }
    let byMetric = this.hiresByMetric.get(level);
    if (!byMetric) this.hiresByMetric.set(level, (byMetric = new Map()));
    for (const category of plan.categories) {
      if (category.partOf) this.partOf.set(category.metric, category.partOf);
      let years = byMetric.get(category.metric);
      if (!years) byMetric.set(category.metric, (years = new Map()));
      for (const y of category.years) {
        const row = years.get(y.year) ?? { year: y.year, hires: 0, leavers: 0 };
        row.hires += y.hires;
        row.leavers += y.leavers;
        years.set(y.year, row);
      }
    }
  }

  /** Total hires per level, category and year across the regions' plans: never summed across levels. */
  private rollup(): CheckSummary["rollup"] {
    return LEVELS.flatMap((level) =>
      [...(this.hiresByMetric.get(level) ?? new Map<string, Map<number, RollupYear>>()).entries()]
        .sort(([a], [b]) => compareText(a, b))
        .map(([metric, years]) => {
          const list = [...years.values()].sort((a, b) => a.year - b.year).map((y) => ({ ...y }));
          const partOf = this.partOf.get(metric);
          return { level, metric, ...(partOf ? { partOf } : {}), years: list, totalHires: list.reduce((n, y) => n + y.hires, 0) };
        }),
    );
  }
}

/** A target not assessed for want of a column the input has under a header not recognised: the remark names it. */
function nameUnrecognised(evaluations: Evaluation[], unrecognised: ReadonlyMap<string, string>): void {
  for (const e of evaluations) {
    if (e.status !== "not_assessed") continue;
    e.remarks = e.remarks.map((r) => (r.kind === "missing-column" && unrecognised.has(r.column) ? { ...r, unrecognised: unrecognised.get(r.column)! } : r));
  }
}

/**
 * Records grouped by code, for records that come in code order, as a reader's finished regions do: a code that
 * comes back after another is an error, not a second group.
 */
export function* codeGroups(records: Iterable<RegionRecord>): Generator<[code: string, records: RegionRecord[]]> {
  let group: RegionRecord[] = [];
  let previous: string | undefined;
  for (const record of records) {
    if (record.code !== previous) {
      if (previous !== undefined) {
        if (compareText(record.code, previous) < 0) throw new Error(`codeGroups: ${record.code} after ${previous}`);
        yield [previous, group];
      }
      previous = record.code;
      group = [];
    }
    group.push(record);
  }
  if (previous !== undefined) yield [previous, group];
}

/** Where `keep` put a region's result, with what orders it among the others. */
export type PlacedResult = RegionOrderKey & { index: number };

/**
 * Evaluates and plans the regions one code at a time (each code's years together) and hands each result to `keep`,
 * which returns where it put it. Returns those places, worst region first: the order of every report.
 */
export function checkCodes(run: CheckRun, codes: Iterable<[code: string, records: RegionRecord[]]>, keep: (result: RegionResult) => number): PlacedResult[] {
  const order: PlacedResult[] = [];
  for (const [code, records] of codes) {
    // completed in place rather than spread into a new object, which in V8 would give every key a map of its own and
    // make the sort's reads miss their inline caches
    for (const result of run.addCode(code, records)) order.push(Object.assign(orderKey(result), { index: keep(result) }));
  }
  return order.sort(compareRegions);
}

/** Evaluates and plans regions held in memory, in any order. */
export function check(read: Pick<ReadResult, "regions">, catalogue: Catalogue, options: CheckOptions): CheckResult {
  if (typeof read !== "object" || read === null || !Array.isArray(read.regions)) throw new InvalidOptionError("read", read, "a ReadResult (from readStatistics)");
  const run = new CheckRun(catalogue, options);
  const latest = read.regions.reduce((year, r) => Math.max(year, r.year), -Infinity);
  if (options.horizon !== undefined && options.horizon <= latest) {
    throw new InvalidOptionError("options.horizon", options.horizon, `a year after the data's latest year (${latest})`);
  }
  const byCode = new Map<string, RegionRecord[]>();
  for (const region of read.regions) {
    const list = byCode.get(region.code);
    if (list) list.push(region);
    else byCode.set(region.code, [region]);
  }
  const results: RegionResult[] = [];
  const order = checkCodes(run, byCode, (result) => results.push(result) - 1);
  return { ...run.summary(), regions: order.map((placed) => results[placed.index]!) };
}

export type FailOn = "shortfall" | "advisory" | "none";

/**
 * Whether the result has findings under --fail-on: `shortfall` counts short and overdue targets, `advisory` also
 * non-binding targets not met and figures above a range. Benchmarks and context never fail a run.
 */
export function hasFindings(result: Pick<CheckSummary, "counts">, failOn: FailOn): boolean {
  if (failOn === "none") return false;
  const c = result.counts;
  const short = c.short + c.overdue;
  return failOn === "advisory" ? short + c.advisory + c.above_range > 0 : short > 0;
}
