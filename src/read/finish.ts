/**
 * Finishing a region once every row is read: its figures per institution type (a subtotal row's stated figure, else
 * the sum of its institution rows) and in all (the region row's stated figure, else the sum of its types, else
 * derived from another metric), checked against each other: sums above stated totals, parts above their whole, total
 * rows that differ from the sums. Kept in small functions, as the row loop is: V8 re-optimises a big function only
 * after many ticks, and regions of different shapes deopt it.
 */
import { compareText } from "../compare-text.js";
import { metrics, unitTypesOfGroup } from "../registry/index.js";
import type { RegionAccumulator, RegionStore, TypeAccumulator } from "./accumulators.js";
import { problems, type DiagnosticSink } from "./diagnostics.js";
import { cellOf, type Layout } from "./layout.js";
import type { Figure, RegionRecord, TypeAggregate } from "./record.js";
import { thresholdResults, type Threshold } from "./thresholds.js";
import { subsetPairs } from "./vocabulary.js";

export function finishRegion(
  acc: RegionAccumulator,
  store: RegionStore,
  layout: Layout,
  sink: DiagnosticSink,
  thresholds: readonly Threshold[],
): RegionRecord {
  const byType: Record<string, TypeAggregate> = {};
  const typeFigures = new Map<string, Record<string, Figure>>();
  const types = store.typesOf(acc);
  for (const [unitType, t] of [...types.entries()].sort(([a], [b]) => compareText(a, b))) {
    const aggregate = typeAggregate(unitType, t, layout, sink);
    byType[unitType] = aggregate;
    typeFigures.set(unitType, aggregate.figures);
  }
  const figures = regionFigures(acc, types, typeFigures, layout, sink);
  resolvedSubsets(acc, figures, layout, sink);
  totalRowsAgainst(acc, figures, layout, sink);
  if (!acc.regionLine) sink.add(problems.missingRegionRow(acc.firstLine, acc.code, acc.year));
  return {
    code: acc.code,
    name: acc.name,
    year: acc.year,
    line: acc.regionLine || acc.firstLine,
    hasRegionRow: acc.regionLine > 0,
    figures,
    byType,
    checks: thresholdResults(thresholds, types, store, acc.index, acc.code),
  };
}

function typeAggregate(unitType: string, t: TypeAccumulator, layout: Layout, sink: DiagnosticSink): TypeAggregate {
  const { position, fastIndex, typeMetrics } = layout;
  const figures: Record<string, Figure> = {};
  const flags: TypeAggregate["flags"] = {};
  for (const m of typeMetrics) {
    const metric = metrics[m]!;
    const k = fastIndex[m]!;
    const reported = k < 0 ? 0 : t.reported(k);
    if (metric.kind === "flag") {
      if (t.rows > 0) {
        const yes = reported > 0 ? t.sum(k) : 0;
        flags[metric.id] = { yes, no: reported - yes, unreported: t.rows - reported };
      }
      continue;
    }
    const stated = t.subtotal?.values[m];
    const summed = reported > 0 ? t.sum(k) : undefined;
    if (stated !== undefined && !Number.isNaN(stated)) {
      figures[metric.id] = { value: stated, source: "stated", partial: false };
      if (summed !== undefined && summed > stated) sink.add(problems.sumAboveTotal(cellOf(layout, t.subtotal!.line, metric.id), stated, summed, t.rows));
    } else if (summed !== undefined) {
      figures[metric.id] = { value: summed, source: "summed", partial: reported < t.rows };
    }
  }
  for (const metric of metrics) {
    if (!metric.sumOf || figures[metric.id] || !metric.sumOf.unitTypes.includes(unitType)) continue;
    const parts = metric.sumOf.metrics.map((id) => figures[id]);
    if (parts.every((f): f is Figure => f !== undefined)) {
      figures[metric.id] = { value: parts.reduce((n, f) => n + f.value, 0), source: "derived", partial: parts.some((f) => f.partial) };
    }
  }
  const subtotalInstitutions = t.subtotal && !Number.isNaN(t.subtotal.institutions) ? t.subtotal.institutions : undefined;
  if (subtotalInstitutions !== undefined && t.rows > subtotalInstitutions) {
    const line = t.subtotal!.line;
    const cell = position.has("institutions") ? cellOf(layout, line, "institutions") : { line, column: 1, field: "institutions" };
    sink.add(problems.sumAboveTotal(cell, subtotalInstitutions, t.rows, t.rows));
  }
  const aggregate: TypeAggregate = {
    unitType,
    institutions: subtotalInstitutions ?? (t.rows > 0 ? t.rows : undefined),
    institutionRows: t.rows,
    figures,
    flags,
  };
  if (t.subtotal) aggregate.subtotalLine = t.subtotal.line;
  return aggregate;
}

function regionFigures(
  acc: RegionAccumulator,
  types: ReadonlyMap<string, TypeAccumulator>,
  typeFigures: ReadonlyMap<string, Record<string, Figure>>,
  layout: Layout,
  sink: DiagnosticSink,
): Record<string, Figure> {
  const figures: Record<string, Figure> = {};
  for (const m of layout.regionMetrics) {
    const metric = metrics[m]!;
    let sum = 0;
    let any = false;
    let partial = false;
    let silent = false;
    for (const f of typeFigures.values()) {
      const figure = f[metric.id];
      if (figure) {
        sum += figure.value;
        any = true;
        partial ||= figure.partial;
      } else silent = true;
    }
    // a type whose rows all left the cell empty did not report it: the sum is a lower bound
    partial ||= silent;
    const stated = acc.stated ? acc.stated[m]! : NaN;
    if (!Number.isNaN(stated)) {
      figures[metric.id] = { value: stated, source: "stated", partial: false };
      if (any && sum > stated) {
        const rows = [...types.values()].reduce((n, t) => n + t.rows + (t.subtotal ? 1 : 0), 0);
        sink.add(problems.sumAboveTotal(cellOf(layout, acc.regionLine, metric.id), stated, sum, rows));
      }
    } else if (any) {
      figures[metric.id] = { value: sum, source: "summed", partial };
    }
  }
  for (const metric of metrics) {
    if (figures[metric.id] || !metric.derivedFrom) continue;
    let sum = 0;
    let any = false;
    let partial = false;
    for (const unitType of unitTypesOfGroup(metric.derivedFrom.group)) {
      const figure = typeFigures.get(unitType)?.[metric.derivedFrom.metric];
      if (figure) {
        sum += figure.value;
        any = true;
        partial ||= figure.partial;
      }
    }
    if (any) figures[metric.id] = { value: sum, source: "derived", partial };
  }
  return figures;
}

/** Subsets again on the resolved totals, where at least one side was not stated on one row. */
function resolvedSubsets(acc: RegionAccumulator, figures: Record<string, Figure>, layout: Layout, sink: DiagnosticSink): void {
  for (const [child, parent] of subsetPairs) {
    const c = figures[metrics[child]!.id];
    const p = figures[metrics[parent]!.id];
    if (c && p && !(c.source === "stated" && p.source === "stated") && c.value > p.value && !p.partial) {
      const id = metrics[child]!.id;
      sink.add(problems.subsetAboveTotal(cellOf(layout, acc.regionLine || acc.firstLine, id), c.value, metrics[parent]!.id, p.value, true));
    }
  }
}

function totalRowsAgainst(acc: RegionAccumulator, figures: Record<string, Figure>, layout: Layout, sink: DiagnosticSink): void {
  for (const total of acc.totalRows) {
    metrics.forEach((metric, m) => {
      const v = total.values[m]!;
      const figure = figures[metric.id];
      if (Number.isNaN(v) || !figure || metric.kind === "flag") return;
      if (v !== figure.value) sink.add(problems.totalRowMismatch(cellOf(layout, total.line, metric.id), v, figure.value));
    });
  }
  if (acc.totalRowsNotKept > 0) {
    const rows = acc.totalRows.length + acc.totalRowsNotKept;
    sink.add(problems.totalRowsNotChecked(acc.firstTotalRowNotKept, `${acc.code} ${acc.year}`, rows, acc.totalRows.length));
  }
}
