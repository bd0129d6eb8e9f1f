/**
 * Which target decides a measure. Where a region has its own target for a measure (the same metric, of the same
 * denominator or population basis, in the same institutions), broader levels' targets for it are context: a national
 * average (3.93 GPs per 10,000) does not override the 3.1 a district's own plan set. Benchmarks (another region's
 * level) neither decide nor yield: they are comparisons, and neither does a "reach the provincial level" target
 * whose figure is not known. `strictest` turns this off: every target decides, and the
 * plan follows the largest requirement among them.
 */
import { LEVELS } from "../catalogue/catalogue.js";
import type { Target } from "../catalogue/schema.js";
import { compareText } from "../compare-text.js";
import { scopeTypes } from "./compare.js";
import { resolveReference } from "./kinds/reference.js";

export type PlanMode = "own" | "strictest";

export const PLAN_MODES: readonly PlanMode[] = ["own", "strictest"];

/** What a target measures, as a key: targets with the same key are about the same figure. Undefined: not a measure (approved-post pools). */
export function measureKey(target: Target): string | undefined {
  const scope = scopeTypes("scope" in target ? target.scope : undefined);
  const where = scope ? [...scope].sort().join("+") : "*";
  switch (target.kind) {
    case "density":
      return `density:${target.metric}:${target.basis}:${where}`;
    case "reference":
      return `density:${target.measure.metric}:${target.measure.basis}:*`;
    case "ratio":
    case "share":
      return `${target.kind}:${target.metric}:${target.of}:${where}`;
    case "per_institution":
    case "total":
    case "growth":
      return `${target.kind}:${target.metric}:${where}`;
    case "institution_share":
      return `institution_share:${target.flag}:${where}`;
    case "flow":
      return `flow:${target.flow}:${target.metric}:${where}`;
    case "posts":
      return undefined;
  }
}

const cache = new WeakMap<readonly Target[], ReadonlyMap<string, string>>();

/**
 * The targets of a region's list that another, more specific target of the list supersedes, each with the id of
 * the one that decides (the most specific level's target of that measure, the latest year first).
 */
export function supersededTargets(targets: readonly Target[]): ReadonlyMap<string, string> {
  const known = cache.get(targets);
  if (known) return known;
  const byMeasure = new Map<string, Target[]>();
  for (const t of targets) {
    // a "reach that level" target whose figure no target in the list gives cannot decide anything
    const unresolved = t.kind === "reference" && resolveReference(t, targets) === undefined;
    const key = t.binding === "benchmark" || unresolved ? undefined : measureKey(t);
    if (key === undefined) continue;
    const list = byMeasure.get(key);
    if (list) list.push(t);
    else byMeasure.set(key, [t]);
  }
  const superseded = new Map<string, string>();
  for (const list of byMeasure.values()) {
    if (list.length < 2) continue;
    const rank = (t: Target) => LEVELS.indexOf(t.level);
    const top = Math.max(...list.map(rank));
    const deciding = list.filter((t) => rank(t) === top).sort((a, b) => b.year - a.year || compareText(a.id, b.id))[0]!;
    for (const t of list) if (rank(t) < top) superseded.set(t.id, deciding.id);
  }
  cache.set(targets, superseded);
  return superseded;
}

const planLists = new WeakMap<readonly Target[], readonly Target[]>();

/**
 * The targets the hiring plan may follow: under `own`, those no more specific target supersedes; under
 * `strictest`, all. The same array for the same list, so what the plan works out per list is kept.
 */
export function decidingTargets(targets: readonly Target[], mode: PlanMode): readonly Target[] {
  if (mode === "strictest") return targets;
  let list = planLists.get(targets);
  if (!list) {
    const superseded = supersededTargets(targets);
    list = superseded.size === 0 ? targets : targets.filter((t) => !superseded.has(t.id));
    planLists.set(targets, list);
  }
  return list;
}
