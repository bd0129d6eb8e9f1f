import { STATUS_ORDER, type CheckResult, type CheckSummary, type RegionResult } from "../../../check.js";
import { LEVELS, type Level } from "../../../catalogue/catalogue.js";
import type { Evaluation } from "../../../evaluate/types.js";
import type { Paint } from "../../color.js";
import { displayWidth } from "../text.js";
import { countText, levelLabel, precedenceAssumption, statusCountsText, statusLabel, statusTone } from "../../../i18n/labels.js";
import type { Lang } from "../../../i18n/messages.js";
import { metricName } from "../../../registry/index.js";

function percent(rate: number): string {
  return `${Number((rate * 100).toFixed(4))}%`;
}

/** The assumptions printed with every result: nothing is hidden in a default. */
export function assumptionLines(result: CheckSummary, lang: Lang): string[] {
  const a = result.assumptions;
  const zh = lang === "zh";
  return [
    zh
      ? `目标库 ${result.catalogue.version}（${result.catalogue.published}，${result.catalogue.targets} 项目标）`
      : `catalogue ${result.catalogue.version} (${result.catalogue.published}, ${result.catalogue.targets} targets)`,
    zh ? `人口年增长率 ${percent(a.populationGrowth)}（--population-growth）` : `population growth ${percent(a.populationGrowth)} a year (--population-growth)`,
    zh ? `年流失率 ${percent(a.attrition)}（--attrition），离职人数向上取整` : `attrition ${percent(a.attrition)} of staff a year (--attrition), leavers rounded up`,
    a.from !== null
      ? zh
        ? `计划自 ${a.from} 年起（--from）`
        : `the plan starts in ${a.from} (--from)`
      : zh
        ? `计划起始年：数据年份次年与当前年份${a.currentYear !== null ? `（${a.currentYear}）` : ""}中较晚者（可用 --from 指定，当前年份取自 SOURCE_DATE_EPOCH 或系统时钟）；其间人数视为不变`
        : `the plan starts in the later of the year after the data and this year${a.currentYear !== null ? ` (${a.currentYear})` : ""} (set with --from; this year from SOURCE_DATE_EPOCH, else the clock); the stock is taken as unchanged until then`,
    a.horizon !== null
      ? zh
        ? `规划期至 ${a.horizon} 年（--horizon）`
        : `plan horizon ${a.horizon} (--horizon)`
      : zh
        ? "规划期：尚未到期的约束性目标的最晚年份，否则为计划起始年；已到期目标计入规划期并标为逾期（可用 --horizon 指定）"
        : "plan horizon: the latest year of the binding targets still ahead, else the plan's first year; targets already due are planned to it and flagged overdue (set with --horizon)",
    zh
      ? `“左右”容差 ±${percent(a.aboutTolerance)}；缺口按约束性目标计算，指导性（原则上、争取、力争）与参照目标仅列示`
      : `"about" (左右) tolerance ±${percent(a.aboutTolerance)}; the plan follows binding targets; advisory (原则上, 争取, 力争) and benchmark targets are shown, not planned for`,
    precedenceAssumption(a.plan, lang),
    zh
      ? "计划按年均匀补足缺口；类别相互包含（其中项列于总项之下），总项招聘不少于其互斥子项之和，每人只计一次"
      : "the plan closes each gap in equal yearly steps; categories nest (parts shown \"of which\" under their whole), a whole hires at least the sum of its disjoint parts, and the total counts each person once",
    zh
      ? "限定机构类别的目标，其招聘计入该类机构，比例随该类机构的计划人数联动；全区性招聘按各类机构现有人数比例分配（该类别无人时按其上级类别）"
      : "hires for a target scoped to institution types go to those types, and scoped ratios follow the planned stock of their scope; region-wide hires are placed over institution types in proportion to the category's current stock there (or its whole's, where it has none)",
    ...(a.templates.length ? [zh ? `模板：${a.templates.join("、")}` : `templates: ${a.templates.join(", ")}`] : []),
  ];
}

export function regionHeading(region: RegionResult, lang: Lang): string {
  const population = region.record.figures.population?.value;
  const rural = region.record.figures.rural_population?.value;
  const parts = [`${region.name || region.code} ${region.code}`, String(region.year)];
  if (population !== undefined) parts.push(`${metricName("population", lang)} ${countText(population)}`);
  if (rural !== undefined) parts.push(`${metricName("rural_population", lang)} ${countText(rural)}`);
  return parts.join(" · ");
}

export function byLevel(evaluations: readonly Evaluation[]): Array<[Level, Evaluation[]]> {
  return LEVELS.map((level) => [level, evaluations.filter((e) => e.target.level === level)] as [Level, Evaluation[]]).filter(
    ([, list]) => list.length > 0,
  );
}

export function levelHeading(level: Level, lang: Lang): string {
  return lang === "zh" ? `${levelLabel(level, lang)}目标` : `${levelLabel(level, lang)} targets`;
}

export function summaryLine(result: CheckResult, lang: Lang): string {
  const counts = statusCountsText(result.counts, STATUS_ORDER, lang);
  return lang === "zh" ? `${result.regions.length} 个地区-年份：${counts}` : `${result.regions.length} region-years: ${counts}`;
}

/**
 * A region's counts as the run's summary line words them ("逾期未达标 1，未达标 22，…"), worst first, statuses that
 * occur only; on a terminal each in its colour.
 */
export function statusCounts(counts: Readonly<Record<string, number>>, lang: Lang, paint?: Paint, width = Infinity): string {
  const order = [...STATUS_ORDER, ...Object.keys(counts).filter((s) => !(STATUS_ORDER as readonly string[]).includes(s))];
  const parts: string[] = [];
  for (const status of order) {
    const n = counts[status] ?? 0;
    if (n === 0) continue;
    const text = lang === "zh" ? `${statusLabel(status, lang)} ${n}` : `${n} ${statusLabel(status, lang)}`;
    const tone = statusTone(status);
    parts.push(!paint ? text : tone === "bad" ? paint.red(text) : tone === "warn" ? paint.yellow(text) : tone === "good" ? paint.green(text) : paint.dim(text));
  }
  // laid out in lines of the width, each part coloured whole
  const separator = lang === "zh" ? "，" : ", ";
  const lines: string[] = [];
  let line = "";
  let used = 0;
  for (const part of parts) {
    const w = displayWidth(part.replace(/\u001b\[[0-9;]*m/g, ""));
    const extra = line ? displayWidth(separator) : 0;
    if (line && used + extra + w > width) {
      lines.push(line + separator.trimEnd());
      line = part;
      used = w;
    } else {
      line += (line ? separator : "") + part;
      used += extra + w;
    }
  }
  if (line) lines.push(line);
  return lines.join("\n");
}

/** A plan category's name, indented under its whole and marked as a part ("of which"). */
export function planCategoryName(plan: { categories: ReadonlyArray<{ metric: string; partOf?: string }> }, metric: string, lang: Lang): string {
  let depth = 0;
  for (let at = plan.categories.find((c) => c.metric === metric)?.partOf; at; at = plan.categories.find((c) => c.metric === at)?.partOf) depth++;
  if (depth === 0) return metricName(metric, lang);
  return `${"  ".repeat(depth - 1)}${lang === "zh" ? "其中：" : "of which "}${metricName(metric, lang)}`;
}
