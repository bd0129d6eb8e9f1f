/**
 * Where a category's people are: one cell per institution type the region's rows report, and one for people the
 * region's total counts beyond its institution rows (UNPLACED). Hires are added to cells so that scoped targets
 * (public hospitals, township hospitals, grassroots institutions) see the stock of their own scope.
 */
import type { RegionRecord } from "../read/record.js";
import { metricById, unitTypesOfGroup, withWholes } from "../registry/index.js";

export const UNPLACED = "";

/** headcount per cell; every cell of the region is present */
export type Cells = Map<string, number>;

/** The metric's figure on a set of figures; practising physicians, where not given, are physicians less assistants. */
function figureOf(figures: RegionRecord["figures"], metric: string): number | undefined {
  const figure = figures[metric];
  if (figure) return figure.value;
  if (metric === "practising_physicians") {
    const all = figures.physicians;
    const assistants = figures.assistant_physicians;
    if (all && assistants) return Math.max(0, all.value - assistants.value);
  }
  return undefined;
}

/**
 * The current stock of a metric per cell. A group's staff (grassroots_staff) has the cells of its group's types,
 * counted from their staff; any other metric has the cells of every type in the region.
 */
export function currentCells(region: RegionRecord, metric: string, regionTypes: readonly string[] = unitTypesOf(region)): Cells {
  const cells: Cells = new Map();
  const derived = metricById.get(metric)?.derivedFrom;
  const types = derived ? unitTypesOfGroup(derived.group).filter((t) => region.byType[t]) : regionTypes;
  let placed = 0;
  for (const type of types) {
    const figures = region.byType[type]!.figures;
    const value = figureOf(figures, metric) ?? (derived ? figureOf(figures, derived.metric) : undefined) ?? 0;
    cells.set(type, value);
    placed += value;
  }
  cells.set(UNPLACED, Math.max(0, (figureOf(region.figures, metric) ?? 0) - placed));
  return cells;
}

/** The region's institution types in code-unit order: the cells of every category but a group's staff. */
export function unitTypesOf(region: RegionRecord): string[] {
  return Object.keys(region.byType).sort();
}

export function sumCells(cells: Cells, unitTypes?: readonly string[]): number {
  let sum = 0;
  if (!unitTypes) for (const v of cells.values()) sum += v;
  else for (const t of unitTypes) sum += cells.get(t) ?? 0;
  return sum;
}

/**
 * Splits `count` people over `keys` in proportion to `weights`, in whole people: each gets the whole part of its
 * share, and the people left over go to the largest remainders (the first key on a tie). With no weight at all,
 * equally.
 */
export function distribute(count: number, keys: readonly string[], weights: readonly number[]): Map<string, number> {
  const out = new Map<string, number>();
  if (keys.length === 0 || count <= 0) return out;
  let total = 0;
  for (const w of weights) total += w;
  const w = total > 0 ? weights : keys.map(() => 1);
  if (total <= 0) total = keys.length;
  let given = 0;
  const remainders: Array<[number, number]> = [];
  keys.forEach((key, i) => {
    // exact while count × weight stays below 2^53 (a nation's headcount squared does); beyond it, bigints
    const product = count * w[i]!;
    const share = Number.isSafeInteger(product) ? Math.floor(product / total) : Number((BigInt(count) * BigInt(w[i]!)) / BigInt(total));
    const remainder = Number.isSafeInteger(product) ? product - share * total : Number((BigInt(count) * BigInt(w[i]!)) % BigInt(total));
    out.set(key, share);
    given += share;
    remainders.push([remainder, i]);
  });
  // the whole parts often add up: then no remainder is handed out and none need be ordered
  if (given < count) remainders.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < count - given; k++) {
    const key = keys[remainders[k % remainders.length]![1]]!;
    out.set(key, out.get(key)! + 1);
  }
  return out;
}

/**
 * The weights hires of a metric are placed by, over some cells: the metric's current stock there; where it has
 * none, the stock of the category containing it (new GPs go where the physicians are), and so on up.
 */
export function placementWeights(keys: readonly string[], currentOf: (metric: string) => Cells, metric: string): number[] {
  for (const at of withWholes(metric)) {
    const cells = currentOf(at);
    const weights = keys.map((k) => cells.get(k) ?? 0);
    if (weights.some((w) => w > 0)) return weights;
  }
  return keys.map(() => 0);
}

