import { checkText, type Report } from "../../src/index.js";

type Row = Record<string, string | number>;

/** A statistics file from rows keyed by column id, every row of region 110101 (national targets only) unless given. */
export function csv(rows: Row[]): string {
  const columns = [...new Set(["region_code", "region", "year", ...rows.flatMap((r) => Object.keys(r))])];
  const line = (r: Row) => columns.map((c) => String(r[c] ?? (c === "region_code" ? "110101" : c === "region" ? "东城区" : ""))).join(",");
  return [columns.join(","), ...rows.map(line)].join("\n") + "\n";
}

export function planOf(rows: Row[], options: Parameters<typeof checkText>[1] = {}) {
  const report: Report = checkText(csv(rows), { file: "t.csv", currentYear: 2026, ...options });
  const region = report.regions.find((r) => r.plan)!;
  const plan = region.plan!;
  const category = (metric: string) => {
    const c = plan.categories.find((x) => x.metric === metric);
    if (!c) throw new Error(`no plan for ${metric}: ${plan.categories.map((x) => x.metric).join(", ")}`);
    return c;
  };
  return { report, plan, category };
}
