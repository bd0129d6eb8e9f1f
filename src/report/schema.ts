/**
 * The report `gap check --format json` prints, defined once: the TypeScript types of report.ts are inferred
 * from these schemas, and `gap schema --which report` prints their JSON Schema, so the two cannot drift apart. Every
 * object is closed (no keys beyond those listed): a key added to the report must be added here, or the test that
 * validates the example's report against the printed schema fails.
 *
 * zod is needed at run time only to print the schema; the report code imports the types alone.
 */
import { z } from "zod";

const status = z.enum(["met", "short", "overdue", "advisory", "above_range", "benchmark", "context", "not_assessed", "info"]);
const level = z.enum(["national", "provincial", "municipal", "county"]);
const unit = z.enum(["per_1000", "per_10000", "percent", "per_person", "people", "institutions", "people_per_year", "percent_per_year", "posts"]);
const count = z.number().int().nonnegative();
const year = z.number().int();
const counts = z.strictObject({
  met: count,
  short: count,
  overdue: count,
  advisory: count,
  above_range: count,
  benchmark: count,
  context: count,
  not_assessed: count,
  info: count,
});

export const reportTargetSchema = z
  .strictObject({
    title: z.string(),
    level,
    region: z.string().describe("6-digit GB/T 2260 code of the region whose document sets the target"),
    kind: z.string().describe("target kind: density, ratio, share, per_institution, institution_share, total, flow, growth, reference, posts"),
    binding: z.enum(["binding", "advisory", "benchmark"]),
    year,
    template: z.string().optional(),
    source: z.strictObject({ document: z.string(), section: z.string(), locator: z.string() }),
  })
  .describe("a target's metadata, listed once under targets");

export const reportResultSchema = z
  .strictObject({
    target: z.string().describe("id of the target, a key of targets"),
    status,
    unit,
    current: z.number().optional(),
    required: z.number().optional(),
    requiredMax: z.number().optional(),
    gap: z.number().optional(),
    shortfall: z
      .strictObject({ metric: z.string(), count, lowerBound: z.literal(true).optional(), institutions: z.literal(true).optional() })
      .optional()
      .describe("people (or institutions) missing to meet the target"),
    failingInstitutions: z
      .strictObject({
        count,
        atLeast: z.boolean(),
        examples: z.array(z.strictObject({ name: z.string(), unitType: z.string(), line: count, value: z.number().nullable() })),
      })
      .optional(),
    remarks: z.array(z.strictObject({ kind: z.string(), text: z.string() })).optional(),
  })
  .describe("one target evaluated for one region-year; an absent key does not apply");

const planYear = z.strictObject({ year, required: z.number(), leavers: z.number(), hires: z.number(), stock: z.number(), capped: z.literal(true).optional() });
const yearTotals = z.strictObject({ year, hires: z.number(), leavers: z.number() });
const headcount = z.strictObject({ metric: z.string(), count: z.number() });

export const reportPlanSchema = z.strictObject({
  startYear: year,
  startSource: z.enum(["option", "data", "current-year"]),
  horizon: year,
  horizonSource: z.enum(["option", "targets", "start"]),
  vacancies: z.number().nullable(),
  posts: z
    .strictObject({
      establishment: z.number(),
      staff: z.number(),
      vacancies: z.number(),
      overEstablishment: z.boolean(),
      years: z.array(z.strictObject({ year, netIncrease: z.number(), newPosts: z.number() })),
    })
    .optional(),
  postPools: z.array(z.strictObject({ target: z.string(), value: z.number() })),
  totals: z.array(yearTotals).describe("per year, each person once"),
  alternatives: z.array(z.strictObject({ target: z.string(), hire: headcount, qualify: headcount })).optional(),
  categories: z
    .array(
      z.strictObject({
        metric: z.string(),
        partOf: z.string().optional().describe("the planned category containing this one"),
        current: z.number(),
        requiredAtHorizon: z.number(),
        bindingTarget: z.string().nullable(),
        overdue: z.literal(true).optional(),
        requirements: z.array(
          z.strictObject({ target: z.string(), required: z.number(), unitTypes: z.array(z.string()).readonly().optional(), overdue: z.literal(true).optional() }),
        ),
        years: z.array(planYear),
        totalHires: z.number(),
        byUnitType: z
          .array(z.strictObject({ unitType: z.string().nullable(), current: z.number(), required: z.number(), hires: z.number() }))
          .optional(),
        limit: z.strictObject({ target: z.string(), max: z.number(), reachedYear: year.nullable() }).optional(),
        trend: z
          .strictObject({
            fromYear: year,
            toYear: year,
            pacePerYear: z.number(),
            targets: z.array(z.strictObject({ target: z.string(), required: z.number(), reachedYear: year.nullable() })),
          })
          .optional(),
        flags: z.array(z.strictObject({ target: z.string(), year, planned: z.number(), kind: z.enum(["above-max", "below-min"]), limit: z.number() })),
      }),
    )
    .describe("wholes before their parts"),
});

export const reportRegionSchema = z
  .strictObject({
    code: z.string(),
    name: z.string(),
    year,
    level,
    line: count.describe("line of the region's row in the input"),
    figures: z.record(z.string(), z.number()),
    partialFigures: z.array(z.string()),
    derivedFigures: z.array(z.string()),
    counts,
    results: z.array(reportResultSchema),
    plan: reportPlanSchema.nullable().describe("the hiring plan, for the latest year of each region"),
  })
  .describe("one region-year");

export const reportDiagnosticSchema = z
  .strictObject({
    code: z.string(),
    severity: z.enum(["error", "warning"]),
    file: z.string(),
    line: count,
    column: count,
    field: z.string().nullable(),
    value: z.string().nullable(),
    message: z.string(),
  })
  .describe("one diagnostic of the input: where, what, and the sentence the table prints");

export const reportHeadSchema = z.strictObject({
  schemaVersion: z.literal(1),
  tool: z.literal("gap"),
  command: z.literal("check"),
  file: z.string(),
  lang: z.enum(["zh", "en"]),
  catalogue: z.strictObject({ version: z.string(), published: z.string(), targets: count }),
  assumptions: z.strictObject({
    populationGrowth: z.number(),
    attrition: z.number(),
    horizon: year.nullable(),
    from: year.nullable(),
    currentYear: year.nullable(),
    templates: z.array(z.string()),
    aboutTolerance: z.number(),
    plan: z.enum(["own", "strictest"]).describe("which targets decide and are planned for (--plan)"),
  }),
  summary: z.strictObject({
    regions: count,
    levels: z.array(z.strictObject({ level, regions: count })).describe("the levels of the regions checked, from the nation down"),
    counts,
  }),
  diagnostics: z.array(reportDiagnosticSchema).describe("the input's warnings (a report is only made from an input without errors)"),
  targets: z.record(z.string(), reportTargetSchema),
});

const rollup = z
  .array(z.strictObject({ level, metric: z.string(), partOf: z.string().optional(), years: z.array(yearTotals), totalHires: z.number() }))
  .describe("hires per level, category and year: never summed across levels");

export const reportSchema = reportHeadSchema
  .extend({ regions: z.array(reportRegionSchema), rollup, rollupTotals: z.array(yearTotals.extend({ level })).describe("per level and year, each person once") })
  .describe("the result of gap check, as --format json prints it and the library returns it");

export type ReportTarget = z.infer<typeof reportTargetSchema>;
export type ReportResult = z.infer<typeof reportResultSchema>;
export type ReportPlan = z.infer<typeof reportPlanSchema>;
export type ReportRegion = z.infer<typeof reportRegionSchema>;
export type ReportHead = z.infer<typeof reportHeadSchema>;
export type ReportDiagnostic = z.infer<typeof reportDiagnosticSchema>;
export type Report = z.infer<typeof reportSchema>;

/** The JSON Schema of the report (`gap schema --which report`). */
export function reportJsonSchema(): unknown {
  return z.toJSONSchema(reportSchema, { target: "draft-2020-12", io: "output" });
}
