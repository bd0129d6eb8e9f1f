import { UsageError } from "../errors.js";

/** Where the plan's first year came from: --from, the year after the data, or the current year (clock or SOURCE_DATE_EPOCH). */
export type StartSource = "option" | "data" | "current-year";
export type HorizonSource = "option" | "targets" | "start";

export interface PlanYearsOptions {
  /** the first plan year (--from) */
  from?: number;
  /** the last plan year (--horizon) */
  horizon?: number;
  /** this year, as the caller's clock or SOURCE_DATE_EPOCH says; without it the plan starts the year after the data */
  currentYear?: number;
}

export interface PlanYears {
  startYear: number;
  startSource: StartSource;
  horizon: number;
  horizonSource: HorizonSource;
}

/**
 * The plan's years. It starts at --from, else at the later of the year after the data and the current year: a plan
 * never lies in the past. It ends at --horizon, else at the latest target year still ahead, else in its first year
 * (targets already due are planned to the horizon and flagged overdue).
 */
export function planYears(dataYear: number, targetYears: readonly number[], options: PlanYearsOptions): PlanYears {
  let startYear: number;
  let startSource: StartSource;
  if (options.from !== undefined) {
    if (options.from <= dataYear) throw new UsageError(`--from ${options.from}: must be after the data's year (${dataYear})`);
    [startYear, startSource] = [options.from, "option"];
  } else if (options.currentYear !== undefined && options.currentYear > dataYear + 1) {
    [startYear, startSource] = [options.currentYear, "current-year"];
  } else {
    [startYear, startSource] = [dataYear + 1, "data"];
  }
  if (options.horizon !== undefined) {
    if (options.horizon < startYear) throw new UsageError(`--horizon ${options.horizon}: must not be before the plan's first year (${startYear})`);
    return { startYear, startSource, horizon: options.horizon, horizonSource: "option" };
  }
  let latest = -Infinity;
  for (const year of targetYears) if (year > latest) latest = year;
  return latest >= startYear ? { startYear, startSource, horizon: latest, horizonSource: "targets" } : { startYear, startSource, horizon: startYear, horizonSource: "start" };
}

/**
 * This year for a run: from SOURCE_DATE_EPOCH (seconds since 1970, so a pipeline can pin it) when set, else from
 * the clock. The shell calls it; the core takes the year as an option.
 */
export function currentYear(sourceDateEpoch: string | undefined, now: number): number {
  if (sourceDateEpoch !== undefined && sourceDateEpoch.trim() !== "") {
    const seconds = Number(sourceDateEpoch);
    if (!Number.isSafeInteger(seconds) || seconds < 0) throw new UsageError(`SOURCE_DATE_EPOCH «${sourceDateEpoch}»: expected whole seconds since 1970-01-01`);
    return new Date(seconds * 1000).getUTCFullYear();
  }
  return new Date(now).getUTCFullYear();
}
