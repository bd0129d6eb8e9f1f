import type { Target } from "../catalogue/schema.js";
import { scopeTypes } from "../evaluate/compare.js";
import { Ratio, ONE } from "../evaluate/exact.js";

/** A binding target the plan follows, with what the plan asks of it worked out once per target list. */
export interface PlannedTarget {
  target: Target;
  /** the category the target is about: it never sees that category's plan, or its requirement would feed on itself */
  metric: string | undefined;
  /** the institution types it counts; undefined for the whole region */
  unitTypes: readonly string[] | undefined;
}

/** A yearly ceiling on one category's hires (30–50 recruits a year). */
export interface HiringCap {
  target: string;
  metric: string;
  max: number;
}

/** What a region's plan takes from its target list, the same for every region with that list. */
export interface PlanTargets {
  /** binding staffing-level targets, in the list's order */
  planned: PlannedTarget[];
  /** their years, in the same order */
  targetYears: number[];
  targetById: Map<string, Target>;
  /** flow and growth targets, checked against the plan (and recruits caps, which bound it) */
  flows: Array<Extract<Target, { kind: "flow" | "growth" }>>;
  /** recruits caps by the category they cap */
  capOf: Map<string, HiringCap>;
  postPools: Array<{ target: string; value: number }>;
}

/** Kinds that set a staffing level the plan can hire towards. */
const LEVEL_KINDS = new Set<Target["kind"]>(["density", "reference", "ratio", "share", "total", "per_institution"]);

/**
 * The targets the plan hires towards: every binding target of a kind that sets a staffing level. The list it is given
 * is already the one that decides (see decidingTargets in src/evaluate/precedence.ts: a region's own target for a
 * measure supersedes broader ones unless the run plans to the strictest).
 */
export function selectPlanTargets(targets: readonly Target[]): Target[] {
  return targets.filter((t) => t.binding === "binding" && LEVEL_KINDS.has(t.kind));
}

// a code's targets are one list shared by all its years, and CheckRun gives codes with the same targets the same list
// (a list is taken as fixed once planned with)
const cache = new WeakMap<readonly Target[], PlanTargets>();

export function planTargets(targets: readonly Target[]): PlanTargets {
  let prepared = cache.get(targets);
  if (prepared) return prepared;
  prepared = { planned: [], targetYears: [], targetById: new Map(), flows: [], capOf: new Map(), postPools: [] };
  for (const target of selectPlanTargets(targets)) {
    const metric = target.kind === "reference" ? target.measure.metric : "metric" in target ? target.metric : undefined;
    prepared.planned.push({ target, metric, unitTypes: "scope" in target ? scopeTypes(target.scope) : undefined });
    prepared.targetYears.push(target.year);
    // the first of an id, as a search of the list would find
    if (!prepared.targetById.has(target.id)) prepared.targetById.set(target.id, target);
  }
  for (const target of targets) {
    if (target.kind === "posts") prepared.postPools.push({ target: target.id, value: target.value });
    if (target.kind !== "flow" && target.kind !== "growth") continue;
    prepared.flows.push(target);
    // recruits a year above the target's upper figure are more than the bureau can take in: a cap on the plan's pace
    if (target.kind === "flow" && target.flow === "recruits" && target.binding === "binding" && !target.scope) {
      const high =
        target.comparator === "range" || target.comparator === "at_most"
          ? Ratio.decimal(target.max ?? target.value)
          : target.comparator === "about"
            ? Ratio.decimal(target.value).mul(ONE.add(Ratio.decimal(target.tolerance ?? 0.05)))
            : undefined;
      // a later cap on the same category replaces an earlier one, as a map made from the list would
      if (high) prepared.capOf.set(target.metric, { target: target.id, metric: target.metric, max: Number(high.floor()) });
    }
  }
  cache.set(targets, prepared);
  return prepared;
}
