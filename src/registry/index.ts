import metricsData from "../../data/metrics.json" with { type: "json" };
import unitTypesData from "../../data/unit-types.json" with { type: "json" };

export type MetricKind = "population" | "headcount" | "flag";
export type UnitGroup = "grassroots" | "hospital" | "public_health" | "other";

export interface MetricDef {
  id: string;
  kind: MetricKind;
  zh: string;
  en: string;
  aliases: string[];
  subsetOf?: string;
  derivedFrom?: { metric: string; group: UnitGroup };
  /** in institutions of these types, a figure left empty is the sum of these columns (village doctors + physicians) */
  sumOf?: { metrics: string[]; unitTypes: string[] };
  /** lists of parts no person belongs to two of; complete: the parts add up to the whole */
  disjointParts?: Array<{ parts: string[]; complete?: true }>;
}

export interface UnitTypeDef {
  id: string;
  zh: string;
  en: string;
  group: UnitGroup;
  aliases: string[];
}

export interface UnitGroupDef {
  id: UnitGroup;
  zh: string;
  en: string;
  /** the column that counts the group's staff (grassroots_staff) */
  staffMetric?: string;
}

export const metrics: readonly MetricDef[] = metricsData.metrics as MetricDef[];
export const unitTypes: readonly UnitTypeDef[] = unitTypesData.unitTypes as UnitTypeDef[];
export const unitGroups: readonly UnitGroupDef[] = unitTypesData.groups as UnitGroupDef[];
export const metricIds: readonly string[] = metrics.map((m) => m.id);
export const unitTypeIds: readonly string[] = unitTypes.map((u) => u.id);
export const unitGroupIds: readonly UnitGroup[] = ["grassroots", "hospital", "public_health", "other"];

export const metricById: ReadonlyMap<string, MetricDef> = new Map(metrics.map((m) => [m.id, m]));
export const unitTypeById: ReadonlyMap<string, UnitTypeDef> = new Map(unitTypes.map((u) => [u.id, u]));

export const headcountMetrics: readonly MetricDef[] = metrics.filter((m) => m.kind === "headcount");
export const populationMetrics: readonly MetricDef[] = metrics.filter((m) => m.kind === "population");
export const flagMetrics: readonly MetricDef[] = metrics.filter((m) => m.kind === "flag");

export function unitTypesOfGroup(group: UnitGroup): readonly string[] {
  let types = groupTypesCache.get(group);
  if (!types) groupTypesCache.set(group, (types = unitTypes.filter((u) => u.group === group).map((u) => u.id)));
  return types;
}
const groupTypesCache = new Map<UnitGroup, readonly string[]>();

export function metricName(id: string, lang: "zh" | "en"): string {
  const def = metricById.get(id);
  return def ? def[lang] : id;
}

export function unitTypeName(id: string, lang: "zh" | "en"): string {
  const def = unitTypeById.get(id);
  return def ? def[lang] : id;
}

/** The metric whose figure includes this one (physicians for TCM physicians), from data/metrics.json. */
export function partOf(id: string): string | undefined {
  return metricById.get(id)?.subsetOf;
}

/** The metric and its containing metrics, innermost first (TCM physicians, physicians, health technicians, staff). */
export function withWholes(id: string): readonly string[] {
  let chain = wholesCache.get(id);
  if (chain) return chain;
  const list: string[] = [];
  for (let at: string | undefined = id; at && !list.includes(at); at = partOf(at)) list.push(at);
  wholesCache.set(id, (chain = list));
  return chain;
}
const wholesCache = new Map<string, readonly string[]>();

/**
 * The ways a metric splits into parts that share no person: each declared list of disjoint parts, and every other
 * direct part on its own (a part alone is trivially disjoint). A whole's hires are at least each list's sum.
 */
export function disjointPartLists(id: string): ReadonlyArray<{ parts: readonly string[]; complete: boolean }> {
  let lists = partListCache.get(id);
  if (lists) return lists;
  const declared = metricById.get(id)?.disjointParts ?? [];
  const listed = new Set(declared.flatMap((l) => l.parts));
  lists = [
    ...declared.map((l) => ({ parts: l.parts, complete: l.complete === true })),
    ...metrics.filter((m) => m.subsetOf === id && !listed.has(m.id)).map((m) => ({ parts: [m.id], complete: false })),
  ];
  partListCache.set(id, lists);
  return lists;
}
const partListCache = new Map<string, ReadonlyArray<{ parts: readonly string[]; complete: boolean }>>();

/** The institution group a metric counts the staff of (grassroots_staff → grassroots), from its derivation. */
export function groupOfMetric(id: string): UnitGroup | undefined {
  return metricById.get(id)?.derivedFrom?.group;
}
