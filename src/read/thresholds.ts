/**
 * Rows below a threshold, tallied as they are read: for each threshold asked for (a metric, a minimum, the unit
 * types it covers), how many institution rows it covers, how many fall below it or leave the cell empty, by how much
 * in all, and the first few of them. What a threshold means (a per-institution staffing minimum) is its target
 * kind's business (src/evaluate/kinds/per-institution.ts); the reader only counts.
 */
import { coversRegion } from "../catalogue/catalogue.js";
import { unitTypes } from "../registry/index.js";
import {
  TALLY_BELOW,
  TALLY_FIRST_EXAMPLE,
  TALLY_ROWS,
  TALLY_SHORTFALL,
  TALLY_UNREPORTED,
  TALLY_WIDTH,
  type RegionStore,
  type TypeAccumulator,
} from "./accumulators.js";
import type { InstitutionCheckResult, InstitutionCheckSpec } from "./record.js";
import { metricIndex } from "./vocabulary.js";

export interface Threshold {
  spec: InstitutionCheckSpec;
  /** the metric's registry index (-1: unknown, tallied for no row) */
  metric: number;
  min: number;
  /** derivedFrom's metric indexes, -1 without: where a row leaves `metric` empty, `whole` less `less` */
  whole: number;
  less: number;
  /** of's metric index, -1 without; the minimum then in hundredths of a percent of the row's own `of` */
  of: number;
  basisPoints: number;
}

export function thresholdsOf(specs: readonly InstitutionCheckSpec[]): Threshold[] {
  return specs.map((spec) => ({
    spec,
    metric: metricIndex.get(spec.metric) ?? -1,
    min: spec.min,
    whole: spec.derivedFrom ? (metricIndex.get(spec.derivedFrom[0]) ?? -1) : -1,
    less: spec.derivedFrom ? (metricIndex.get(spec.derivedFrom[1]) ?? -1) : -1,
    of: spec.of !== undefined ? (metricIndex.get(spec.of) ?? -1) : -1,
    basisPoints: Math.round(spec.min * 100),
  }));
}

/** A row's figure for a threshold: stated, or derived from two it states. NaN: not reported. */
export function thresholdValue(t: Threshold, values: Float64Array): number {
  const v = values[t.metric]!;
  return v === v || t.less < 0 ? v : values[t.whole]! - values[t.less]!;
}

/** The least a row must have: a fixed number, or a share of its own figure rounded up in integers (NaN: no figure). */
export function thresholdMinimum(t: Threshold, values: Float64Array): number {
  if (t.of < 0) return t.min;
  const base = values[t.of]!;
  return base === base ? Math.floor((t.basisPoints * base + 9999) / 10000) : NaN;
}

/** Whether a threshold's target applies to the region `code`: a check for other regions tallies none of its rows. */
export function appliesTo(t: Threshold, code: string): boolean {
  return coversRegion(t.spec.region ?? "000000", t.spec.regionLevels, code);
}

/**
 * Per unit type (registry index), the thresholds that cover it, whose metric is known and that apply to a region:
 * worked out once for each distinct set of thresholds that apply (most regions share theirs), and shared.
 */
export class ThresholdsByType {
  private readonly byApplying = new Map<string, ReadonlyArray<readonly number[]>>();

  constructor(private readonly thresholds: readonly Threshold[]) {}

  forRegion(code: string): ReadonlyArray<readonly number[]> {
    const applying = this.thresholds.map((t) => (appliesTo(t, code) ? "1" : "0")).join("");
    let byType = this.byApplying.get(applying);
    if (!byType) {
      byType = unitTypes.map((u) =>
        this.thresholds.flatMap((t, i) => (applying[i] === "1" && t.metric >= 0 && t.spec.unitTypes.includes(u.id) ? [i] : [])),
      );
      this.byApplying.set(applying, byType);
    }
    return byType;
  }
}

/** A region's tallies, one result per threshold that applies to it, with the subtotal rows of covered types that have no institution rows. */
export function thresholdResults(
  thresholds: readonly Threshold[],
  types: ReadonlyMap<string, TypeAccumulator>,
  store: RegionStore,
  region: number,
  code: string,
): Record<string, InstitutionCheckResult> {
  const results: Record<string, InstitutionCheckResult> = {};
  const tallies = store.tallies.chunk(region);
  thresholds.forEach((threshold, c) => {
    if (!appliesTo(threshold, code)) return;
    const { spec, metric } = threshold;
    const tally = store.tallies.offset(region) + c * TALLY_WIDTH;
    const subtotals: InstitutionCheckResult["subtotals"] = [];
    for (const unitType of new Set(spec.unitTypes)) {
      const t = types.get(unitType);
      // a share of each institution's own figure cannot be bounded from a subtotal
      if (!t || t.rows > 0 || !t.subtotal || metric < 0 || threshold.of >= 0) continue;
      const institutions = t.subtotal.institutions;
      const value = thresholdValue(threshold, t.subtotal.values);
      if (!Number.isNaN(institutions) && !Number.isNaN(value)) subtotals.push({ unitType, line: t.subtotal.line, institutions, value });
    }
    results[spec.id] = {
      id: spec.id,
      metric: spec.metric,
      min: spec.min,
      unitTypes: spec.unitTypes,
      rows: tallies[tally + TALLY_ROWS]!,
      failing: tallies[tally + TALLY_BELOW]!,
      unreported: tallies[tally + TALLY_UNREPORTED]!,
      shortfall: tallies[tally + TALLY_SHORTFALL]!,
      examples: store.examples.list(tallies[tally + TALLY_FIRST_EXAMPLE]!),
      subtotals,
    };
  });
  return results;
}
