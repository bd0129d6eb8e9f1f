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
}

export interface UnitTypeDef {
  id: string;
  zh: string;
  en: string;
  group: UnitGroup;
  aliases: string[];
}

export const metrics: readonly MetricDef[] = metricsData.metrics as MetricDef[];
export const unitTypes: readonly UnitTypeDef[] = unitTypesData.unitTypes as UnitTypeDef[];
export const metricIds: readonly string[] = metrics.map((m) => m.id);
export const unitTypeIds: readonly string[] = unitTypes.map((u) => u.id);
export const unitGroupIds: readonly UnitGroup[] = ["grassroots", "hospital", "public_health", "other"];

export const metricById: ReadonlyMap<string, MetricDef> = new Map(metrics.map((m) => [m.id, m]));
export const unitTypeById: ReadonlyMap<string, UnitTypeDef> = new Map(unitTypes.map((u) => [u.id, u]));

export const headcountMetrics: readonly MetricDef[] = metrics.filter((m) => m.kind === "headcount");
export const populationMetrics: readonly MetricDef[] = metrics.filter((m) => m.kind === "population");
export const flagMetrics: readonly MetricDef[] = metrics.filter((m) => m.kind === "flag");

export function unitTypesOfGroup(group: UnitGroup): string[] {
  return unitTypes.filter((u) => u.group === group).map((u) => u.id);
}

export function metricName(id: string, lang: "zh" | "en"): string {
  const def = metricById.get(id);
  return def ? def[lang] : id;
}

export function unitTypeName(id: string, lang: "zh" | "en"): string {
  const def = unitTypeById.get(id);
  return def ? def[lang] : id;
}
