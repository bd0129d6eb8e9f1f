/** What bounds the plan: yearly recruits a bureau can take in, and approved posts (编制) to put the hires in. */
import type { Target } from "../catalogue/schema.js";
import type { EvaluateContext, FigureView } from "../evaluate/types.js";
import { ONE, Ratio } from "../evaluate/exact.js";

export interface PlanFlag {
  target: string;
  year: number;
  /** the plan's figure that year: hires, net increase or growth percent */
  planned: number;
  kind: "above-max" | "below-min";
  limit: number;
}

/** Flow and growth targets (30–50 recruits a year, about +5% a year, ≥ 2 new GPs a year) checked against a category's plan. */
export function flowFlags(
  plan: { current: number; years: ReadonlyArray<{ year: number; hires: number; stock: number }> },
  target: Extract<Target, { kind: "flow" | "growth" }>,
  context: EvaluateContext,
): PlanFlag[] {
  const flags: PlanFlag[] = [];
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
    if (high && planned.gt(high)) flags.push({ target: target.id, year: year.year, planned: planned.toNumber(), kind: "above-max", limit: high.toNumber() });
    else if (low && planned.lt(low) && target.binding === "binding") flags.push({ target: target.id, year: year.year, planned: planned.toNumber(), kind: "below-min", limit: low.toNumber() });
  }
  return flags;
}

/**
 * The year a stock reaches `required` with hires capped at `cap` a year and leavers replaced out of them, going on
 * after the plan's last year from its closing stock. null: at that pace it never does (the cap does not outrun the
 * leavers), or not within a century.
 */
export function reachedAtCap(afterYear: number, stock: number, required: number, cap: number, leaversOf: (stock: number) => number): number | null {
  if (stock >= required) return afterYear;
  for (let year = afterYear + 1; year <= afterYear + 100; year++) {
    const kept = stock - leaversOf(stock);
    const next = kept + Math.min(cap, Math.max(0, required - kept));
    if (next >= required) return year;
    if (next <= stock) return null;
    stock = next;
  }
  return null;
}

export interface PostsPlan {
  establishment: number;
  staff: number;
  /** establishment − staff: negative when staff exceed the approved posts (超编) */
  vacancies: number;
  overEstablishment: boolean;
  /** per year, how many of the plan's hires need approved posts that do not exist yet */
  years: Array<{ year: number; netIncrease: number; newPosts: number }>;
}

/**
 * Approved posts against the plan: hires that replace leavers take the posts they leave; a net increase fills the
 * vacancies first, and beyond them needs new posts (all of it where staff already exceed the establishment).
 */
export function postsPlan(view: FigureView, totals: ReadonlyArray<{ year: number; hires: number; leavers: number }>): PostsPlan | undefined {
  const establishment = view.count("establishment");
  const staff = view.count("staff");
  // only a complete establishment figure says how many posts stand empty
  if (!establishment.ok || !staff.ok || establishment.partial || staff.partial) return undefined;
  const vacancies = establishment.value - staff.value;
  let growth = 0;
  let needed = 0;
  const years = totals.map((t) => {
    growth += t.hires - t.leavers;
    const cumulative = Math.max(0, growth - Math.max(0, vacancies));
    const newPosts = cumulative - needed;
    needed = cumulative;
    return { year: t.year, netIncrease: t.hires - t.leavers, newPosts: Math.max(0, newPosts) };
  });
  return { establishment: establishment.value, staff: staff.value, vacancies, overEstablishment: vacancies < 0, years };
}
