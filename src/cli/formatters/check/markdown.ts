import { countText, decimalText, gap, remarkText, requiredText, shortfallText, sourceText, statusLabel, valueText } from "../../../labels.js";
import { metricName } from "../../../registry/index.js";
import { assumptionLines, byLevel, levelHeading, planCategoryName, regionHeading, summaryLine } from "./common.js";
import type { CheckView } from "./index.js";

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

function row(cells: string[]): string {
  return `| ${cells.map(cell).join(" | ")} |\n`;
}

/** A section ready to paste into an annual report. */
export function markdownFormatter({ result, lang }: CheckView): string {
  const zh = lang === "zh";
  let out = `## ${zh ? "卫生人才缺口分析" : "Health workforce gap analysis"}\n\n${summaryLine(result, lang)}\n`;
  for (const region of result.regions) {
    out += `\n### ${regionHeading(region, lang)}\n`;
    for (const [level, evaluations] of byLevel(region.evaluations)) {
      out += `\n#### ${levelHeading(level, lang)}\n\n`;
      out += row(zh ? ["状态", "目标", "现状", "目标值", "差距", "缺口", "出处"] : ["status", "target", "current", "required", "gap", "short by", "source"]);
      out += "|---|---|---:|---:|---:|---:|---|\n";
      for (const e of evaluations) {
        const g = gap(e);
        const notes = e.remarks.filter((r) => r.kind !== "checked-against-plan").map((r) => remarkText(r, lang));
        out += row([
          statusLabel(e.status, lang),
          `${e.target.title[lang]} (\`${e.target.id}\`)`,
          valueText(e.current, e.unit, lang),
          requiredText(e, lang),
          g ? decimalText(g, e.unit) : "",
          shortfallText(e, lang),
          [sourceText(e.target, lang), ...notes].join("; "),
        ]);
      }
    }
    const plan = region.plan;
    if (plan && plan.categories.length) {
      out += `\n#### ${zh ? `招聘计划 ${plan.startYear}–${plan.horizon}` : `Hiring plan ${plan.startYear}–${plan.horizon}`}\n\n`;
      const years = plan.categories[0]!.years.map((y) => y.year);
      out += row([zh ? "类别" : "category", zh ? "现有" : "now", zh ? "需要" : "needed", zh ? "决定性目标" : "binding target", ...years.map((y) => (zh ? `${y} 招聘` : `hires ${y}`)), zh ? "合计" : "total"]);
      out += `|---|---:|---:|---|${years.map(() => "---:|").join("")}---:|\n`;
      for (const c of plan.categories) {
        out += row([
          planCategoryName(plan, c.metric, lang).replace(/^ +/, (m) => "\u00a0".repeat(m.length * 2)),
          countText(c.current),
          countText(c.requiredAtHorizon),
          c.bindingTarget ? `\`${c.bindingTarget}\`` : zh ? "（已满足）" : "(met)",
          ...c.years.map((y) => countText(y.hires)),
          countText(c.totalHires),
        ]);
      }
      out += row([zh ? "**合计（每人计一次）**" : "**total (each person once)**", "", "", "", ...plan.totals.map((t) => countText(t.hires)), countText(plan.totals.reduce((n, t) => n + t.hires, 0))]);
    }
  }
  out += `\n${zh ? "**假设**" : "**Assumptions**"}\n\n${assumptionLines(result, lang).map((l) => `- ${l}`).join("\n")}\n`;
  return out;
}
