/**
 * Where a category's people are: one cell per institution type the region's rows report, and one for people the
 * region's total counts beyond its institution rows (the unplaced cell). Hires are added to cells so that scoped targets
 * (public hospitals, township hospitals, grassroots institutions) see the stock of their own scope.
 *
 * A region's cells are numbered once (its slots: its institution types in code-unit order, then the unplaced cell), and a
 * category's headcounts are an array by slot: the plan makes and compares thousands of them per region, which as
 * maps keyed by type would be most of its garbage.
 */
import type { RegionRecord } from "../read/record.js";
import { disjointPartLists, metricById, unitTypesOfGroup, withWholes } from "../registry/index.js";

/** The cells a category has in a region, in the order they are listed and placed in. */
export interface CellLayout {
  /** slots, in order */
  readonly order: readonly number[];
  /** by slot: 1 where the category has the cell */
  readonly has: Uint8Array;
  /** by scope (a target's institution types): the slots of it the category has, in the scope's order */
  readonly scoped: Map<readonly string[], readonly number[]>;
}

/** A category's headcount per cell. */
export interface Cells {
  readonly layout: CellLayout;
  /** by slot; 0 in the slots the category does not have */
  readonly values: number[];
}

/** A region's slots, and the layouts its categories' cells follow. */
export class RegionSlots {
  /** the region's institution types in code-unit order: slot i is types[i] */
  readonly types: readonly string[];
  /** the slot of people the region's total counts beyond its institution rows */
  readonly unplaced: number;
  readonly size: number;
  /** every type of the region, then the unplaced cell: the cells of every category but a group's staff */
  readonly all: CellLayout;
  /**
   * Working arrays of a slot per cell, for sums a placement makes and drops: zeroed by whoever uses them (a plan
   * places one category at a time)
   */
  readonly spare: number[];
  readonly sums: number[];
  private readonly groupLayouts = new Map<string, CellLayout>();
  /** a zero per slot, copied by zeros() */
  private readonly zeroPerSlot: readonly number[];

  constructor(readonly region: RegionRecord) {
    this.types = unitTypesOf(region);
    this.unplaced = this.types.length;
    this.size = this.types.length + 1;
    const order: number[] = [];
    const zeroPerSlot: number[] = [];
    for (let slot = 0; slot < this.size; slot++) {
      order.push(slot);
      zeroPerSlot.push(0);
    }
    this.zeroPerSlot = zeroPerSlot;
    this.all = { order, has: new Uint8Array(this.size).fill(1), scoped: new Map() };
    this.spare = this.zeros();
    this.sums = this.zeros();
  }

  /** The cells of a layout within a scope, in the scope's order: worked out once per scope and region. */
  slotsIn(layout: CellLayout, unitTypes: readonly string[]): readonly number[] {
    let slots = layout.scoped.get(unitTypes);
    if (!slots) {
      const list: number[] = [];
      for (const type of unitTypes) {
        const slot = this.slotOf(type);
        if (slot >= 0 && layout.has[slot]) list.push(slot);
      }
      layout.scoped.set(unitTypes, (slots = list));
    }
    return slots;
  }

  /** The slot of an institution type, or -1 where the region has no rows of it. */
  slotOf(unitType: string): number {
    return this.types.indexOf(unitType);
  }

  /** A zero per slot, in an array of just that length. */
  zeros(): number[] {
    return this.zeroPerSlot.slice();
  }

  /**
   * The cells of a metric: a group's staff (grassroots_staff) has its group's types the region has, in the registry's
   * order, and the unplaced cell; any other metric every type of the region.
   */
  layoutOf(metric: string): CellLayout {
    const group = metricById.get(metric)?.derivedFrom?.group;
    if (!group) return this.all;
    let layout = this.groupLayouts.get(group);
    if (!layout) {
      // a whole's cells hold its parts' (see placeCategory); a group's staff has fewer cells than the region, so it
      // must not be a whole
      if (disjointPartLists(metric).length > 0) throw new Error(`placement: ${metric} is a group's staff with parts`);
      const order: number[] = [];
      const has = new Uint8Array(this.size);
      for (const type of unitTypesOfGroup(group)) {
        const slot = this.slotOf(type);
        if (slot < 0) continue;
        order.push(slot);
        has[slot] = 1;
      }
      order.push(this.unplaced);
      has[this.unplaced] = 1;
      this.groupLayouts.set(group, (layout = { order, has, scoped: new Map() }));
    }
    return layout;
  }
}

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
export function currentCells(slots: RegionSlots, metric: string): Cells {
  const layout = slots.layoutOf(metric);
  const values = slots.zeros();
  const derived = metricById.get(metric)?.derivedFrom;
  const { byType } = slots.region;
  let placed = 0;
  for (const slot of layout.order) {
    if (slot === slots.unplaced) continue;
    const figures = byType[slots.types[slot]!]!.figures;
    const value = figureOf(figures, metric) ?? (derived ? figureOf(figures, derived.metric) : undefined) ?? 0;
    values[slot] = value;
    placed += value;
  }
  values[slots.unplaced] = Math.max(0, (figureOf(slots.region.figures, metric) ?? 0) - placed);
  return { layout, values };
}

/** The region's institution types in code-unit order: the cells of every category but a group's staff. */
export function unitTypesOf(region: RegionRecord): string[] {
  return Object.keys(region.byType).sort();
}

/** The headcount in all of a category's cells, or in those of some institution types. */
export function sumCells(slots: RegionSlots, cells: Cells, unitTypes?: readonly string[]): number {
  const { values } = cells;
  let sum = 0;
  if (!unitTypes) for (let slot = 0; slot < values.length; slot++) sum += values[slot]!;
  else
    for (const type of unitTypes) {
      const slot = slots.slotOf(type);
      if (slot >= 0) sum += values[slot]!;
    }
  return sum;
}

/** The same headcount in every cell. */
export function sameValues(a: Cells, b: Cells): boolean {
  if (a.layout !== b.layout) return false;
  const x = a.values;
  const y = b.values;
  for (let slot = 0; slot < x.length; slot++) if (x[slot] !== y[slot]) return false;
  return true;
}

/**
 * Adds `count` people to a category's cells, over the cells in `slots` (in that order) in proportion to `weights`
 * (the first as many as there are slots: one per slot listed), in whole people: each cell gets the whole part of its
 * share, and the people left over go to the largest remainders (the first listed on a tie); with no weight at all,
 * equally. `scratch` is an array of zeros, one per slot
 * of the region, left so.
 */
export function addShares(values: number[], count: number, slots: readonly number[], weights: readonly number[], scratch: number[]): void {
  const n = slots.length;
  if (n === 0 || count <= 0) return;
  const given = wholeShares(count, weights, n, spareShares, spareRemainders);
  // set, then added to: a scope naming a type twice gives it the later share
  for (let i = 0; i < n; i++) scratch[slots[i]!] = spareShares[i]!;
  for (let k = given; k < count; k++) scratch[slots[takeLargest(spareRemainders, n)]!]! += 1;
  for (let slot = 0; slot < scratch.length; slot++) {
    values[slot]! += scratch[slot]!;
    scratch[slot] = 0;
  }
}

// addShares' working arrays, written from the start and never shortened (that would drop their storage): it is
// called for every need placed, and never from within itself
const spareShares: number[] = [];
const spareRemainders: number[] = [];

/**
 * The whole part of each of `n` places' share of `count` (> 0) by `weights`, equal where no weight is positive in
 * all, into `shares`, and what each falls short of a further person by into `remainders`. Returns the people given.
 */
function wholeShares(count: number, weights: readonly number[], n: number, shares: number[], remainders: number[]): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  const equal = total <= 0;
  if (equal) total = n;
  let given = 0;
  for (let i = 0; i < n; i++) {
    const weight = equal ? 1 : weights[i]!;
    // exact while count × weight stays below 2^53 (a nation's headcount squared does); beyond it, bigints
    const product = count * weight;
    const share = Number.isSafeInteger(product) ? Math.floor(product / total) : Number((BigInt(count) * BigInt(weight)) / BigInt(total));
    const remainder = Number.isSafeInteger(product) ? product - share * total : Number((BigInt(count) * BigInt(weight)) % BigInt(total));
    shares[i] = share;
    remainders[i] = remainder;
    given += share;
  }
  return given;
}

/**
 * Of the first `n` places, the one with the largest remainder not yet taken (the first on a tie), marked taken. Fewer people are left over
 * than there are places, so one each: picked one by one rather than sorted, for a handful of places.
 */
function takeLargest(remainders: number[], n: number): number {
  let best = -1;
  for (let i = 0; i < n; i++) if (remainders[i]! !== TAKEN && (best < 0 || remainders[i]! > remainders[best]!)) best = i;
  remainders[best] = TAKEN;
  return best;
}
const TAKEN = -Infinity;

/**
 * The weights hires of a metric are placed by, over some slots: the metric's current stock there; where it has
 * none, the stock of the category containing it (new GPs go where the physicians are), and so on up. By slot;
 * undefined where no category up the chain has anyone there.
 */
export function placementWeights(slots: readonly number[], currentOf: (metric: string) => Cells, metric: string): readonly number[] | undefined {
  for (const at of withWholes(metric)) {
    const { values } = currentOf(at);
    for (const slot of slots) if (values[slot]! > 0) return values;
  }
  return undefined;
}
