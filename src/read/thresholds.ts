/**
 * Rows below a threshold, tallied as they are read: for each threshold asked for (a metric, a minimum, the unit
 * types it covers), how many institution rows it covers, how many fall below it or leave the cell empty, by how much
 * in all, and the first few of them. What a threshold means (a per-institution staffing minimum) is its target
 * kind's business (src/evaluate/kinds/per-institution.ts); the reader only counts.
 */
import { unitTypes } from "../registry/index.js";
import { TALLY_BELOW, TALLY_ROWS, TALLY_SHORTFALL, TALLY_UNREPORTED, TALLY_WIDTH, type RegionAccumulator } from "./accumulators.js";
import type { InstitutionCheckResult, InstitutionCheckSpec } from "./record.js";
import { metricIndex } from "./vocabulary.js";

export interface Threshold {
  spec: InstitutionCheckSpec;
  /** the metric's registry index (-1: unknown, tallied for no row) */
  metric: number;
  min: number;
}

export function thresholdsOf(specs: readonly InstitutionCheckSpec[]): Threshold[] {
  return specs.map((spec) => ({ spec, metric: metricIndex.get(spec.metric) ?? -1, min: spec.min }));
}

/** Per unit type (registry index), the thresholds that cover it and whose metric is known. */
export function thresholdsByType(thresholds: readonly Threshold[]): number[][] {
  return unitTypes.map((u) => thresholds.flatMap((t, i) => (t.metric >= 0 && t.spec.unitTypes.includes(u.id) ? [i] : [])));
}

/** A region's tallies, one result per threshold, with the subtotal rows of covered types that have no institution rows. */
export function thresholdResults(thresholds: readonly Threshold[], acc: RegionAccumulator): Record<string, InstitutionCheckResult> {
  const results: Record<string, InstitutionCheckResult> = {};
  thresholds.forEach(({ spec, metric }, c) => {
    const tally = c * TALLY_WIDTH;
    const subtotals: InstitutionCheckResult["subtotals"] = [];
    for (const unitType of new Set(spec.unitTypes)) {
      const t = acc.types.get(unitType);
      if (!t || t.rows > 0 || !t.subtotal || metric < 0) continue;
      const institutions = t.subtotal.institutions;
      const value = t.subtotal.values[metric]!;
      if (!Number.isNaN(institutions) && !Number.isNaN(value)) subtotals.push({ unitType, line: t.subtotal.line, institutions, value });
    }
    results[spec.id] = {
      id: spec.id,
      metric: spec.metric,
      min: spec.min,
      unitTypes: spec.unitTypes,
      rows: acc.tallies[tally + TALLY_ROWS]!,
      failing: acc.tallies[tally + TALLY_BELOW]!,
      unreported: acc.tallies[tally + TALLY_UNREPORTED]!,
      shortfall: acc.tallies[tally + TALLY_SHORTFALL]!,
      examples: acc.examples[c]!,
      subtotals,
    };
  });
  return results;
}
