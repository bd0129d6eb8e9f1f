import type { Target } from "../catalogue/schema.js";
import type { InstitutionBelowMinimum, RegionRecord } from "../read/record.js";
import type { Ratio } from "./exact.js";

/**
 * met; short (binding, below the band or above an at-most ceiling); overdue (short once the data year has reached
 * the target year); advisory (a non-binding target not met); above_range (above a range's upper bound: shown, no
 * shortfall); benchmark (another region's level not reached: a gap, nobody to hire); context (a broader level's
 * target for a measure the region has its own target for); not_assessed; info (approved-post pools).
 */
export type Status = "met" | "short" | "overdue" | "advisory" | "above_range" | "benchmark" | "context" | "not_assessed" | "info";

/** The unit a target's figure is stated in. */
export type Unit =
  | "per_1000"
  | "per_10000"
  | "percent"
  | "per_person"
  | "people"
  | "institutions"
  | "people_per_year"
  | "percent_per_year"
  | "posts";

/** Why a target could not be assessed, or what an assessment rests on. */
export type Remark =
  /** `unrecognised`: the input's header that was close to the column's name but not recognised as it */
  | { kind: "missing-column"; column: string; unrecognised?: string }
  | { kind: "missing-rows"; unitTypes: string[] }
  | { kind: "missing-figure"; level: string; metric: string }
  | { kind: "partial"; column: string }
  | { kind: "unreported-institutions"; count: number; column: string }
  | { kind: "lower-bound" }
  | { kind: "above-range" }
  | { kind: "above-band" }
  | { kind: "superseded-by"; target: string }
  | { kind: "recruits-at-least"; added: number }
  | { kind: "cumulative"; from: number; to: number; added: number; value: number; met: boolean | undefined }
  | { kind: "needs-history"; column: string }
  | { kind: "checked-against-plan" }
  | { kind: "resolved-from"; target: string; value: number }
  | { kind: "no-denominator"; column: string }
  | { kind: "establishment"; value: number | null };

/** What an evaluator finds, before binding and dates turn it into a status. */
export interface Assessment {
  /** true met, false not met, undefined not assessed */
  met: boolean | undefined;
  /** above a range's upper bound: not met, but nobody is missing */
  aboveRange?: boolean;
  unit: Unit;
  current?: Ratio;
  required?: Ratio;
  /** the upper end of a range or of about's tolerance band */
  requiredMax?: Ratio;
  /** people (or institutions) missing to meet the target */
  shortfall?: { metric: string; count: number; lowerBound?: boolean; institutions?: boolean };
  /** the headcount of the metric in the target's scope now, for the plan */
  have?: number;
  failing?: { count: number; atLeast: boolean; examples: InstitutionBelowMinimum[] };
  remarks: Remark[];
  info?: boolean;
}

export interface Evaluation extends Assessment {
  target: Target;
  status: Status;
  /** the figure the target compares against, when it came from another target (reference kind) */
  resolvedValue?: number;
}

/** Read access to one region's figures, so the plan can substitute projected ones. */
export interface FigureView {
  region: RegionRecord;
  /** a population basis; service population falls back to resident population */
  population(basis: "population" | "rural_population" | "service_population"): Ratio | undefined;
  /** the headcount of a metric in a scope (all institutions when no unit types are given) */
  count(metric: string, unitTypes?: readonly string[]): CountResult;
  /** the same region in earlier years, newest first */
  history: readonly RegionRecord[];
}

export type CountResult =
  | { ok: true; value: number; partial: boolean }
  | { ok: false; missing: Remark };

export interface EvaluateContext {
  /** the targets that apply to this region, for reference resolution */
  applicable: readonly Target[];
  aboutTolerance: number;
}

export interface Evaluator<T extends Target = Target> {
  kind: T["kind"];
  assess(target: T, view: FigureView, context: EvaluateContext): Assessment;
}
