import type { Paint } from "../../color.js";
import type { CheckSummary, RegionResult } from "../../../check.js";
import type { Evaluation } from "../../../evaluate/types.js";
import { countText, decimalText, documentTitle, gap, levelLabel, remarkText, requiredText, shortfallText, sourceShort, statusLabel, statusTone, valueText } from "../../../i18n/labels.js";
import type { Lang } from "../../../i18n/messages.js";
import { metricName, unitTypeName } from "../../../registry/index.js";
import { assumptionLines, byLevel, levelHeading, regionHeading, statusCounts } from "./common.js";
import type { StreamFormatFactory } from "./stream.js";
import { displayWidth } from "../text.js";
import { BoxTable, paragraph, type Cell, type Column, type Span, type Style } from "../box.js";
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

/** Width of a report that goes to a file or a pipe, when --width does not say. */
export const DEFAULT_WIDTH = 100;

function toneStyle(status: string, paint: Paint): Style {
  switch (statusTone(status)) {
    case "bad":
      return (t) => paint.red.bold(t);
    case "warn":
      return (t) => paint.yellow(t);
    case "good":
      return (t) => paint.green(t);
    default:
      return (t) => paint.dim(t);
  }
}

const num = (text: string, keep = true): Column => ({ head: text, align: "right", keep });

/** The answer for one region: what to hire, the worst gaps, what could not be assessed. */
function regionAnswer(s: RegionSummary, lang: Lang, paint: Paint, width: number): string {
  const w = words[lang];
  const zh = lang === "zh";
  const out: string[] = [];
  if (s.hires.length === 0) {
    out.push(paint.bold(`${w.answer}${zh ? "：" : ": "}`) + (s.region.plan ? paint.green(w.nothingToHire) : ""));
  } else {
    const span = s.years.length > 1 ? `${s.years[0]}–${s.years.at(-1)}` : String(s.years[0]);
    const lead = s.total
      ? zh
        ? `${span} 年需招聘 ${countText(s.total.total)} 人`
        : `hire ${countText(s.total.total)} people in ${span}`
      : zh
        ? `${span} 年各类别需招聘人数`
        : `people to hire per category, ${span}`;
    out.push(paint.bold(`${w.answer}${zh ? "：" : ": "}${lead}`));
    const table = new BoxTable([{ head: w.category, min: 10, max: 40 }, ...s.years.map((y) => num(String(y))), num(w.total)], { width: width - 2, border: false, head: paint.dim });
    for (const line of s.hires) {
      table.push([
        { text: (line.depth > 0 ? w.ofWhich : "") + line.name, indent: line.depth * 2 },
        ...line.hires.map((n) => countText(n)),
        { text: countText(line.total), style: paint.bold },
      ]);
    }
    if (s.total) table.push([{ text: w.totalOnce, style: paint.bold }, ...s.total.hires.map((n) => ({ text: countText(n), style: paint.bold })), { text: countText(s.total.total), style: paint.bold }]);
    out.push(indent(table.toString(), 2));
  }
  if (s.worst.length) {
    out.push(paint.bold(`${w.worst}${zh ? "：" : ":"}`));
    for (const g of s.worst) {
      const short = g.shortfall ? (zh ? `，缺 ${g.shortfall}` : `, short by ${g.shortfall}`) : "";
      const text = zh ? `${g.title}：现状 ${g.current}，目标 ${g.required}${short}` : `${g.title}: ${g.current} against ${g.required}${short}`;
      out.push(`  ${toneStyle(g.evaluation.status, paint)("•")} ${paragraph(text, width - 4, undefined, 0).replace(/\n/g, "\n    ")}`);
    }
  }
  if (s.notAssessed.length) {
    const count = s.notAssessed.reduce((n, x) => n + x.titles.length, 0);
    out.push(paint.bold(zh ? `${w.notAssessed} ${count} 项：` : `${w.notAssessed}, ${count}:`));
    for (const x of s.notAssessed) {
      const titles = x.titles.join(zh ? "、" : "; ");
      const text = zh ? `${x.reason}（${x.titles.length} 项：${titles}）` : `${x.reason} (${x.titles.length}: ${titles})`;
      out.push(`  ${paint.dim("•")} ${paragraph(text, width - 4).replace(/\n/g, "\n    ")}`);
    }
  }
  out.push(statusCounts(s.region.counts, lang, paint, width));
  return out.join("\n");
}

function indent(text: string, n: number): string {
  const pad = " ".repeat(n);
  return text
    .split("\n")
    .map((l) => (l ? pad + l : l))
    .join("\n");
}

function resultRow(e: Evaluation, lang: Lang, paint: Paint, width: number): Cell[] {
  const zh = lang === "zh";
  const g = gap(e);
  const notes = e.remarks.filter((r) => r.kind !== "checked-against-plan").map((r) => remarkText(r, lang));
  if (e.failing && e.failing.examples.length > 0 && e.failing.count > 0) {
    const names = e.failing.examples.slice(0, 5).map((x) => x.name).join(zh ? "、" : ", ");
    const more = e.failing.count > 5 ? (zh ? ` 等 ${e.failing.count} 家` : ` and ${e.failing.count - 5} more`) : "";
    notes.unshift(zh ? `未达标：${names}${more}` : `failing: ${names}${more}`);
  }
  const target: Span[] = [{ text: e.target.title[lang] }, { text: width >= 100 ? sourceShort(e.target) : `[${e.target.provenance.document}] ${e.target.provenance.section}`, style: paint.dim }, ...notes.map((n) => ({ text: n, style: paint.dim }))];
  const required: Span[] = [{ text: requiredText(e, lang) }];
  if (g) required.push({ text: `${zh ? "差" : "gap"} ${decimalText(g, e.unit)}`, style: paint.dim });
  return [{ text: statusLabel(e.status, lang), style: toneStyle(e.status, paint) }, target, valueText(e.current, e.unit, lang), required, shortfallText(e, lang)];
}

function resultTables(region: RegionResult, lang: Lang, paint: Paint, width: number, quiet: boolean): string {
  const w = words[lang];
  let out = "";
  for (const [level, all] of byLevel(region.evaluations)) {
    const evaluations = quiet ? all.filter((e) => statusTone(e.status) === "bad" || statusTone(e.status) === "warn") : all;
    if (evaluations.length === 0) continue;
    const table = new BoxTable(
      [
        { head: w.status, min: 10, grow: 2 },
        { head: w.target, min: 14, grow: 2 },
        { head: w.current, min: 9 },
        { head: w.requiredValue, min: 12 },
        { head: w.shortBy, min: 12, grow: 2 },
      ],
      { width, head: paint.bold },
    );
    for (const e of evaluations) table.push(resultRow(e, lang, paint, width));
    out += `\n${paint.underline(levelHeading(level, lang))}\n${table.toString()}\n`;
  }
  return out;
}

/** The plan: a row per category (parts "of which" under their whole), a column per year, a line per figure. */
function planTables(region: RegionResult, lang: Lang, paint: Paint, width: number): string {
  const plan = region.plan;
  if (!plan || plan.categories.length === 0) return "";
  const zh = lang === "zh";
  const w = words[lang];
  const years = plan.categories[0]!.years.map((y) => y.year);
  let out = `\n${paint.underline(planTitle(plan, lang))}\n`;
  const start = startText(region, lang);
  if (start) out += `${paint.dim(paragraph(start, width))}\n`;
  // as many year columns as the width takes, the rest in a further table below
  const numbers = plan.categories.flatMap((c) => [c.current, c.requiredAtHorizon, c.totalHires, ...c.years.flatMap((y) => [y.required, y.stock])]);
  const numberWidth = Math.max(4, ...numbers.map((n) => countText(n).length)) + 3;
  const nowHead = zh ? `${region.year}年${w.now}` : `${w.now} ${region.year}`;
  const fixed = 1 + (14 + 3) + (displayWidth(w.required) + 3) + (Math.max(displayWidth(nowHead), numberWidth - 3) + 3) + numberWidth;
  const perYear = Math.max(1, Math.floor((width - fixed) / numberWidth));
  for (let first = 0; first < years.length; first += perYear) {
    const chunk = years.slice(first, first + perYear);
    const last = first + perYear >= years.length;
    const columns: Column[] = [{ head: w.category, min: 10 }, { head: "", keep: true }, num(nowHead), ...chunk.map((y) => num(String(y)))];
    if (last) columns.push(num(w.total));
    const table = new BoxTable(columns, { width, head: paint.bold });
    for (const { category: c, depth } of nestedCategories(plan)) {
      const byYear = chunk.map((y) => c.years.find((x) => x.year === y));
      const name: Span[] = [{ text: (depth > 0 ? w.ofWhich : "") + metricName(c.metric, lang), indent: depth * 2, style: depth === 0 ? paint.bold : undefined }];
      name.push({ text: basisText(region, c, lang), indent: depth * 2, style: c.overdue ? paint.red : paint.dim });
      const leavers = c.years.reduce((n, y) => n + y.leavers, 0);
      const row: Cell[] = [
        name,
        [w.required, w.leavers, { text: w.hires, style: paint.bold }, w.stock],
        ["", "", "", countText(c.current)],
        ...byYear.map((y): Cell => (y ? [countText(y.required), countText(y.leavers), { text: countText(y.hires), style: paint.bold }, countText(y.stock)] : "")),
      ];
      if (last) row.push([countText(c.requiredAtHorizon), countText(leavers), { text: countText(c.totalHires), style: paint.bold }, ""]);
      table.push(row);
    }
    const totals = plan.totals;
    if (totals.length) {
      const row: Cell[] = [{ text: w.totalOnce, style: paint.bold }, [w.leavers, { text: w.hires, style: paint.bold }], ""];
      for (const y of chunk) {
        const t = totals.find((x) => x.year === y);
        row.push(t ? [countText(t.leavers), { text: countText(t.hires), style: paint.bold }] : "");
      }
      if (last) row.push([countText(totals.reduce((n, t) => n + t.leavers, 0)), { text: countText(totals.reduce((n, t) => n + t.hires, 0)), style: paint.bold }]);
      table.push(row);
    }
    out += `${table.toString()}\n`;
  }
  out += `${paint.dim(paragraph(w.leaversNote, width))}\n`;
  for (const note of planNotes(region, lang)) out += `${paragraph(`${note.warn ? "! " : "· "}${note.text}`, width, note.warn ? paint.yellow : undefined, 2)}\n`;
  return out;
}

/** A planned region's line in the overview: small, kept for every region until the end. */
interface OverviewLine {
  name: string;
  code: string;
  year: number;
  peopleNeeded: number;
  /** the largest gap, with the people it is short by */
  worst: string | undefined;
}

function overviewLine(s: RegionSummary, lang: Lang): OverviewLine {
  const zh = lang === "zh";
  const r = s.region;
  const g = s.worst[0];
  return {
    name: `${r.name || r.code}`,
    code: r.code,
    year: r.year,
    peopleNeeded: s.peopleNeeded,
    worst: g ? `${g.title}${g.shortfall ? (zh ? `（缺 ${g.shortfall}）` : ` (short by ${g.shortfall})`) : ""}` : undefined,
  };
}

/** The overview's heading and table, a line at a time (a country's overview is a long table). */
function* overviewTable(lines: readonly OverviewLine[], onceEverywhere: boolean, lang: Lang, paint: Paint, width: number): Generator<string> {
  const w = words[lang];
  const zh = lang === "zh";
  const table = new BoxTable([{ head: w.region, min: 8 }, num(w.peopleNeeded), { head: w.worstTargets, min: 16 }], { width, head: paint.bold });
  for (const line of lines) {
    table.push([
      [line.name, { text: `${line.code} · ${line.year}`, style: paint.dim }],
      { text: countText(line.peopleNeeded), style: paint.bold },
      line.worst !== undefined ? { text: line.worst } : { text: zh ? "无约束性缺口" : "no binding gap", style: paint.green },
    ]);
  }
  yield `${paint.bold(`${w.overview}（${lines.length}）`.replace("（", zh ? "（" : " (").replace("）", zh ? "）" : ")"))}\n`;
  yield `${paint.dim(paragraph(`${w.overviewOrder}${onceEverywhere ? "" : zh ? `；${w.peopleNeeded}为${w.peopleNeededNote}` : `; ${w.peopleNeeded}: ${w.peopleNeededNote}`}`, width))}\n`;
  for (const text of table.lines()) yield `${text}\n`;
}

function rollupTable(summary: CheckSummary, lang: Lang, paint: Paint, width: number): string {
  const zh = lang === "zh";
  let out = `\n${paint.bold(zh ? "汇总：各类别每年招聘人数" : "Roll-up: hires per category and year")}\n`;
  const note = levelsNote(summary, lang);
  if (note) out += `${paragraph(note, width, paint.dim)}\n`;
  for (const { level, rows, totals, years } of rollupLevels(summary)) {
    const table = new BoxTable([{ head: words[lang].category, min: 10 }, ...years.map((y) => num(String(y))), num(words[lang].total)], { width, head: paint.bold, separators: false });
    for (const r of rows) {
      table.push([
        { text: (r.depth > 0 ? words[lang].ofWhich : "") + metricName(r.metric, lang), indent: r.depth * 2 },
        ...years.map((y) => countText(r.years.find((x) => x.year === y)?.hires ?? 0)),
        { text: countText(r.totalHires), style: paint.bold },
      ]);
    }
    if (totals.length) {
      table.push([
        { text: words[lang].totalOnce, style: paint.bold },
        ...years.map((y) => ({ text: countText(totals.find((x) => x.year === y)?.hires ?? 0), style: paint.bold })),
        { text: countText(totals.reduce((n, t) => n + t.hires, 0)), style: paint.bold },
      ]);
    }
    if (note) out += `${paint.underline(levelLabel(level, lang))}\n`;
    out += `${table.toString()}\n`;
  }
  return out;
}

/** One region's details: its heading, the answer, the results per level and (unless quiet) the plan. */
function regionDetails(region: RegionResult, summary: RegionSummary | undefined, lang: Lang, paint: Paint, width: number, quiet: boolean): string {
  let out = `${paint.bold(paragraph(regionHeading(region, lang), width))}\n${paint.dim("─".repeat(Math.min(width, 80)))}\n`;
  if (summary) out += `${regionAnswer(summary, lang, paint, width)}\n`;
  else out += `${statusCounts(region.counts, lang, paint, width)}\n`;
  out += resultTables(region, lang, paint, width, quiet);
  if (!quiet) out += planTables(region, lang, paint, width);
  return `${out}\n`;
}

/**
 * The report for the terminal: for a file of many regions the overview and the roll-up, then each region's
 * details, then the sources and the assumptions. Each region's details are written when it is checked; what the
 * overview needs of it (a line and what orders it) is kept to the end.
 */
export const tableFormat: StreamFormatFactory<TableNote> = ({ paint, width: asked, quiet = false }) => {
  const width = Math.max(40, asked ?? DEFAULT_WIDTH);
  return {
    sections: 1,
    region(region, lang) {
      const summary = region.plan ? regionSummary(region, lang) : undefined;
      const note = { ...detailsNote(region, summary, !quiet), line: summary && overviewLine(summary, lang) };
      return { texts: [regionDetails(region, summary, lang, paint, width, quiet)], note };
    },
    *frame(summary, _file, lang, worstFirst, notes) {
      const zh = lang === "zh";
      const keys = notes.map((n) => n.key);
      if (summary.regionCount > 1) {
        const onceEverywhere = notes.every((n) => n.countedOnce);
        yield* overviewTable(overviewOrder(keys, worstFirst).map((i) => notes[i]!.line!), onceEverywhere, lang, paint, width);
        if (summary.rollup.length > 0) yield rollupTable(summary, lang, paint, width);
        yield "\n";
      }
      yield { section: 0, order: detailsOrder(keys, worstFirst), separator: "" };
      if (quiet) return;
      const cited = citedDocuments(notes);
      if (cited.length) {
        yield `${paint.bold(zh ? "出处文件" : "Sources")}\n${cited.map((d) => paragraph(`  [${d}] ${documentTitle(d, lang)}`, width, undefined, 8)).join("\n")}\n\n`;
      }
      yield `${paint.bold(zh ? "假设" : "Assumptions")}\n${assumptionLines(summary, lang).map((l) => paragraph(`  · ${l}`, width, paint.dim, 4)).join("\n")}\n`;
    },
  };
};

/** What the table's frame keeps of a region: its details note and its line of the overview (none without a plan). */
type TableNote = DetailsNote & { line: OverviewLine | undefined };
