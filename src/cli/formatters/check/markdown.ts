import type { CheckSummary, RegionResult } from "../../../check.js";
import { countText, decimalText, documentTitle, gap, levelLabel, remarkText, requiredText, shortfallText, sourceText, statusLabel, valueText } from "../../../i18n/labels.js";
import type { Lang } from "../../../i18n/messages.js";
import { metricName } from "../../../registry/index.js";
import { neutralise } from "../text.js";
import { assumptionLines, byLevel, levelHeading, regionHeading, statusCounts } from "./common.js";
import type { StreamFormatFactory } from "./stream.js";
import {
  basisText,
  detailsOrder,
  levelsNote,
  nestedCategories,
  overviewOrder,
  planNotes,
  planTitle,
  citedDocuments,
  detailsNote,
  regionSummary,
  rollupLevels,
  startText,
  words,
  type DetailsNote,
  type RegionSummary,
} from "./summary.js";

/** Text safe in markdown: no control characters or line breaks, and nothing read as markup or HTML. */
export function mdText(text: string): string {
  return neutralise(text).replace(/[\\`*_[\]<>|]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : `\\${c}`));
}

function row(cells: string[]): string {
  return `| ${cells.join(" | ")} |\n`;
}

function answer(s: RegionSummary, lang: Lang): string {
  const w = words[lang];
  const zh = lang === "zh";
  let out = "";
  if (s.hires.length === 0) {
    out += s.region.plan ? `**${mdText(w.answer)}**${zh ? "：" : ": "}${mdText(w.nothingToHire)}\n` : "";
  } else {
    const span = s.years.length > 1 ? `${s.years[0]}–${s.years.at(-1)}` : String(s.years[0]);
    const lead = s.total ? (zh ? `${span} 年需招聘 ${countText(s.total.total)} 人` : `hire ${countText(s.total.total)} people in ${span}`) : zh ? `${span} 年各类别需招聘人数` : `people to hire per category, ${span}`;
    out += `**${mdText(w.answer)}**${zh ? "：" : ": "}${mdText(lead)}\n\n`;
    out += row([mdText(w.category), ...s.years.map(String), mdText(w.total)]);
    out += `|---|${s.years.map(() => "---:|").join("")}---:|\n`;
    for (const line of s.hires) out += row([mdText((line.depth > 0 ? `${"　".repeat(line.depth)}${w.ofWhich}` : "") + line.name), ...line.hires.map(countText), `**${countText(line.total)}**`]);
    if (s.total) out += row([`**${mdText(w.totalOnce)}**`, ...s.total.hires.map((n) => `**${countText(n)}**`), `**${countText(s.total.total)}**`]);
  }
  if (s.worst.length) {
    out += `\n**${mdText(w.worst)}**\n\n`;
    for (const g of s.worst) {
      const short = g.shortfall ? (zh ? `，缺 ${g.shortfall}` : `, short by ${g.shortfall}`) : "";
      out += `- ${mdText(zh ? `${g.title}：现状 ${g.current}，目标 ${g.required}${short}` : `${g.title}: ${g.current} against ${g.required}${short}`)}\n`;
    }
  }
  if (s.notAssessed.length) {
    const count = s.notAssessed.reduce((n, x) => n + x.titles.length, 0);
    out += `\n**${mdText(zh ? `${w.notAssessed}（${count} 项）` : `${w.notAssessed} (${count})`)}**\n\n`;
    for (const x of s.notAssessed) out += `- ${mdText(x.reason)}${zh ? "：" : ": "}${mdText(x.titles.join(zh ? "、" : "; "))}\n`;
  }
  return `${out}\n${mdText(statusCounts(s.region.counts, lang))}\n`;
}

function results(region: RegionResult, lang: Lang): string {
  const w = words[lang];
  const zh = lang === "zh";
  let out = "";
  for (const [level, evaluations] of byLevel(region.evaluations)) {
    out += `\n#### ${mdText(levelHeading(level, lang))}\n\n`;
    out += row([w.status, w.target, w.current, w.requiredValue, w.gap, w.shortBy, w.source].map(mdText));
    out += "|---|---|---:|---:|---:|---:|---|\n";
    for (const e of evaluations) {
      const g = gap(e);
      const notes = e.remarks.filter((r) => r.kind !== "checked-against-plan").map((r) => remarkText(r, lang));
      if (e.failing && e.failing.count > 0 && e.failing.examples.length > 0) {
        const names = e.failing.examples.map((x) => x.name).join(zh ? "、" : ", ");
        const more = e.failing.count > e.failing.examples.length ? (zh ? ` 等 ${e.failing.count} 家` : ` and ${e.failing.count - e.failing.examples.length} more`) : "";
        notes.unshift(zh ? `未达标机构：${names}${more}` : `institutions failing: ${names}${more}`);
      }
      out += row([
        mdText(statusLabel(e.status, lang)),
        mdText(e.target.title[lang]),
        mdText(valueText(e.current, e.unit, lang)),
        mdText(requiredText(e, lang)),
        g ? decimalText(g, e.unit) : "",
        mdText(shortfallText(e, lang)),
        [sourceText(e.target, lang), ...notes].map(mdText).join("<br>"),
      ]);
    }
  }
  return out;
}

function plan(region: RegionResult, lang: Lang): string {
  const plan = region.plan;
  if (!plan || plan.categories.length === 0) return "";
  const zh = lang === "zh";
  const w = words[lang];
  const years = plan.categories[0]!.years.map((y) => y.year);
  let out = `\n#### ${mdText(planTitle(plan, lang))}\n\n`;
  const start = startText(region, lang);
  if (start) out += `${mdText(start)}\n\n`;
  out += row([mdText(w.category), mdText(w.basis), mdText(zh ? `${region.year}年${w.now}` : `${w.now} ${region.year}`), ...years.map((y) => mdText(zh ? `${y} 需要／自然减员／招聘` : `${y} needed / leavers / hires`)), mdText(zh ? "合计招聘" : "hires in all")]);
  out += `|---|---|---:|${years.map(() => "---:|").join("")}---:|\n`;
  for (const { category: c, depth } of nestedCategories(plan)) {
    out += row([
      mdText((depth > 0 ? `${"　".repeat(depth)}${w.ofWhich}` : "") + metricName(c.metric, lang)),
      mdText(basisText(region, c, lang)),
      countText(c.current),
      ...years.map((year) => {
        const y = c.years.find((x) => x.year === year);
        return y ? `${countText(y.required)}／${countText(y.leavers)}／**${countText(y.hires)}**` : "";
      }),
      `**${countText(c.totalHires)}**`,
    ]);
  }
  const totals = plan.totals;
  if (totals.length) {
    out += row([`**${mdText(w.totalOnce)}**`, "", "", ...years.map((year) => {
      const t = totals.find((x) => x.year === year);
      return t ? `／${countText(t.leavers)}／**${countText(t.hires)}**` : "";
    }), `**${countText(totals.reduce((n, t) => n + t.hires, 0))}**`]);
  }
  out += `\n${mdText(w.leaversNote)}\n`;
  const notes = planNotes(region, lang);
  if (notes.length) out += `\n${notes.map((n) => `- ${n.warn ? "**!** " : ""}${mdText(n.text)}`).join("\n")}\n`;
  return out;
}

/** A planned region's line in the overview table. */
function overviewRow(s: RegionSummary, lang: Lang): string {
  const zh = lang === "zh";
  const worst = s.worst.map((g) => mdText(`${g.title}${g.shortfall ? (zh ? `（缺 ${g.shortfall}）` : ` (short by ${g.shortfall})`) : ""}`));
  return row([mdText(`${s.region.name || s.region.code} ${s.region.code} ${s.region.year}`), `**${countText(s.peopleNeeded)}**`, worst.join("<br>") || mdText(zh ? "无约束性缺口" : "no binding gap")]);
}

function rollup(summary: CheckSummary, lang: Lang): string {
  const zh = lang === "zh";
  const w = words[lang];
  let out = `\n### ${mdText(zh ? "汇总：各类别每年招聘人数" : "Roll-up: hires per category and year")}\n`;
  const note = levelsNote(summary, lang);
  if (note) out += `\n${mdText(note)}\n`;
  for (const { level, rows, totals, years } of rollupLevels(summary)) {
    if (note) out += `\n#### ${mdText(levelLabel(level, lang))}\n`;
    out += `\n${row([mdText(w.category), ...years.map(String), mdText(w.total)])}|---|${years.map(() => "---:|").join("")}---:|\n`;
    for (const r of rows) out += row([mdText((r.depth > 0 ? `${"　".repeat(r.depth)}${w.ofWhich}` : "") + metricName(r.metric, lang)), ...years.map((y) => countText(r.years.find((x) => x.year === y)?.hires ?? 0)), `**${countText(r.totalHires)}**`]);
    if (totals.length) out += row([`**${mdText(w.totalOnce)}**`, ...years.map((y) => `**${countText(totals.find((x) => x.year === y)?.hires ?? 0)}**`), `**${countText(totals.reduce((n, t) => n + t.hires, 0))}**`]);
  }
  return out;
}

/** One region's details: its heading, the answer, the results per level and the plan. */
function regionDetails(region: RegionResult, summary: RegionSummary | undefined, lang: Lang): string {
  let out = `\n### ${mdText(regionHeading(region, lang))}\n\n`;
  out += summary ? answer(summary, lang) : `${mdText(statusCounts(region.counts, lang))}\n`;
  return out + results(region, lang) + plan(region, lang);
}

/**
 * A section ready to paste into an annual report: the answer, the overview, each region's results and plan, the
 * sources. Two texts per region, written when it is checked: its line of the overview and its details.
 */
export const markdownFormat: StreamFormatFactory<DetailsNote> = () => ({
  sections: 2,
  region(region, lang) {
    const summary = region.plan ? regionSummary(region, lang) : undefined;
    return { texts: [summary ? overviewRow(summary, lang) : "", regionDetails(region, summary, lang)], note: detailsNote(region, summary, true) };
  },
  *frame(summary, _file, lang, worstFirst, notes) {
    const zh = lang === "zh";
    const w = words[lang];
    const keys = notes.map((n) => n.key);
    const onceEverywhere = notes.every((n) => n.countedOnce);
    yield `## ${zh ? "卫生人才缺口分析" : "Health workforce gap analysis"}\n\n${mdText(zh ? `${summary.regionCount} 个地区-年份：` : `${summary.regionCount} region-years: `)}${mdText(statusCounts(summary.counts, lang))}\n`;
    if (summary.regionCount > 1) {
      yield `\n### ${mdText(w.overview)}\n\n${mdText(w.overviewOrder + (onceEverywhere ? "" : zh ? `；${w.peopleNeeded}为${w.peopleNeededNote}` : `; ${w.peopleNeeded}: ${w.peopleNeededNote}`))}\n\n`;
      yield row([w.region, w.peopleNeeded, w.worstTargets].map(mdText)) + "|---|---:|---|\n";
      yield { section: 0, order: overviewOrder(keys, worstFirst), separator: "" };
      if (summary.rollup.length) yield rollup(summary, lang);
    }
    yield { section: 1, order: detailsOrder(keys, worstFirst), separator: "" };
    const cited = citedDocuments(notes);
    if (cited.length) yield `\n### ${zh ? "出处文件" : "Sources"}\n\n${cited.map((d) => `- \\[${d}\\] ${mdText(documentTitle(d, lang))}`).join("\n")}\n`;
    yield `\n### ${zh ? "假设" : "Assumptions"}\n\n${assumptionLines(summary, lang).map((l) => `- ${mdText(l)}`).join("\n")}\n`;
  },
});
