/**
 * The header → the file's layout: which column holds what, and the typed arrays the row loop reads its numbers with.
 * The header's own problems (blank, unknown, duplicate or missing columns) are reported here.
 */
import { metrics, type MetricDef } from "../registry/index.js";
import { columnWithUnit, columns, suggestHeader, type ColumnDef } from "./columns.js";
import { problems, type Cell, type DiagnosticSink } from "./diagnostics.js";
import { LIMITS } from "./limits.js";
import { normaliseCell } from "./values.js";
import { METRIC_COUNT, metricIndex, subsetPairs } from "./vocabulary.js";

/** The columns without which rows cannot be keyed: a file missing one is read no further. */
export const REQUIRED = ["region_code", "year"] as const;

export interface MetricColumn {
  column: number;
  metric: number;
  def: MetricDef;
  max: number;
  /** people per unit of the cell: 10,000 for a column headed 常住人口（万人） */
  scale: number;
}

export interface Layout {
  headerLine: number;
  /** column def per header position, undefined for unknown or duplicate columns */
  defs: Array<ColumnDef | undefined>;
  position: Map<string, number>;
  /** where the identity columns are (-1: absent) */
  at: Record<"region_code" | "year" | "unit" | "unit_type" | "region" | "institutions", number>;
  metricColumns: MetricColumn[];
  /** the same as parallel typed arrays, for the per-row loop: a plain-digit cell in [min, max] is taken as read */
  fast: { columns: Int32Array; metrics: Int32Array; min: Float64Array; max: Float64Array };
  /** per metric, its k in `fast` (-1: not in the file) */
  fastIndex: Int32Array;
  /** the metrics an institution type can have a figure or tally of (the file's, the flags), in registry order */
  typeMetrics: number[];
  /** the metrics a region can have a summed or stated figure of (the file's, sums of other metrics), in registry order */
  regionMetrics: number[];
  /** subset pairs (child ≤ parent) whose columns are both in the file */
  subsetChild: Int32Array;
  subsetParent: Int32Array;
  /** every required column is present */
  complete: boolean;
}

/** Reads the header row into a layout, reporting its problems to the sink. */
export function readHeader(cells: readonly string[], line: number, sink: DiagnosticSink): Layout {
  const defs: Array<ColumnDef | undefined> = [];
  const position = new Map<string, number>();
  const scales = new Map<number, number>();
  // Excel saves trailing empty header cells when cleared columns stay in the used range; they name nothing
  let width = cells.length;
  while (width > 0 && normaliseCell(cells[width - 1]!) === "") width--;
  cells.slice(0, width).forEach((raw, i) => {
    const cell = normaliseCell(raw);
    if (cell === "") {
      sink.add(problems.blankHeader(line, i + 1));
      defs.push(undefined);
      return;
    }
    const { def, scale, unit, badUnit } = columnWithUnit(cell);
    if (def && badUnit) {
      sink.add(problems.badUnit({ line, column: i + 1, field: def.id }, cell, unit ?? ""));
      defs.push(undefined);
      return;
    }
    if (def && scale !== 1 && metricIndex.has(def.id)) scales.set(i, scale);
    if (!def) {
      sink.add(problems.unknownHeader(line, i + 1, cell, suggestHeader(cell)));
      defs.push(undefined);
      return;
    }
    if (position.has(def.id)) {
      sink.add(problems.duplicateHeader({ line, column: i + 1, field: def.id }, cell, position.get(def.id)! + 1));
      defs.push(undefined);
      return;
    }
    position.set(def.id, i);
    defs.push(def);
  });
  for (const id of REQUIRED) {
    if (!position.has(id)) sink.add(problems.missingColumn({ line, column: width + 1, field: id }, columns.find((c) => c.id === id)!.zh));
  }
  const metricColumns = defs.flatMap((columnDef, column) => {
    const metric = columnDef ? metricIndex.get(columnDef.id) : undefined;
    if (metric === undefined) return [];
    const def = metrics[metric]!;
    return [{ column, metric, def, max: def.kind === "population" ? LIMITS.population : LIMITS.headcount, scale: scales.get(column) ?? 1 }];
  });
  const where = (id: string) => position.get(id) ?? -1;
  const fastIndex = new Int32Array(METRIC_COUNT).fill(-1);
  metricColumns.forEach((c, k) => (fastIndex[c.metric] = k));
  const present = new Set(metricColumns.map((c) => c.metric));
  const subsets = subsetPairs.filter(([child, parent]) => present.has(child) && present.has(parent));
  return {
    headerLine: line,
    defs,
    position,
    at: {
      region_code: where("region_code"),
      year: where("year"),
      unit: where("unit"),
      unit_type: where("unit_type"),
      region: where("region"),
      institutions: where("institutions"),
    },
    metricColumns,
    fast: {
      columns: Int32Array.from(metricColumns, (c) => c.column),
      metrics: Int32Array.from(metricColumns, (c) => c.metric),
      // a flag is never a plain number; a population of 0 is an error, reported by the full parser; a scaled figure
      // (万人) is always scaled by it
      min: Float64Array.from(metricColumns, (c) => (c.def.kind === "flag" || c.scale !== 1 ? Infinity : c.def.kind === "population" ? 1 : 0)),
      max: Float64Array.from(metricColumns, (c) => c.max),
    },
    fastIndex,
    typeMetrics: metrics.flatMap((m, i) => (present.has(i) || m.kind === "flag" ? [i] : [])),
    regionMetrics: metrics.flatMap((m, i) => (m.kind !== "flag" && (present.has(i) || m.sumOf) ? [i] : [])),
    subsetChild: Int32Array.from(subsets, ([child]) => child),
    subsetParent: Int32Array.from(subsets, ([, parent]) => parent),
    complete: REQUIRED.every((id) => position.has(id)),
  };
}

/** The 1-based column of a column id in the file (1 when the file has no such column). */
export function columnOf(layout: Layout, id: string): number {
  return (layout.position.get(id) ?? 0) + 1;
}

/** A cell of the named column on a line, for a diagnostic. */
export function cellOf(layout: Layout, line: number, id: string): Cell {
  return { line, column: columnOf(layout, id), field: id };
}
