import { z } from "zod";
import { metricIds, unitTypeIds, unitGroupIds } from "../registry/index.js";

const metricId = z.enum(metricIds as [string, ...string[]]);
const unitTypeId = z.enum(unitTypeIds as [string, ...string[]]);
const regionCode = z.string().regex(/^\d{6}$/, "a 6-digit GB/T 2260 region code");
const text = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
/**
 * No headcount, population or rate a target states comes near a billion: a bound that keeps every plan's arithmetic
 * finite (1e308 people cannot be planned). Tighter bounds per kind (a density at most its per) are in checkTarget.
 */
export const MAX_FIGURE = 1e9;
const figure = z.number().nonnegative().max(MAX_FIGURE, `at most ${MAX_FIGURE} (no region needs more)`);
const year = z.number().int().min(1990).max(2100);

/** Where in its document a target's sentence stands. */
export const provenanceSchema = z
  .object({
    document: z.string().regex(/^\d{3}$/, "the seed document number, e.g. \"000\""),
    section: z.string().min(1).describe("heading path inside the document, e.g. 三、（三）"),
    locator: z.string().min(2).max(80).describe("a short phrase copied from the sentence, enough to find it with Ctrl-F"),
  })
  .strict();

/**
 * How the figure is compared. at_least = 以上/不低于/达到/至少; at_most = 以下/不超过;
 * about = 左右 (tolerance either side, relative); range = a–b inclusive.
 */
const comparator = z
  .enum(["at_least", "at_most", "about", "range"])
  .describe(
    "how the figure is compared, and the status a current value below / within / above the band gets: " +
      "at_least (以上, 达到, 不低于): short / met / met; at_most (以下, 不超过): met / met / short; " +
      "about (左右, ± tolerance): short / met / met, with a remark; range (a–b): short / met / above_range (shown, no shortfall, " +
      "not a failure under --fail-on shortfall). Gap and shortfall are measured to the band's nearest edge.",
  );

const scope = z
  .object({
    unitTypes: z.array(unitTypeId).min(1).optional(),
    unitGroup: z.enum(unitGroupIds as [string, ...string[]]).optional(),
  })
  .strict();

const common = {
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "kebab-case id"),
  title: text,
  level: z.enum(["national", "provincial", "municipal", "county"]),
  region: regionCode,
  /** A target from a document for an unnamed region: applies only when this template is asked for. */
  template: z.string().regex(/^[a-z0-9-]+$/).optional(),
  /** only regions of these levels (by their code) are held to it: a county CDC standard applies to counties */
  regionLevels: z.array(z.enum(["national", "provincial", "municipal", "county"])).min(1).optional(),
  year: z.number().int().min(1990).max(2100).describe("the year by which the target is to be met"),
  horizon: z
    .object({ phrase: z.string(), from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })
    .strict()
    .optional()
    .describe("a horizon given relative to the document (3年内), with the date it is counted from"),
  /** binding: must be met. advisory: 原则上 / 争取 / 力争 — shown, fails only when asked. benchmark: another region's level, shown for comparison. */
  binding: z
    .enum(["binding", "advisory", "benchmark"])
    .describe(
      "binding: short, or overdue once the data year reaches the target year; advisory (原则上, 争取, 力争): advisory when not met; " +
        "benchmark (another region's level): benchmark when not met, a gap in the target's unit, nobody to hire, never a failure. " +
        "A target a more specific level's target for the same measure supersedes is context (unless --plan strictest).",
    ),
  wording: z.string().optional().describe("the drafting words that set comparator and binding, e.g. 以上, 左右, 原则上"),
  baseline: z.object({ value: figure, year }).strict().optional(),
  provenance: provenanceSchema,
  note: text.optional(),
};

const compared = {
  comparator,
  value: figure,
  max: figure.optional().describe("upper bound for range"),
  tolerance: z.number().positive().max(1).optional().describe("relative tolerance for about; default 0.05"),
};

/** people of a category per 1,000 or 10,000 of a population */
export const densityTarget = z
  .object({
    ...common,
    ...compared,
    kind: z.literal("density"),
    metric: metricId,
    per: z.union([z.literal(1000), z.literal(10000)]),
    basis: z.enum(["population", "rural_population", "service_population"]),
    scope: scope.optional(),
  })
  .strict();

/** people of `metric` for each person of `of` (医护比 1:2 → metric nurses, of physicians, value 2) */
export const ratioTarget = z
  .object({ ...common, ...compared, kind: z.literal("ratio"), metric: metricId, of: metricId, scope: scope.optional() })
  .strict();

/** part as a percentage of whole (value in percent). partOfWhole: hiring the part also grows the whole. */
export const shareTarget = z
  .object({
    ...common,
    ...compared,
    kind: z.literal("share"),
    metric: metricId,
    of: metricId,
    partOfWhole: z.boolean(),
    scope: scope.optional(),
    perInstitution: z
      .literal(true)
      .optional()
      .describe("单位/每个/每家: the share holds in each institution of the scope, evaluated per institution (at_least only)"),
  })
  .strict();

/** every institution of the types has at least `value` people of the metric */
export const perInstitutionTarget = z
  .object({
    ...common,
    kind: z.literal("per_institution"),
    comparator: z.literal("at_least"),
    value: z.number().int().positive().max(10_000),
    metric: metricId,
    scope: scope,
  })
  .strict();

/** percentage of institutions of the types having a yes/no attribute */
export const institutionShareTarget = z
  .object({ ...common, ...compared, kind: z.literal("institution_share"), flag: metricId, scope: scope })
  .strict();

/** an absolute headcount for the document's own region (4.5 million physicians nationally) */
export const totalTarget = z
  .object({ ...common, ...compared, kind: z.literal("total"), metric: metricId, scope: scope.optional() })
  .strict();

/** people added per year: recruits (30–50 a year) or new people of a category (≥ 2 new GPs a year) */
export const flowTarget = z
  .object({
    ...common,
    ...compared,
    kind: z.literal("flow"),
    metric: metricId,
    flow: z.enum(["recruits", "net_increase"]),
    cumulative: z
      .object({ value: figure, by: year, comparator: comparator.exclude(["range"]).optional() })
      .strict()
      .optional()
      .describe("a total over the years from the horizon's start to `by` (累计…100名左右: value 100, comparator about)"),
    scope: scope.optional(),
  })
  .strict();

/** annual growth of a category in percent (about +5% a year) */
export const growthTarget = z
  .object({ ...common, ...compared, kind: z.literal("growth"), metric: metricId, scope: scope.optional() })
  .strict();

/** "reach the national / provincial level": the figure is another level's target of the same measure, resolved at evaluation */
export const referenceTarget = z
  .object({
    ...common,
    kind: z.literal("reference"),
    comparator: z.enum(["at_least", "at_most"]),
    refersTo: z
      .object({ level: z.enum(["national", "provincial", "municipal"]), target: z.string().optional() })
      .strict(),
    measure: z.discriminatedUnion("kind", [
      z
        .object({
          kind: z.literal("density"),
          metric: metricId,
          per: z.union([z.literal(1000), z.literal(10000)]),
          basis: z.enum(["population", "rural_population", "service_population"]),
        })
        .strict(),
    ]),
  })
  .strict();

/** approved posts (编制): a pool's size, or an increase (核增) to one; shiye = 事业编制, filed = 报备员额 */
export const postsTarget = z
  .object({
    ...common,
    kind: z.literal("posts"),
    comparator: z.literal("at_most"),
    value: figure.int(),
    postType: z.enum(["shiye", "filed"]),
    change: z.enum(["pool", "increase"]),
    scope: scope.optional(),
    purpose: text.optional(),
  })
  .strict();

export const targetSchema = z.discriminatedUnion("kind", [
  densityTarget,
  ratioTarget,
  shareTarget,
  perInstitutionTarget,
  institutionShareTarget,
  totalTarget,
  flowTarget,
  growthTarget,
  referenceTarget,
  postsTarget,
]);

export const targetFileSchema = z
  .object({
    $schema: z.string().optional(),
    document: z.string().regex(/^\d{3}$/).optional(),
    targets: z.array(targetSchema).max(10_000),
  })
  .strict();

export type Target = z.infer<typeof targetSchema>;
export type TargetKind = Target["kind"];
export type TargetFile = z.infer<typeof targetFileSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;
export type Scope = z.infer<typeof scope>;

/** Provenance record of one source document (seeds/*.json). */
export const seedRecordSchema = z
  .object({
    document: z.string().regex(/^\d{3}$/),
    file: z.string(),
    title: text,
    issuer: text,
    number: z.string().nullable(),
    date: z.string().nullable(),
    region: z.object({ code: regionCode.nullable(), name: z.string() }).strict(),
    level: z.enum(["national", "provincial", "municipal", "county"]),
    template: z.string().optional(),
    parts: z.array(z.object({ part: z.string(), title: z.string(), issuer: z.string(), date: z.string().nullable(), note: z.string().optional() }).strict()).optional(),
    targets: z.array(z.string()),
    notEncoded: z.array(
      z
        .object({ section: z.string(), locator: z.string().min(2).max(80), figure: z.string(), reason: z.string() })
        .strict(),
    ),
  })
  .strict();
export type SeedRecord = z.infer<typeof seedRecordSchema>;
