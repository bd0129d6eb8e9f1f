import { reportHead, reportRegion } from "../../../report.js";
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
export function* csvFormatter({ result, file, lang }: CheckView): Generator<string> {
  const { targets } = reportHead(result, file, lang);
  yield csvLine([...HEADER]);
  for (const region of result.regions) {
    const r = reportRegion(region, lang);
    let out = "";
    for (const x of r.results) {
      const t = targets[x.target]!;
      out += csvLine([
        "result", r.code, r.name, r.year, t.level, x.target, t.title, t.kind, t.binding, t.year, x.status, x.unit,
        x.current, x.required, x.requiredMax, x.gap, x.shortfall?.metric, x.shortfall?.count, x.shortfall ? Boolean(x.shortfall.lowerBound) : null,
        t.source.document, t.source.section, t.source.locator, null, null, null, null, null,
      ]);
    }
    yield out;
  }
  for (const region of result.regions) {
    const r = reportRegion(region, lang);
    let out = "";
    for (const c of r.plan?.categories ?? []) {
      for (const y of c.years) {
        out += csvLine([
          "plan", r.code, r.name, r.year, r.level, c.bindingTarget, null, null, null, r.plan!.horizon, null, "people",
          c.current, c.requiredAtHorizon, null, null, c.metric, Math.max(0, c.requiredAtHorizon - c.current), null,
          null, null, null, y.year, y.required, y.leavers, y.hires, y.stock,
        ]);
      }
    }
    yield out;
  }
}
