import type { Target } from "../../catalogue/schema.js";
import { judge, judged, scopeTypes } from "../compare.js";
import { HUNDRED, Ratio, peopleAtLeast } from "../exact.js";
import type { Assessment, Evaluator, Remark } from "../types.js";

type InstitutionShare = Extract<Target, { kind: "institution_share" }>;

/** A percentage of institutions having an attribute (所有社区卫生服务中心均设置中医科 = 100%). */
export const institutionShare: Evaluator<InstitutionShare> = {
  kind: "institution_share",
  assess(target, view, context) {
    const unitTypes = scopeTypes(target.scope) ?? [];
    const remarks: Remark[] = [];
    let yes = 0;
    let no = 0;
    let unreported = 0;
    let rows = 0;
    for (const unitType of unitTypes) {
      const aggregate = view.region.byType[unitType];
      if (!aggregate || aggregate.institutionRows === 0) continue;
      rows += aggregate.institutionRows;
      const tally = aggregate.flags[target.flag];
      if (tally) {
        yes += tally.yes;
        no += tally.no;
        unreported += tally.unreported;
      } else unreported += aggregate.institutionRows;
    }
    if (rows === 0) {
      remarks.push({ kind: "missing-rows", unitTypes: [...unitTypes] });
      return { met: undefined, unit: "percent", remarks };
    }
    if (unreported === rows) {
      remarks.push({ kind: "missing-column", column: target.flag });
      return { met: undefined, unit: "percent", remarks };
    }
    const current = Ratio.of(yes * 100, rows);
    if (unreported > 0) remarks.push({ kind: "unreported-institutions", count: unreported, column: target.flag });
    const j = judge(current, target.comparator, target.value, target.max, target.tolerance ?? context.aboutTolerance);
    const result: Assessment = judged(current, j, remarks, "percent");
    if (j.verdict === "met" || j.verdict === "met_above") return result;
    // institutions that did not report could still tip the verdict: say so rather than guess
    // (unreported rows count as not having the attribute, so they can only lift the share from below)
    if (j.position !== "below") return result;
    const needed = peopleAtLeast(j.band.low!.mul(Ratio.of(rows)).div(HUNDRED));
    if (unreported > 0 && yes + unreported >= needed) return { ...result, met: undefined };
    result.shortfall = { metric: target.flag, count: needed - yes, institutions: true };
    // a target for every institution names those without the attribute
    const each = view.region.checks[target.id];
    if (each && each.failing > 0) result.failing = { count: each.failing, atLeast: false, examples: each.examples.filter((x) => x.value !== null) };
    return result;
  },
};
