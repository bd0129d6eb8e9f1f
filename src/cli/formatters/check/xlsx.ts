/**
 * The report as an Excel workbook: a summary sheet (one row per region, people needed first), the results, the
 * plan and the roll-up, plus the sources and assumptions. Header rows frozen, columns sized, numbers stored as
 * numbers. exceljs is loaded only when this format is asked for.
 */
import { STATUS_ORDER, type RegionResult } from "../../../check.js";
import { UsageError } from "../../../errors.js";
import type { Evaluation } from "../../../evaluate/types.js";
import { documentTitle, levelLabel, remarkText, requiredText, shortfallText, statusLabel, valueText } from "../../../i18n/labels.js";
import type { Lang } from "../../../i18n/messages.js";
import { metricName } from "../../../registry/index.js";
import { reportResult } from "../../../report/report.js";
import { displayWidth, neutralise } from "../text.js";
import { assumptionLines } from "./common.js";
import type { StreamFormatFactory } from "./stream.js";
import { basisText, citedDocuments, detailsNote, detailsOrder, nestedCategories, overviewOrder, regionSummary, rollupLevels, words, type DetailsNote } from "./summary.js";
import type * as ExcelJS from "exceljs";

type Cell = string | number | null;

const COUNT = "#,##0";

function notesOf(e: Evaluation, lang: Lang): string {
  const zh = lang === "zh";
  const list = e.remarks.filter((r) => r.kind !== "checked-against-plan").map((r) => remarkText(r, lang));
  return list.join(zh ? "；" : "; ");
}

function failingOf(e: Evaluation, lang: Lang): string {
  if (!e.failing || e.failing.count === 0) return "";
  const names = e.failing.examples.map((x) => x.name).join(lang === "zh" ? "、" : ", ");
  const more = e.failing.count > e.failing.examples.length ? (lang === "zh" ? ` 等 ${e.failing.count} 家` : ` and ${e.failing.count - e.failing.examples.length} more`) : "";
  return names + more;
}

/** Text a spreadsheet shows as it is: no control characters, and nothing it would run as a formula. */
function text(value: string): string {
  const clean = neutralise(value);
  return /^[=+\-@]/.test(clean) ? `'${clean}` : clean;
}

/** A planned region's row of the summary sheet, but for its counts, which the run's statuses pick columns from. */
interface SummaryLine {
  cells: [code: string, name: string, year: number, peopleNeeded: number];
  counts: Record<string, number>;
  worst: string;
}

/** What the workbook keeps of a region while the others are checked: what orders it, its summary row, and its rows' widths. */
interface WorkbookNote extends DetailsNote {
  summary: SummaryLine | undefined;
  /** per sheet (results, plan): how many rows the region has there, and its widest text in each column */
  rows: [results: number, plan: number];
  widths: [results: number[], plan: number[]];
}

const RESULTS_HEAD = {
  zh: ["行政区划代码", "地区", "年份", "级别", "状态", "目标", "目标编号", "现状", "目标值", "目标上限", "单位", "差距", "缺口人数", "缺口类别", "现状（文字）", "目标（文字）", "未达标机构", "说明", "出处文件", "章节", "原文"],
  en: ["region_code", "region", "year", "level", "status", "target", "target id", "current", "required", "required max", "unit", "gap", "short by", "short of", "current (text)", "required (text)", "institutions failing", "notes", "document", "section", "locator"],
};
const PLAN_HEAD = {
  zh: ["行政区划代码", "地区", "数据年份", "类别", "上级类别", "依据目标", "年份", "年末需要", "自然减员", "招聘", "年末在岗"],
  en: ["region_code", "region", "data year", "category", "part of", "set by", "year", "needed at year end", "leavers", "hires", "staff at year end"],
};

/** A region's rows of the results sheet (one per target) and of the plan sheet (one per category and year, then its totals). */
function regionRows(region: RegionResult, lang: Lang): [results: Cell[][], plan: Cell[][]] {
  const zh = lang === "zh";
  const results: Cell[][] = [];
  const plan: Cell[][] = [];
  for (const e of region.evaluations) {
    const r = reportResult(e, lang);
    results.push([
      region.code,
      text(region.name),
      region.year,
      levelLabel(e.target.level, lang),
      statusLabel(e.status, lang),
      text(e.target.title[lang]),
      e.target.id,
      r.current ?? null,
      r.required ?? null,
      r.requiredMax ?? null,
      r.unit,
      r.gap ?? null,
      r.shortfall?.count ?? null,
      r.shortfall ? (r.shortfall.institutions ? (zh ? "机构" : "institutions") : metricName(r.shortfall.metric, lang)) : null,
      valueText(e.current, e.unit, lang),
      requiredText(e, lang),
      text(failingOf(e, lang)) || null,
      text([shortfallText(e, lang) && e.shortfall?.lowerBound ? (zh ? "缺口为下限" : "shortfall is a lower bound") : "", notesOf(e, lang)].filter(Boolean).join(zh ? "；" : "; ")) || null,
      text(documentTitle(e.target.provenance.document, lang)),
      text(e.target.provenance.section),
      text(e.target.provenance.locator),
    ]);
  }
  if (region.plan) {
    for (const { category: c } of nestedCategories(region.plan)) {
      const basis = basisText(region, c, lang);
      const partOf = c.partOf;
      for (const y of c.years) {
        plan.push([region.code, text(region.name), region.year, metricName(c.metric, lang), partOf ? metricName(partOf, lang) : null, text(basis), y.year, y.required, y.leavers, y.hires, y.stock]);
      }
    }
    for (const t of region.plan.totals) plan.push([region.code, text(region.name), region.year, words[lang].totalOnce, null, null, t.year, null, t.leavers, t.hires, null]);
  }
  return [results, plan];
}

/** How wide a cell shows: its text, or a number with its thousands separators. */
function cellWidth(v: Cell): number {
  return v === null ? 0 : displayWidth(typeof v === "number" ? v.toLocaleString("en-US") : v);
}

/** The widest cell of each column of the rows. */
function widestCells(rows: readonly Cell[][], columns: number): number[] {
  const widths = new Array<number>(columns).fill(0);
  for (const row of rows) for (let i = 0; i < columns; i++) widths[i] = Math.max(widths[i]!, cellWidth(row[i] ?? null));
  return widths;
}

/** A column's width: its header and its widest cell, with a margin, between 6 and 60 characters. */
function columnWidth(header: string, widest: number): number {
  return Math.min(60, Math.max(6, Math.max(displayWidth(header), widest) + 2));
}

/** The rows as the workbook writer reads them: one JSON array a line. */
function rowLines(rows: readonly Cell[][]): string {
  let out = "";
  for (const row of rows) out += `${JSON.stringify(row)}\n`;
  return out;
}

/** A sheet's opening line for the workbook writer: its name, columns, their widths and number formats. */
interface SheetLine {
  sheet: string;
  head: string[];
  widths: number[];
  /** number formats by column index */
  formats: Record<number, string>;
}

function sheetLine(name: string, head: string[], widest: readonly number[], formats: Record<number, string> = {}): string {
  const line: SheetLine = { sheet: name, head, widths: head.map((h, i) => columnWidth(h, widest[i] ?? 0)), formats };
  return `${JSON.stringify(line)}\n`;
}

/** The most rows a sheet may have, its header included: Excel (and LibreOffice) show no more. */
export const SHEET_ROWS = 1_048_576;

/**
 * Refuses a results or plan sheet longer than a spreadsheet shows (rows counted per region as it was checked, before
 * any sheet is made): a far horizon over many regions would otherwise give Excel a sheet it shows in part.
 */
export function refuseLongSheets(notes: readonly Pick<WorkbookNote, "rows">[], lang: Lang, most = SHEET_ROWS): void {
  let results = 1;
  let plan = 1;
  for (const note of notes) {
    results += note.rows[0];
    plan += note.rows[1];
  }
  const zh = lang === "zh";
  for (const [name, rows] of [[zh ? "结果" : "results", results], [zh ? "计划" : "plan", plan]] as const) {
    if (rows > most) {
      throw new UsageError(
        `--format xlsx: the ${name} sheet would have ${rows.toLocaleString("en")} rows, and a sheet shows at most ${most.toLocaleString("en")}: ` +
          "take part of the file with --region, plan to a nearer --horizon, or use --format csv",
      );
    }
  }
}

/**
 * The workbook's sheets as lines for the workbook writer (workbookFrom): a sheet's line, then its rows. Each region's
 * results and plan rows are formatted as it is checked and set aside, like any streamed report; the summary sheet
 * (one row per planned region, people needed first), the roll-up and the sources are made at the end from what is
 * kept per region and the run's summary.
 */
export const xlsxFormat: StreamFormatFactory<WorkbookNote> = () => ({
  sections: 2,
  region(region, lang) {
    const zh = lang === "zh";
    const s = region.plan ? regionSummary(region, lang) : undefined;
    const summary: SummaryLine | undefined = s && {
      cells: [region.code, text(region.name), region.year, s.peopleNeeded],
      counts: { ...region.counts },
      worst: text(s.worst.map((g) => `${g.title}${g.shortfall ? (zh ? `（缺 ${g.shortfall}）` : ` (short by ${g.shortfall})`) : ""}`).join(zh ? "；" : "; ")),
    };
    const [results, plan] = regionRows(region, lang);
    return {
      texts: [rowLines(results), rowLines(plan)],
      note: { ...detailsNote(region, s, true), summary, rows: [results.length, plan.length], widths: [widestCells(results, RESULTS_HEAD.en.length), widestCells(plan, PLAN_HEAD.en.length)] },
    };
  },
  *frame(summary, _file, lang, worstFirst, notes) {
    refuseLongSheets(notes, lang);
    const zh = lang === "zh";
    const w = words[lang];
    const keys = notes.map((n) => n.key);
    // a column per status that occurs in the run, worst first, in the run's own words
    const statuses = [...STATUS_ORDER, ...Object.keys(summary.counts).filter((k) => !(STATUS_ORDER as readonly string[]).includes(k))].filter(
      (k) => ((summary.counts as Record<string, number>)[k] ?? 0) > 0 || k === "short" || k === "met",
    );
    const summaryRows = overviewOrder(keys, worstFirst).map((i) => {
      const line = notes[i]!.summary!;
      return [...line.cells, ...statuses.map((k) => line.counts[k] ?? 0), line.worst];
    });
    const summaryHead = [...(zh ? ["行政区划代码", "地区", "年份", "需增人数"] : ["region_code", "region", "year", "people needed"]), ...statuses.map((k) => statusLabel(k, lang)), zh ? "主要差距" : "largest gaps"];
    yield sheetLine(zh ? "摘要" : "summary", summaryHead, widestCells(summaryRows, summaryHead.length), { 3: COUNT });
    yield rowLines(summaryRows);
    const details = detailsOrder(keys, worstFirst);
    const widest = (sheet: 0 | 1, columns: number) => {
      const out = new Array<number>(columns).fill(0);
      for (const note of notes) for (let i = 0; i < columns; i++) out[i] = Math.max(out[i]!, note.widths[sheet][i]!);
      return out;
    };
    yield sheetLine(zh ? "结果" : "results", RESULTS_HEAD[lang], widest(0, RESULTS_HEAD.en.length), { 12: COUNT });
    yield { section: 0, order: details, separator: "" };
    yield sheetLine(zh ? "计划" : "plan", PLAN_HEAD[lang], widest(1, PLAN_HEAD.en.length), { 7: COUNT, 8: COUNT, 9: COUNT, 10: COUNT });
    yield { section: 1, order: details, separator: "" };
    // one block per level: levels are never added up
    const levelBlocks = rollupLevels(summary);
    const years = [...new Set(levelBlocks.flatMap((b) => b.years))].sort();
    const rollupHead = [zh ? "层级" : "level", w.category, ...years.map(String), w.total];
    const rollupRows = levelBlocks.flatMap(({ level, rows, totals }) => [
      ...rows.map((r): Cell[] => [levelLabel(level, lang), metricName(r.metric, lang), ...years.map((y) => r.years.find((x) => x.year === y)?.hires ?? 0), r.totalHires]),
      ...(totals.length ? [[levelLabel(level, lang), w.totalOnce, ...years.map((y) => totals.find((x) => x.year === y)?.hires ?? 0), totals.reduce((n, t) => n + t.hires, 0)] as Cell[]] : []),
    ]);
    yield sheetLine(zh ? "汇总" : "roll-up", rollupHead, widestCells(rollupRows, rollupHead.length), Object.fromEntries(years.map((_, i) => [i + 2, COUNT]).concat([[years.length + 2, COUNT]])));
    yield rowLines(rollupRows);
    const sourceRows = [
      ...citedDocuments(notes).map((d): Cell[] => [zh ? `出处 [${d}]` : `source [${d}]`, text(documentTitle(d, lang))]),
      ...assumptionLines(summary, lang).map((l): Cell[] => [zh ? "假设" : "assumption", text(l)]),
    ];
    const sourcesHead = zh ? ["项目", "内容"] : ["item", "text"];
    yield sheetLine(zh ? "出处与假设" : "sources", sourcesHead, widestCells(sourceRows, 2));
    yield rowLines(sourceRows);
  },
});

/**
 * The workbook of xlsxFormat's lines, written by exceljs's streaming writer: each row is turned into XML and zipped
 * as it is read, so a country's workbook holds neither its results nor a spreadsheet object per cell. The zipped
 * bytes are gathered as they come: a workbook is a few megabytes.
 */
export async function workbookFrom(lines: Iterable<string | Uint8Array>): Promise<Uint8Array[]> {
  // the CLI bundle runs as CommonJS in a vm script, where import() has no loader: require there, import elsewhere
  const loaded = (typeof require === "function" ? require("exceljs") : await import("exceljs")) as { default?: typeof ExcelJS } & typeof ExcelJS;
  const { stream } = loaded.default ?? loaded;
  const { Writable } = (typeof require === "function" ? require("node:stream") : await import("node:stream")) as typeof import("node:stream");
  const parts: Uint8Array[] = [];
  const out = new Writable({
    write(chunk: Uint8Array, _encoding, done) {
      parts.push(chunk);
      done();
    },
  });
  const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "gap";
  let sheet: ExcelJS.Worksheet | undefined;
  // a row's cells each get their column's style as a new object, which exceljs then writes out as XML to find its
  // style number; one shared object per column is found in its cache instead (a third of a country's run)
  let styles: Array<{ numFmt?: string }> = [];
  const line = (json: string) => {
    const value = JSON.parse(json) as Cell[] | SheetLine;
    if (!Array.isArray(value)) {
      sheet?.commit();
      sheet = workbook.addWorksheet(value.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
      const formats = value.formats;
      sheet.columns = value.head.map((header, i) => ({ header, width: value.widths[i]!, ...(formats[i] ? { style: { numFmt: formats[i] } } : {}) }));
      sheet.getRow(1).font = { bold: true };
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: value.head.length } };
      styles = value.head.map((_, i) => (formats[i] ? { numFmt: formats[i] } : {}));
      return;
    }
    const row = sheet!.addRow(value);
    for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i]!;
    row.commit();
  };
  // the lines come as texts and as chunks of UTF-8 bytes, a line (or a character) split between two chunks
  const decoder = new TextDecoder();
  let pending = "";
  for (const part of lines) {
    pending += typeof part === "string" ? part : decoder.decode(part, { stream: true });
    let from = 0;
    for (let end = pending.indexOf("\n"); end >= 0; end = pending.indexOf("\n", from)) {
      line(pending.slice(from, end));
      from = end + 1;
    }
    pending = pending.slice(from);
  }
  pending += decoder.decode();
  if (pending) line(pending);
  sheet?.commit();
  await workbook.commit();
  return parts;
}
