import type { RegionResult } from "../../../check.js";
import type { Target } from "../../../catalogue/schema.js";
import { diagnosticMessage, type Lang } from "../../../i18n/messages.js";
import { reportRegion, reportTarget, type ReportTarget } from "../../../report/report.js";
import { csvLine } from "../csv.js";
import type { FormattedRegion, StreamFormatFactory } from "./stream.js";

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

const described = { zh: new WeakMap<Target, ReportTarget>(), en: new WeakMap<Target, ReportTarget>() };

function describe(target: Target, lang: Lang): ReportTarget {
  let t = described[lang].get(target);
  if (!t) described[lang].set(target, (t = reportTarget(target, lang)));
  return t;
}

function region(result: RegionResult, lang: Lang): FormattedRegion<null> {
  const r = reportRegion(result, lang);
  let results = "";
  r.results.forEach((x, i) => {
    const t = describe(result.evaluations[i]!.target, lang);
    results += csvLine([
      "result", r.code, r.name, r.year, t.level, x.target, t.title, t.kind, t.binding, t.year, x.status, x.unit,
      x.current, x.required, x.requiredMax, x.gap, x.shortfall?.metric, x.shortfall?.count, x.shortfall ? Boolean(x.shortfall.lowerBound) : null,
      t.source.document, t.source.section, t.source.locator, null, null, null, null, null,
    ]);
  });
  let plan = "";
  for (const c of r.plan?.categories ?? []) {
    for (const y of c.years) {
      plan += csvLine([
        "plan", r.code, r.name, r.year, r.level, c.bindingTarget, null, null, null, r.plan!.horizon, null, "people",
        c.current, c.requiredAtHorizon, null, null, c.metric, Math.max(0, c.requiredAtHorizon - c.current), null,
        null, null, null, y.year, y.required, y.leavers, y.hires, y.stock,
      ]);
    }
  }
  // the plan's total, each person once: the region's hires and leavers, under the category "total"
  for (const t of r.plan?.totals ?? []) {
    plan += csvLine([
      "plan", r.code, r.name, r.year, r.level, null, null, null, null, r.plan!.horizon, null, "people",
      null, null, null, null, "total", null, null,
      null, null, null, t.year, null, t.leavers, t.hires, null,
    ]);
  }
  return { texts: [results, plan], note: null };
}

/**
 * The input's diagnostics first (row_type=diagnostic: code in `target`, severity in `status`, the sentence in
 * `title`, file:line:column in `locator`), then one row per region × target (row_type=result), then the plan
 * (row_type=plan), in one table.
 */
export const csvFormat: StreamFormatFactory = () => ({
  sections: 2,
  region,
  frame: (summary, _file, lang, worstFirst) => {
    let head = csvLine([...HEADER]);
    for (const d of summary.input?.diagnostics ?? []) {
      const cells: Array<string | number | null> = HEADER.map(() => null);
      cells[0] = "diagnostic";
      cells[HEADER.indexOf("target")] = d.code;
      cells[HEADER.indexOf("status")] = d.severity;
      cells[HEADER.indexOf("title")] = diagnosticMessage(d, lang);
      cells[HEADER.indexOf("locator")] = `${d.file}:${d.line}:${d.column}`;
      head += csvLine(cells);
    }
    return [head, { section: 0, order: worstFirst, separator: "" }, { section: 1, order: worstFirst, separator: "" }];
  },
});
