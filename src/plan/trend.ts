import type { RegionRecord } from "../read/record.js";
import { Ratio } from "../evaluate/exact.js";

export interface CategoryTrend {
  /** the earliest year of the region in the file, and the data year */
  fromYear: number;
  toYear: number;
  /** people added a year on average between them (negative: the category shrank) */
  pacePerYear: number;
  /** for each binding target, the year its requirement would be reached at that pace; null: never at that pace */
  targets: Array<{ target: string; required: number; reachedYear: number | null }>;
}

/**
 * The category's own pace, from the earliest year of the region in the file to the data year, beside the plan: the
 * year each target would be reached if the region went on as it has.
 */
export function categoryTrend(
  metric: string,
  region: RegionRecord,
  history: readonly RegionRecord[],
  requirements: ReadonlyArray<{ target: string; required: number; unitTypes?: readonly string[] }>,
): CategoryTrend | undefined {
  let earliest: RegionRecord | undefined;
  for (const record of history) if (record.year < region.year && record.figures[metric] && (!earliest || record.year < earliest.year)) earliest = record;
  const now = region.figures[metric];
  if (!earliest || !now) return undefined;
  const span = region.year - earliest.year;
  const pace = Ratio.of(now.value - earliest.figures[metric]!.value, span);
  const positive = pace.gt(Ratio.of(0));
  return {
    fromYear: earliest.year,
    toYear: region.year,
    pacePerYear: Number(pace.toFixed(2)),
    // only region-wide requirements compare with the region's own figures
    targets: requirements
      .filter((r) => !r.unitTypes)
      .map((r) => {
        const missing = r.required - now.value;
        const reachedYear = missing <= 0 ? region.year : positive ? region.year + Number(Ratio.of(missing).div(pace).ceil()) : null;
        return { target: r.target, required: r.required, reachedYear };
      }),
  };
}
