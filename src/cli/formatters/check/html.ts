/**
 * The report as one self-contained HTML page: styles inline, charts as inline SVG, no script and nothing fetched
 * when it is opened, so it can be mailed, opened offline and printed. The answer comes first (overview of the
 * regions, then each region's hires), the details after.
 */
import type { CheckSummary, RegionResult } from "../../../check.js";
import type { Evaluation } from "../../../evaluate/types.js";
import { countText, decimalText, documentTitle, gap, levelLabel, remarkText, requiredText, shortfallText, sourceText, statusLabel, statusTone, valueText } from "../../../i18n/labels.js";
import type { Lang } from "../../../i18n/messages.js";
import { metricName } from "../../../registry/index.js";
import { attainmentChart, barChart, escapeHtml as esc, groupedColumns, type Bar } from "../svg.js";
import { assumptionLines, byLevel, levelHeading, regionHeading, statusCounts } from "./common.js";
import type { StreamFormatFactory } from "./stream.js";
import {
  basisText,
  citedDocuments,
  detailsNote,
  detailsOrder,
  levelsNote,
  nestedCategories,
  overviewOrder,
  planNotes,
  planTitle,
  regionSummary,
  rollupLevels,
  startText,
  words,
  type DetailsNote,
  type RegionSummary,
} from "./summary.js";

const STYLE = `
:root { --bad: #c62828; --warn: #b26a00; --good: #2e7d32; --muted: #757575; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1f2328; margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.5; font-size: 14px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 2px solid #1f2328; padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 8px; } .meta, .note { color: var(--muted); font-size: 13px; }
.answer { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; }
.lead { font-size: 18px; font-weight: 600; margin: 0 0 8px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; vertical-align: top; text-align: left; }
th { background: #f0f3f6; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.part td:first-child { padding-left: 24px; } tr.total td { font-weight: 600; }
.status { white-space: nowrap; font-weight: 600; } .bad { color: var(--bad); } .warn { color: var(--warn); } .good { color: var(--good); } .muted { color: var(--muted); }
.small { color: var(--muted); font-size: 12px; display: block; }
ul { margin: 4px 0 8px; padding-left: 20px; }
svg.chart { max-width: 100%; height: auto; display: block; margin: 8px 0 16px; font-size: 13px; font-family: inherit; }
svg.chart text { fill: #1f2328; } svg.chart text.axis { fill: var(--muted); font-size: 11px; }
svg.chart rect.bar { fill: #0969da; } svg.chart rect.bad { fill: var(--bad); } svg.chart rect.warn { fill: #d4a72c; } svg.chart rect.good { fill: var(--good); } svg.chart rect.muted { fill: #afb8c1; }
svg.chart line.goal { stroke: #1f2328; stroke-dasharray: 4 3; } svg.chart line.grid { stroke: #eaeef2; }
svg.chart .s0 { fill: #0969da; } svg.chart .s1 { fill: #bf3989; } svg.chart .s2 { fill: #1a7f37; } svg.chart .s3 { fill: #9a6700; } svg.chart .s4 { fill: #8250df; }
svg.chart .s5 { fill: #cf222e; } svg.chart .s6 { fill: #1b7c83; } svg.chart .s7 { fill: #bc4c00; } svg.chart .s8 { fill: #57606a; } svg.chart .s9 { fill: #4d2d00; }
@media print { body { max-width: none; padding: 0; font-size: 11px; } section.region { break-before: page; } table, svg.chart, .answer { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
`;

function cls(status: string): string {
  return statusTone(status);
}

function statusCell(status: string, lang: Lang): string {
  return `<td class="status ${cls(status)}">${esc(statusLabel(status, lang))}</td>`;
}

function answer(s: RegionSummary, lang: Lang): string {
  const w = words[lang];
  const zh = lang === "zh";
  let out = `<div class="answer">`;
  if (s.hires.length === 0) {
    out += `<p class="lead">${esc(s.region.plan ? w.nothingToHire : "")}</p>`;
  } else {
    const span = s.years.length > 1 ? `${s.years[0]}–${s.years.at(-1)}` : String(s.years[0]);
    const lead = s.total ? (zh ? `${span} 年需招聘 ${countText(s.total.total)} 人` : `Hire ${countText(s.total.total)} people in ${span}`) : zh ? `${span} 年各类别需招聘人数` : `People to hire per category, ${span}`;
    out += `<p class="lead">${esc(lead)}</p>`;
    out += `<table><thead><tr><th>${esc(w.category)}</th>${s.years.map((y) => `<th class="num">${y}</th>`).join("")}<th class="num">${esc(w.total)}</th></tr></thead><tbody>`;
    for (const line of s.hires) {
      out += `<tr><td style="padding-left:${8 + line.depth * 16}px">${esc((line.depth > 0 ? w.ofWhich : "") + line.name)}</td>${line.hires.map((n) => `<td class="num">${countText(n)}</td>`).join("")}<td class="num"><b>${countText(line.total)}</b></td></tr>`;
    }
    if (s.total) out += `<tr class="total"><td>${esc(w.totalOnce)}</td>${s.total.hires.map((n) => `<td class="num">${countText(n)}</td>`).join("")}<td class="num">${countText(s.total.total)}</td></tr>`;
    out += `</tbody></table>`;
    out += groupedColumns(
      s.years.map(String),
      // the categories under a single whole (卫生人员), else the wholes themselves
      s.hires.filter((h) => h.depth === (s.hires.filter((x) => x.depth === 0).length === 1 && s.hires.length > 1 ? 1 : 0)).map((h) => ({ name: h.name, values: h.hires })),
      { title: zh ? "各类别每年招聘人数" : "Hires per year and category" },
    );
  }
  if (s.worst.length) {
    out += `<h3>${esc(w.worst)}</h3><ul>`;
    for (const g of s.worst) {
      const short = g.shortfall ? (zh ? `，缺 ${g.shortfall}` : `, short by ${g.shortfall}`) : "";
      out += `<li><span class="${cls(g.evaluation.status)}">${esc(statusLabel(g.evaluation.status, lang))}</span> ${esc(zh ? `${g.title}：现状 ${g.current}，目标 ${g.required}${short}` : `${g.title}: ${g.current} against ${g.required}${short}`)}</li>`;
    }
    out += `</ul>`;
  }
  if (s.notAssessed.length) {
    const count = s.notAssessed.reduce((n, x) => n + x.titles.length, 0);
    out += `<h3>${esc(zh ? `${w.notAssessed}（${count} 项）` : `${w.notAssessed} (${count})`)}</h3><ul>`;
    for (const x of s.notAssessed) out += `<li>${esc(x.reason)} <span class="small">${esc(x.titles.join(zh ? "、" : "; "))}</span></li>`;
    out += `</ul>`;
  }
  out += `<p class="note">${esc(statusCounts(s.region.counts, lang))}</p></div>`;
  return out;
}

function attainment(region: RegionResult, lang: Lang): string {
  const zh = lang === "zh";
  const rows = region.evaluations
    .filter((e) => e.current && e.required && !e.required.isZero() && e.unit !== "institutions")
    .map((e) => ({
      label: e.target.title[lang],
      ratio: e.current!.div(e.required!).toNumber(),
      tone: cls(e.status),
      note: `${valueText(e.current, e.unit, lang)} / ${requiredText(e, lang)}`,
    }));
  if (rows.length === 0) return "";
  return `<h3>${esc(zh ? "现状与目标" : "Current against required")}</h3><p class="note">${esc(zh ? "条长为现状占目标值的比例，虚线为目标值（100%）；颜色为状态" : "bar: the current figure as a share of the required one; dashed line: the target (100%); colour: the status")}</p>${attainmentChart(rows, { title: zh ? "现状与目标" : "Current against required", requiredLabel: zh ? "目标" : "target" })}`;
}

function notes(e: Evaluation, lang: Lang): string[] {
  const zh = lang === "zh";
  const list = e.remarks.filter((r) => r.kind !== "checked-against-plan").map((r) => remarkText(r, lang));
  if (e.failing && e.failing.count > 0 && e.failing.examples.length > 0) {
    const names = e.failing.examples.map((x) => x.name).join(zh ? "、" : ", ");
    const more = e.failing.count > e.failing.examples.length ? (zh ? ` 等 ${e.failing.count} 家` : ` and ${e.failing.count - e.failing.examples.length} more`) : "";
    list.unshift(zh ? `未达标机构：${names}${more}` : `institutions failing: ${names}${more}`);
  }
  return list;
}

function results(region: RegionResult, lang: Lang): string {
  const w = words[lang];
  let out = "";
  for (const [level, list] of byLevel(region.evaluations)) {
    out += `<h3>${esc(levelHeading(level, lang))}</h3><table><thead><tr><th>${esc(w.status)}</th><th>${esc(w.target)}</th><th class="num">${esc(w.current)}</th><th class="num">${esc(w.requiredValue)}</th><th class="num">${esc(w.gap)}</th><th class="num">${esc(w.shortBy)}</th></tr></thead><tbody>`;
    for (const e of list) {
      const g = gap(e);
      out += `<tr>${statusCell(e.status, lang)}<td>${esc(e.target.title[lang])}<span class="small">${esc(sourceText(e.target, lang))}</span>${notes(e, lang).map((n) => `<span class="small">${esc(n)}</span>`).join("")}</td>`;
      out += `<td class="num">${esc(valueText(e.current, e.unit, lang))}</td><td class="num">${esc(requiredText(e, lang))}</td><td class="num">${g ? esc(decimalText(g, e.unit)) : ""}</td><td class="num">${esc(shortfallText(e, lang))}</td></tr>`;
    }
    out += `</tbody></table>`;
  }
  return out;
}

function planSection(region: RegionResult, lang: Lang): string {
  const plan = region.plan;
  if (!plan || plan.categories.length === 0) return "";
  const zh = lang === "zh";
  const w = words[lang];
  const years = plan.categories[0]!.years.map((y) => y.year);
  let out = `<h3>${esc(planTitle(plan, lang))}</h3>`;
  const start = startText(region, lang);
  if (start) out += `<p class="note">${esc(start)}</p>`;
  out += `<table><thead><tr><th rowspan="2">${esc(w.category)}</th><th rowspan="2" class="num">${esc(zh ? `${region.year}年${w.now}` : `${w.now} ${region.year}`)}</th>`;
  out += years.map((y) => `<th colspan="3" class="num">${y}</th>`).join("") + `<th rowspan="2" class="num">${esc(zh ? "合计招聘" : "hires in all")}</th></tr><tr>`;
  out += years.map(() => `<th class="num">${esc(w.required)}</th><th class="num">${esc(w.leavers)}</th><th class="num">${esc(w.hires)}</th>`).join("") + `</tr></thead><tbody>`;
  for (const { category: c, depth } of nestedCategories(plan)) {
    out += `<tr><td style="padding-left:${8 + depth * 16}px">${esc((depth > 0 ? w.ofWhich : "") + metricName(c.metric, lang))}<span class="small${c.overdue ? " bad" : ""}">${esc(basisText(region, c, lang))}</span></td><td class="num">${countText(c.current)}</td>`;
    for (const year of years) {
      const y = c.years.find((x) => x.year === year);
      out += y ? `<td class="num">${countText(y.required)}</td><td class="num">${countText(y.leavers)}</td><td class="num"><b>${countText(y.hires)}</b></td>` : `<td></td><td></td><td></td>`;
    }
    out += `<td class="num"><b>${countText(c.totalHires)}</b></td></tr>`;
  }
  const totals = plan.totals;
  if (totals.length) {
    out += `<tr class="total"><td>${esc(w.totalOnce)}</td><td></td>`;
    for (const year of years) {
      const t = totals.find((x) => x.year === year);
      out += `<td></td><td class="num">${t ? countText(t.leavers) : ""}</td><td class="num">${t ? countText(t.hires) : ""}</td>`;
    }
    out += `<td class="num">${countText(totals.reduce((n, t) => n + t.hires, 0))}</td></tr>`;
  }
  out += `</tbody></table><p class="note">${esc(w.leaversNote)}</p>`;
  const notes = planNotes(region, lang);
  if (notes.length) out += `<ul>${notes.map((n) => `<li${n.warn ? ` class="warn"` : ""}>${esc(n.text)}</li>`).join("")}</ul>`;
  return out;
}

/** A planned region's row of the overview table. */
function overviewRow(s: RegionSummary, lang: Lang): string {
  const zh = lang === "zh";
  const r = s.region;
  const worst = s.worst.map((g) => `${g.title}${g.shortfall ? (zh ? `（缺 ${g.shortfall}）` : ` (short by ${g.shortfall})`) : ""}`);
  return `<tr><td><a href="#r-${esc(r.code)}-${r.year}">${esc(r.name || r.code)}</a><span class="small">${esc(r.code)} · ${r.year}</span></td><td class="num"><b>${countText(s.peopleNeeded)}</b></td><td>${worst.length ? worst.map(esc).join("<br>") : `<span class="good">${esc(zh ? "无约束性缺口" : "no binding gap")}</span>`}</td></tr>`;
}

/** A region's section: its heading, the answer, how far each target is met, the results per level and the plan. */
function regionSection(region: RegionResult, summary: RegionSummary | undefined, lang: Lang): string {
  let out = `<section class="region" id="r-${esc(region.code)}-${region.year}"><h2>${esc(regionHeading(region, lang))}</h2>`;
  if (summary) out += answer(summary, lang);
  else out += `<p class="note">${esc(statusCounts(region.counts, lang))}</p>`;
  return `${out}${attainment(region, lang)}${results(region, lang)}${planSection(region, lang)}</section>\n`;
}

/** The roll-up of the overview: hires per category and year, each level on its own. */
function rollup(summary: CheckSummary, lang: Lang): string {
  const zh = lang === "zh";
  const w = words[lang];
  let out = `<h3>${esc(zh ? "汇总：各类别每年招聘人数" : "Roll-up: hires per category and year")}</h3>`;
  const note = levelsNote(summary, lang);
  if (note) out += `<p class="note">${esc(note)}</p>`;
  for (const { level, rows, totals, years } of rollupLevels(summary)) {
    if (note) out += `<h4>${esc(levelLabel(level, lang))}</h4>`;
    out += `<table><thead><tr><th>${esc(w.category)}</th>${years.map((y) => `<th class="num">${y}</th>`).join("")}<th class="num">${esc(w.total)}</th></tr></thead><tbody>`;
    for (const r of rows) {
      out += `<tr><td style="padding-left:${8 + r.depth * 16}px">${esc((r.depth > 0 ? w.ofWhich : "") + metricName(r.metric, lang))}</td>${years.map((y) => `<td class="num">${countText(r.years.find((x) => x.year === y)?.hires ?? 0)}</td>`).join("")}<td class="num"><b>${countText(r.totalHires)}</b></td></tr>`;
    }
    if (totals.length) {
      out += `<tr class="total"><td>${esc(w.totalOnce)}</td>${years.map((y) => `<td class="num">${countText(totals.find((x) => x.year === y)?.hires ?? 0)}</td>`).join("")}<td class="num">${countText(totals.reduce((n, t) => n + t.hires, 0))}</td></tr>`;
    }
    out += `</tbody></table>`;
    // the categories directly under the whole (or the wholes), so no person is drawn twice
    const top = rows.filter((r) => r.partOf === undefined);
    const shown = top.length === 1 ? rows.filter((r) => r.partOf === top[0]!.metric) : top;
    out += groupedColumns(
      years.map(String),
      (shown.length ? shown : rows).map((r) => ({ name: metricName(r.metric, lang), values: years.map((y) => r.years.find((x) => x.year === y)?.hires ?? 0) })),
      { title: `${zh ? "汇总：各类别每年招聘人数" : "Roll-up: hires per category and year"}${note ? ` · ${levelLabel(level, lang)}` : ""}` },
    );
  }
  return out;
}

/** What the page's frame keeps of a region: the details note, and for a planned region its bar of the overview. */
interface HtmlNote extends DetailsNote {
  bar: Bar | undefined;
}

/**
 * The page: the overview of the regions (a bar per planned region, their table, the roll-up), each region's section,
 * the sources and assumptions. Two texts per region, written when it is checked: its row of the overview table and its
 * section.
 */
export const htmlFormat: StreamFormatFactory<HtmlNote> = () => ({
  sections: 2,
  region(region, lang) {
    const summary = region.plan ? regionSummary(region, lang) : undefined;
    const bar = summary ? { label: `${region.name || region.code} ${region.year}`, value: summary.peopleNeeded, tone: summary.worst.length ? "bad" : "good" } : undefined;
    return { texts: [summary ? overviewRow(summary, lang) : "", regionSection(region, summary, lang)], note: { ...detailsNote(region, summary, true), bar } };
  },
  *frame(summary, file, lang, worstFirst, notes) {
    const zh = lang === "zh";
    const w = words[lang];
    const title = zh ? "卫生人才缺口分析" : "Health workforce gap analysis";
    yield `<!doctype html>\n<html lang="${zh ? "zh-CN" : "en"}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${esc(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n`;
    yield `<header><h1>${esc(title)}</h1><p class="meta">${esc(`${file} · ${zh ? "目标库" : "catalogue"} ${summary.catalogue.version} · ${zh ? `${summary.regionCount} 个地区-年份` : `${summary.regionCount} region-years`} · ${statusCounts(summary.counts, lang)}`)}</p></header>\n`;
    const keys = notes.map((n) => n.key);
    if (summary.regionCount > 1) {
      const once = notes.every((n) => n.countedOnce);
      const order = overviewOrder(keys, worstFirst);
      yield `<section id="overview"><h2>${esc(w.overview)}</h2><p class="note">${esc(w.overviewOrder + (once ? "" : zh ? `；${w.peopleNeeded}为${w.peopleNeededNote}` : `; ${w.peopleNeeded}: ${w.peopleNeededNote}`))}</p>`;
      yield barChart(order.map((i) => notes[i]!.bar!), { title: w.overview });
      yield `<table><thead><tr><th>${esc(w.region)}</th><th class="num">${esc(w.peopleNeeded)}</th><th>${esc(w.worstTargets)}</th></tr></thead><tbody>`;
      yield { section: 0, order, separator: "" };
      yield `</tbody></table>${summary.rollup.length ? rollup(summary, lang) : ""}</section>\n`;
    }
    yield { section: 1, order: detailsOrder(keys, worstFirst), separator: "" };
    yield `<section id="sources"><h2>${esc(zh ? "出处文件" : "Sources")}</h2><ul>${citedDocuments(notes).map((d) => `<li>[${esc(d)}] ${esc(documentTitle(d, lang))}</li>`).join("")}</ul>`;
    yield `<h2>${esc(zh ? "假设" : "Assumptions")}</h2><ul>${assumptionLines(summary, lang).map((l) => `<li>${esc(l)}</li>`).join("")}</ul></section>\n</body>\n</html>\n`;
  },
});
