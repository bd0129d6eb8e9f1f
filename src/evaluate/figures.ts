import type { RegionRecord } from "../read/record.js";
import { Ratio } from "./exact.js";
import type { CountResult, FigureView } from "./types.js";

/**
 * Figures a file may leave out because others give them: 执业医师 (licensed physicians without assistants) is
 * 执业(助理)医师 − 执业助理医师 where both are given.
 */
export const DERIVED_FIGURES: Readonly<Record<string, readonly [whole: string, less: string]>> = {
  practising_physicians: ["physicians", "assistant_physicians"],
};

/** A region's figures as the evaluators read them; `history` holds the same region's earlier years, newest first. */
export function figureView(region: RegionRecord, history: readonly RegionRecord[] = []): FigureView {
  return {
    region,
    history,
    population(basis) {
      const figure = region.figures[basis] ?? (basis === "service_population" ? region.figures.population : undefined);
      return figure && figure.value > 0 ? Ratio.of(figure.value) : undefined;
    },
    count(metric, unitTypes): CountResult {
      const stated = countStated(metric, unitTypes);
      const parts = DERIVED_FIGURES[metric];
      if (stated.ok || !parts) return stated;
      const whole = countStated(parts[0], unitTypes);
      const less = countStated(parts[1], unitTypes);
      if (!whole.ok || !less.ok) return stated;
      // a difference of lower bounds bounds nothing: only whole figures make a derived one
      if (whole.partial || less.partial) return { ok: false, missing: { kind: "partial", column: parts[1] } };
      return { ok: true, value: whole.value - less.value, partial: false };
    },
  };

  function countStated(metric: string, unitTypes: readonly string[] | undefined): CountResult {
    if (!unitTypes) {
      const figure = region.figures[metric];
      return figure ? { ok: true, value: figure.value, partial: figure.partial } : { ok: false, missing: { kind: "missing-column", column: metric } };
    }
    let value = 0;
    let partial = false;
    let rows = false;
    let reported = false;
    for (const unitType of unitTypes) {
      const aggregate = region.byType[unitType];
      if (!aggregate) continue;
      rows = true;
      const figure = aggregate.figures[metric];
      if (!figure) continue;
      reported = true;
      value += figure.value;
      partial ||= figure.partial;
    }
    if (!rows) return { ok: false, missing: { kind: "missing-rows", unitTypes: [...unitTypes] } };
    if (!reported) return { ok: false, missing: { kind: "missing-column", column: metric } };
    return { ok: true, value, partial };
  }
}

