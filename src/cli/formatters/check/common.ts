import { STATUS_ORDER, type CheckResult, type RegionResult } from "../../../check.js";
import { LEVELS, type Level } from "../../../catalogue/catalogue.js";
import type { Evaluation } from "../../../evaluate/types.js";
import type { Paint } from "../../color.js";
import { displayWidth } from "../text.js";
import { countText, levelLabel, precedenceAssumption, statusCountsText, statusLabel, statusTone } from "../../../labels.js";
import type { Lang } from "../../../messages.js";
import { metricName } from "../../../registry/index.js";

function percent(rate: number): string {
  return `${Number((rate * 100).toFixed(4))}%`;
}

/** The assumptions printed with every result: nothing is hidden in a default. */
export function assumptionLines(result: CheckResult, lang: Lang): string[] {
  const a = result.assumptions;
  const zh = lang === "zh";
  return [
    zh
      ? `目标库 ${result.catalogue.version}（${result.catalogue.published}，${result.catalogue.targets} 项目标）`
      : `catalogue ${result.catalogue.version} (${result.catalogue.published}, ${result.catalogue.targets} targets)`,
    zh ? `人口年增长率 ${percent(a.populationGrowth)}（--population-growth）` : `population growth ${percent(a.populationGrowth)} a year (--population-growth)`,
    zh ? `年流失率 ${percent(a.attrition)}（--attrition），离职人数向上取整` : `attrition ${percent(a.attrition)} of staff a year (--attrition), leavers rounded up`,
    a.horizon !== null
      ? zh
        ? `规划期至 ${a.horizon} 年（--horizon）`
        : `plan horizon ${a.horizon} (--horizon)`
      : zh
        ? "规划期：约束性目标的最晚年份；目标年份已过时为数据年份次年（可用 --horizon 指定）"
        : "plan horizon: the latest year of the binding targets, or the year after the data when that has passed (set with --horizon)",
    zh
      ? `“左右”容差 ±${percent(a.aboutTolerance)}；缺口按约束性目标计算，指导性（原则上、争取、力争）与参照目标仅列示`
      : `"about" (左右) tolerance ±${percent(a.aboutTolerance)}; the plan follows binding targets; advisory (原则上, 争取, 力争) and benchmark targets are shown, not planned for`,
    precedenceAssumption(a.plan, lang),
    zh ? "计划按年均匀补足缺口；比例类目标随计划中的医师数联动" : "the plan closes each gap in equal yearly steps; ratios follow the plan's own stock of the category they are a ratio of",
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
