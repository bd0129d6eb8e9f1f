import { report } from "../../../report.js";
import { csvLine } from "../csv.js";
import type { CheckView } from "./index.js";

const HEADER = [
  "row_type",
  "region_code",
  "region",
  "year",
  "level",
  "target",
  "title",
  "kind",
  "binding",
  "target_year",
  "status",
  "unit",
  "current",
  "required",
  "required_max",
  "gap",
  "shortfall_category",
  "shortfall",
  "shortfall_is_lower_bound",
  "document",
  "section",
  "locator",
  "plan_year",
  "plan_required",
  "plan_leavers",
  "plan_hires",
  "plan_stock",
] as const;

/** One row per region × target (row_type=result), then the plan (row_type=plan), in one table. */
export function csvFormatter({ result, file, lang }: CheckView): string {
  const data = report(result, file, lang);
  let out = csvLine([...HEADER]);
  for (const region of data.regions) {
    for (const r of region.results) {
      out += csvLine([
        "result", region.code, region.name, region.year, r.level, r.target, r.title, r.kind, r.binding, r.year, r.status, r.unit,
        r.current, r.required, r.requiredMax, r.gap, r.shortfall?.metric, r.shortfall?.count, r.shortfall ? r.shortfall.lowerBound : null,
        r.source.document, r.source.section, r.source.locator, null, null, null, null, null,
      ]);
    }
  }
  for (const region of data.regions) {
    for (const c of region.plan?.categories ?? []) {
      for (const y of c.years) {
        out += csvLine([
          "plan", region.code, region.name, region.year, region.level, c.bindingTarget, null, null, null, region.plan!.horizon, null, "people",
          c.current, c.requiredAtHorizon, null, null, c.metric, Math.max(0, c.requiredAtHorizon - c.current), null,
          null, null, null, y.year, y.required, y.leavers, y.hires, y.stock,
        ]);
      }
    }
  }
  return out;
}
