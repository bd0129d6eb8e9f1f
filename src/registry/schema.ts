/**
 * Schemas of data/metrics.json and data/unit-types.json, with the cross-checks a shape cannot express (every named
 * metric exists, a list of disjoint parts names parts of its whole, nesting has no cycle). The tests check the bundled
 * files with them; at run time the files are trusted, so zod is not loaded on every start.
 */
import { z } from "zod";

const text = z.string().min(1);
const id = z.string().regex(/^[a-z][a-z0-9_]*$/, "a snake_case id");
const groupId = z.enum(["grassroots", "hospital", "public_health", "other"]);

export const metricsFileSchema = z
  .object({
    $comment: z.string().optional(),
    metrics: z.array(
      z
        .object({
          id,
          kind: z.enum(["population", "headcount", "flag"]),
          zh: text,
          en: text,
          aliases: z.array(text),
          subsetOf: id.optional(),
          derivedFrom: z.object({ metric: id, group: groupId }).strict().optional(),
          sumOf: z.object({ metrics: z.array(id).min(1), unitTypes: z.array(id).min(1) }).strict().optional(),
          disjointParts: z.array(z.object({ parts: z.array(id).min(2), complete: z.literal(true).optional() }).strict()).min(1).optional(),
        })
        .strict(),
    ),
  })
  .strict();

export const unitTypesFileSchema = z
  .object({
    $comment: z.string().optional(),
    groups: z.array(z.object({ id: groupId, zh: text, en: text, staffMetric: id.optional() }).strict()),
    unitTypes: z.array(z.object({ id, zh: text, en: text, group: groupId, aliases: z.array(text) }).strict()),
  })
  .strict();

export type MetricsFile = z.infer<typeof metricsFileSchema>;
export type UnitTypesFile = z.infer<typeof unitTypesFileSchema>;

/** What the schemas cannot say: the problems of the two files read together, one line each (empty: consistent). */
export function registryProblems(metricsFile: MetricsFile, unitTypesFile: UnitTypesFile): string[] {
  const problems: string[] = [];
  const byId = new Map(metricsFile.metrics.map((m) => [m.id, m]));
  const typeIds = new Set(unitTypesFile.unitTypes.map((u) => u.id));
  if (byId.size !== metricsFile.metrics.length) problems.push("metrics: an id is listed twice");
  const known = (where: string, metric: string) => {
    if (!byId.has(metric)) problems.push(`${where}: no metric ${metric}`);
  };
  for (const m of metricsFile.metrics) {
    if (m.subsetOf) known(`${m.id}.subsetOf`, m.subsetOf);
    if (m.derivedFrom) known(`${m.id}.derivedFrom`, m.derivedFrom.metric);
    for (const part of m.sumOf?.metrics ?? []) known(`${m.id}.sumOf`, part);
    for (const unitType of m.sumOf?.unitTypes ?? []) if (!typeIds.has(unitType)) problems.push(`${m.id}.sumOf: no unit type ${unitType}`);
    const seen = new Set<string>();
    for (const list of m.disjointParts ?? []) {
      for (const part of list.parts) {
        known(`${m.id}.disjointParts`, part);
        if (byId.get(part) && byId.get(part)!.subsetOf !== m.id) problems.push(`${m.id}.disjointParts: ${part} is not declared subsetOf ${m.id}`);
        if (seen.has(`${list.parts.join()}:${part}`)) problems.push(`${m.id}.disjointParts: ${part} twice in one list`);
        seen.add(`${list.parts.join()}:${part}`);
      }
    }
    // a chain of subsetOf must end: walking up from any metric never comes back to it
    const path = new Set<string>();
    for (let at: string | undefined = m.id; at; at = byId.get(at)?.subsetOf) {
      if (path.has(at)) {
        problems.push(`${m.id}: subsetOf runs in a cycle through ${at}`);
        break;
      }
      path.add(at);
    }
    const parent = m.subsetOf ? byId.get(m.subsetOf) : undefined;
    if (parent && parent.kind !== m.kind) problems.push(`${m.id}: a ${m.kind} cannot be part of the ${parent.kind} ${parent.id}`);
  }
  for (const group of unitTypesFile.groups) {
    if (!group.staffMetric) continue;
    const metric = byId.get(group.staffMetric);
    if (!metric) problems.push(`groups.${group.id}.staffMetric: no metric ${group.staffMetric}`);
    else if (metric.derivedFrom?.group !== group.id) problems.push(`groups.${group.id}.staffMetric: ${metric.id} is not derived from the ${group.id} group`);
  }
  for (const unitType of unitTypesFile.unitTypes) {
    if (!unitTypesFile.groups.some((g) => g.id === unitType.group)) problems.push(`unitTypes.${unitType.id}: no group ${unitType.group}`);
  }
  return problems;
}
