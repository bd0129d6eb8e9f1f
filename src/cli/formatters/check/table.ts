import type { Paint } from "../../color.js";
import type { RegionResult } from "../../../check.js";
import type { Evaluation, Status } from "../../../evaluate/types.js";
import { countText, decimalText, documentTitle, gap, levelLabel, remarkText, requiredText, shortfallText, sourceShort, statusLabel, valueText } from "../../../labels.js";
import type { Level } from "../../../catalogue/catalogue.js";
import type { Lang } from "../../../messages.js";
import { metricName, unitTypeName } from "../../../registry/index.js";
import { assumptionLines, byLevel, levelHeading, planCategoryName, regionHeading, summaryLine } from "./common.js";
import type { CheckView } from "./index.js";
import { BoxTable } from "../box.js";

function statusCell(status: Status, lang: Lang, paint: Paint): string {
  const text = statusLabel(status, lang);
  switch (status) {
    case "overdue":
    case "short":
      return paint.red.bold(text);
    case "advisory":
      return paint.yellow(text);
    case "met":
      return paint.green(text);
    default:
      return paint.dim(text);
  }
}

function plainTable(head: string[], paint: Paint, widths?: number[]): BoxTable {
  return new BoxTable(head.map((h) => paint.bold(h)), widths?.map((w) => w - 2));
}

function resultRows(evaluations: readonly Evaluation[], lang: Lang, paint: Paint): string[][] {
  return evaluations.map((e) => {
    const g = gap(e);
    const notes = e.remarks.filter((r) => r.kind !== "checked-against-plan").map((r) => remarkText(r, lang));
    if (e.failing && e.failing.examples.length > 0 && e.failing.count > 0) {
      const names = e.failing.examples.slice(0, 5).map((x) => x.name).join(lang === "zh" ? "、" : ", ");
      const more = e.failing.count > 5 ? (lang === "zh" ? ` 等 ${e.failing.count} 家` : ` and ${e.failing.count - 5} more`) : "";
      notes.unshift(lang === "zh" ? `未达标：${names}${more}` : `failing: ${names}${more}`);
    }
    return [
      statusCell(e.status, lang, paint),
      `${e.target.title[lang]}\n${paint.dim(e.target.id)}`,
      valueText(e.current, e.unit, lang),
      requiredText(e, lang),
      g ? decimalText(g, e.unit) : "",
      shortfallText(e, lang),
      [sourceShort(e.target), ...notes.map((n) => paint.dim(n))].join("\n"),
    ];
  });
}

function planTable(region: RegionResult, lang: Lang, paint: Paint): string {
  const plan = region.plan;
  if (!plan || plan.categories.length === 0) return "";
  const zh = lang === "zh";
  const yearHeads = plan.categories[0]!.years.map((y) => (zh ? `${y.year} 需要/离开/招聘` : `${y.year} need/leave/hire`));
  const table = plainTable([zh ? "类别" : "category", zh ? "现有" : "now", zh ? `${plan.horizon}年需要` : `needed ${plan.horizon}`, zh ? "决定性目标" : "binding target", ...yearHeads, zh ? "合计招聘" : "hires"], paint);
  for (const c of plan.categories) {
    const why = c.bindingTarget ?? (c.requiredAtHorizon > c.current ? (zh ? "（其中项/机构类别）" : "(its parts or scopes)") : zh ? "（已满足）" : "(met)");
    table.push([
      planCategoryName(plan, c.metric, lang),
      countText(c.current),
      countText(c.requiredAtHorizon),
      c.overdue ? `${why} ${zh ? "逾期" : "overdue"}` : why,
      ...c.years.map((y) => `${countText(y.required)} / ${countText(y.leavers)} / ${paint.bold(countText(y.hires))}`),
      paint.bold(countText(c.totalHires)),
    ]);
  }
  table.push([
    paint.bold(zh ? "合计（每人计一次）" : "total (each person once)"),
    "",
    "",
    "",
    ...plan.totals.map((t) => `— / ${countText(t.leavers)} / ${paint.bold(countText(t.hires))}`),
    paint.bold(countText(plan.totals.reduce((n, t) => n + t.hires, 0))),
  ]);
  let out = `${zh ? `招聘计划 ${plan.startYear}–${plan.horizon}` : `Hiring plan ${plan.startYear}–${plan.horizon}`}\n${table.toString()}\n`;
  for (const c of plan.categories) {
    const placed = (c.byUnitType ?? []).filter((u) => u.hires > 0).map((u) => `${u.unitType ? unitTypeName(u.unitType, lang) : zh ? "未列机构" : "not in institution rows"} +${countText(u.hires)}`);
    if (placed.length) out += `  ${metricName(c.metric, lang)} → ${placed.join(", ")}\n`;
    if (c.limit) {
      out += paint.yellow(
        zh
          ? `  ! ${metricName(c.metric, "zh")}每年招聘上限 ${c.limit.max}（${c.limit.target}）：按此速度${c.limit.reachedYear === null ? "无法达到" : `于 ${c.limit.reachedYear} 年达到`} ${countText(c.requiredAtHorizon)}\n`
          : `  ! ${metricName(c.metric, "en")} hires capped at ${c.limit.max} a year (${c.limit.target}): at that pace ${countText(c.requiredAtHorizon)} is ${c.limit.reachedYear === null ? "never reached" : `reached in ${c.limit.reachedYear}`}\n`,
      );
    }
    if (c.trend) {
      const reached = c.trend.targets.map((t) => `${t.target} ${t.reachedYear ?? (zh ? "达不到" : "never")}`).join(", ");
      out += zh
        ? `  ${metricName(c.metric, "zh")}趋势 ${c.trend.fromYear}–${c.trend.toYear}：每年 ${c.trend.pacePerYear} 人${reached ? `；按此速度：${reached}` : ""}\n`
        : `  ${metricName(c.metric, "en")} trend ${c.trend.fromYear}–${c.trend.toYear}: ${c.trend.pacePerYear} a year${reached ? `; at that pace: ${reached}` : ""}\n`;
    }
  }
  for (const alt of plan.alternatives) {
    out += zh
      ? `  ${alt.target}：招聘${metricName(alt.hire.metric, "zh")} ${countText(alt.hire.count)} 人（计划采用），或 ${countText(alt.qualify.count)} 名${metricName(alt.qualify.metric, "zh")}取得执业医师资格\n`
      : `  ${alt.target}: hire ${countText(alt.hire.count)} ${metricName(alt.hire.metric, "en")} (as planned), or ${countText(alt.qualify.count)} ${metricName(alt.qualify.metric, "en")} qualify\n`;
  }
  if (plan.posts) {
    const p = plan.posts;
    const need = p.years.map((y) => `${y.year} ${countText(y.newPosts)}`).join(", ");
    out += zh
      ? `  编制：${countText(p.establishment)}，卫生人员 ${countText(p.staff)}，${p.overEstablishment ? `超编 ${countText(-p.vacancies)}` : `空编 ${countText(p.vacancies)}`}；需新增编制：${need}\n`
      : `  approved posts: ${countText(p.establishment)} for ${countText(p.staff)} staff, ${p.overEstablishment ? `${countText(-p.vacancies)} over establishment (超编)` : `${countText(p.vacancies)} vacant`}; hires needing new posts: ${need}\n`;
  }
  for (const c of plan.categories) {
    for (const f of c.flags) {
      const what = f.kind === "above-max" ? (zh ? "超过" : "above") : zh ? "低于" : "below";
      out += paint.yellow(
        zh
          ? `  ! ${f.year} 年${metricName(c.metric, "zh")}计划值 ${f.planned} ${what}目标 ${f.target} 的 ${f.limit}\n`
          : `  ! ${f.year}: the plan's ${metricName(c.metric, "en")} figure ${f.planned} is ${what} ${f.limit} of ${f.target}\n`,
      );
    }
  }
  for (const pool of plan.postPools) {
    out += zh ? `  编制池/核增：${pool.target} ${countText(pool.value)}\n` : `  approved-post pool: ${pool.target} ${countText(pool.value)}\n`;
  }
  return out;
}

function rollupLevelsLine(levels: ReadonlyArray<{ level: Level; regions: number }>, lang: Lang): string {
  const zh = lang === "zh";
  const found = levels.map(({ level, regions }) => `${levelLabel(level, lang)} ${regions}`).join(zh ? "、" : ", ");
  return zh ? `文件含多个层级（${found}），按层级分别汇总，不跨层级相加` : `The file holds several levels (${found}): rolled up per level, never summed across levels`;
}

export function tableFormatter({ result, lang, paint }: CheckView): string {
  const zh = lang === "zh";
  let out = "";
  for (const region of result.regions) {
    out += `\n${paint.bold(regionHeading(region, lang))}\n`;
    for (const [level, evaluations] of byLevel(region.evaluations)) {
      const table = plainTable(
        [zh ? "状态" : "status", zh ? "目标" : "target", zh ? "现状" : "current", zh ? "目标值" : "required", zh ? "差距" : "gap", zh ? "缺口" : "short by", zh ? "出处" : "source"],
        paint,
        [10, 32, 14, 16, 8, 16, 46],
      );
      for (const row of resultRows(evaluations, lang, paint)) table.push(row);
      out += `${paint.underline(levelHeading(level, lang))}\n${table.toString()}\n`;
    }
    out += planTable(region, lang, paint);
  }
  if (result.regions.length > 1 && result.rollup.length > 0) {
    out += `\n${paint.bold(zh ? "汇总：各类别每年招聘人数" : "Roll-up: hires per category and year")}\n`;
    // one table per level: a province's figures already hold its prefectures' people
    const nested = result.levels.length > 1;
    if (nested) out += `${rollupLevelsLine(result.levels, lang)}\n`;
    for (const { level } of result.levels) {
      const rows = result.rollup.filter((r) => r.level === level);
      if (rows.length === 0) continue;
      const years = [...new Set(rows.flatMap((r) => r.years.map((y) => y.year)))].sort();
      const table = plainTable([zh ? "类别" : "category", ...years.map(String), zh ? "合计" : "total"], paint);
      for (const r of rows) {
        table.push([metricName(r.metric, lang), ...years.map((y) => countText(r.years.find((x) => x.year === y)?.hires ?? 0)), countText(r.totalHires)]);
      }
      const totals = result.rollupTotals.filter((t) => t.level === level);
      table.push([zh ? "合计（每人计一次）" : "total (each person once)", ...years.map((y) => countText(totals.find((x) => x.year === y)?.hires ?? 0)), countText(totals.reduce((n, t) => n + t.hires, 0))]);
      if (nested) out += `${paint.underline(levelLabel(level, lang))}\n`;
      out += `${table.toString()}\n`;
    }
  }
  const documents = [...new Set(result.regions.flatMap((r) => r.evaluations.map((e) => e.target.provenance.document)))].sort();
  if (documents.length) {
    out += `\n${paint.bold(zh ? "出处文件" : "Sources")}\n${documents.map((d) => `  [${d}] ${documentTitle(d, lang)}`).join("\n")}\n`;
  }
  out += `\n${paint.bold(summaryLine(result, lang))}\n`;
  out += `${paint.dim((zh ? "假设：" : "Assumptions: ") + assumptionLines(result, lang).join(zh ? "；" : "; "))}\n`;
  return out;
}
