/** What the reader takes from the registry: metric and unit-type indexes, and the words that mark a row's kind. */
import { metrics, unitTypes } from "../registry/index.js";

/** metrics in registry order: a row's values are a Float64Array of this length, indexed the same way */
export const METRIC_COUNT = metrics.length;
export const metricIndex: ReadonlyMap<string, number> = new Map(metrics.map((m, i) => [m.id, i]));
export const POPULATION = metricIndex.get("population")!;

/** (child, parent) metric pairs where the child is part of the parent (assistant physicians ≤ physicians …) */
export const subsetPairs: ReadonlyArray<readonly [child: number, parent: number]> = metrics.flatMap((m, i) =>
  m.subsetOf ? [[i, metricIndex.get(m.subsetOf)!] as const] : [],
);

export const unitTypeIndex: ReadonlyMap<string, number> = new Map(unitTypes.map((u, i) => [u.id, i]));

/** Every way a unit type may be written (id, Chinese, English, aliases), lower-cased, to its id. */
export const unitTypeByName: ReadonlyMap<string, string> = new Map(
  unitTypes.flatMap((u) => [u.id, u.zh, u.en, ...u.aliases].map((name) => [name.toLowerCase(), u.id] as const)),
);

/** Unit-type cells that mark a region's own row. */
export const REGION_TYPE_NAMES: ReadonlySet<string> = new Set(["region", "地区", "行政区", "地区合计"]);

/** Names of a total row, where an institution's, a region's or a type's name goes. */
export const TOTAL_ROW = /^(合计|总计|小计|总合计|全区合计|全县合计|全市合计|total|grand total|subtotal|sum)$/i;
/** The first characters (lower-cased ASCII) a total row's name can start with: most names are ruled out by it. */
export const TOTAL_FIRST: ReadonlySet<number> = new Set([..."合总小全tgs"].map((ch) => ch.charCodeAt(0) | 0x20));
