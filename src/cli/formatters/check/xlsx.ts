/**
 * The report as an Excel workbook: a summary sheet (one row per region, people needed first), the results, the
 * plan and the roll-up, plus the sources and assumptions. Header rows frozen, columns sized, numbers stored as
 * numbers. exceljs is loaded only when this format is asked for.
 */
import { STATUS_ORDER } from "../../../check.js";
import { UsageError } from "../../../errors.js";
import type { Evaluation } from "../../../evaluate/types.js";
import { documentTitle, levelLabel, remarkText, requiredText, shortfallText, statusLabel, valueText } from "../../../labels.js";
import type { Lang } from "../../../messages.js";
import { metricName } from "../../../registry/index.js";
import { reportResult } from "../../../report.js";
import { displayWidth, neutralise } from "../text.js";
import { assumptionLines } from "./common.js";
import type { CheckView } from "./index.js";
import { basisText, nestedCategories, rollupLevels, orderedRegions, overview, words } from "./summary.js";
import type * as ExcelJS from "exceljs";

type Cell = string | number | null;

interface SheetSpec {
  name: string;
  head: string[];
  rows: Cell[][];
  /** number formats by column index */
  formats?: Record<number, string>;
}

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

export function sheets(view: CheckView): SheetSpec[] {
  const { result, lang } = view;
  const zh = lang === "zh";
  const w = words[lang];
  const summaries = overview(result, lang);
  // a column per status that occurs in the run, worst first, in the run's own words
  const statuses = [...STATUS_ORDER, ...Object.keys(result.counts).filter((k) => !(STATUS_ORDER as readonly string[]).includes(k))].filter(
    (k) => ((result.counts as Record<string, number>)[k] ?? 0) > 0 || k === "short" || k === "met",
  );
  const summary: SheetSpec = {
    name: zh ? "摘要" : "summary",
    head: [
      ...(zh ? ["行政区划代码", "地区", "年份", "需增人数"] : ["region_code", "region", "year", "people needed"]),
      ...statuses.map((k) => statusLabel(k, lang)),
      zh ? "主要差距" : "largest gaps",
    ],
    rows: summaries.map((s) => [
      s.region.code,
      text(s.region.name),
      s.region.year,
      s.peopleNeeded,
      ...statuses.map((k) => (s.region.counts as Record<string, number>)[k] ?? 0),
      text(s.worst.map((g) => `${g.title}${g.shortfall ? (zh ? `（缺 ${g.shortfall}）` : ` (short by ${g.shortfall})`) : ""}`).join(zh ? "；" : "; ")),
    ]),
    formats: { 3: COUNT },
  };
  const results: SheetSpec = {
    name: zh ? "结果" : "results",
    head: zh
      ? ["行政区划代码", "地区", "年份", "级别", "状态", "目标", "目标编号", "现状", "目标值", "目标上限", "单位", "差距", "缺口人数", "缺口类别", "现状（文字）", "目标（文字）", "未达标机构", "说明", "出处文件", "章节", "原文"]
      : ["region_code", "region", "year", "level", "status", "target", "target id", "current", "required", "required max", "unit", "gap", "short by", "short of", "current (text)", "required (text)", "institutions failing", "notes", "document", "section", "locator"],
    rows: [],
    formats: { 12: COUNT },
  };
  const plan: SheetSpec = {
    name: zh ? "计划" : "plan",
    head: zh
      ? ["行政区划代码", "地区", "数据年份", "类别", "上级类别", "依据目标", "年份", "年末需要", "自然减员", "招聘", "年末在岗"]
      : ["region_code", "region", "data year", "category", "part of", "set by", "year", "needed at year end", "leavers", "hires", "staff at year end"],
    rows: [],
    formats: { 7: COUNT, 8: COUNT, 9: COUNT, 10: COUNT },
  };
  for (const region of orderedRegions(result, lang)) {
    for (const e of region.evaluations) {
      const r = reportResult(e, lang);
      results.rows.push([
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
    if (!region.plan) continue;
    for (const { category: c } of nestedCategories(region.plan)) {
      const basis = basisText(region, c, lang);
      const partOf = c.partOf;
      for (const y of c.years) {
        plan.rows.push([region.code, text(region.name), region.year, metricName(c.metric, lang), partOf ? metricName(partOf, lang) : null, text(basis), y.year, y.required, y.leavers, y.hires, y.stock]);
      }
    }
    for (const t of region.plan.totals) plan.rows.push([region.code, text(region.name), region.year, w.totalOnce, null, null, t.year, null, t.leavers, t.hires, null]);
  }
  // one block per level: levels are never added up
  const levelBlocks = rollupLevels(result);
  const years = [...new Set(levelBlocks.flatMap((b) => b.years))].sort();
  const rollup: SheetSpec = {
    name: zh ? "汇总" : "roll-up",
    head: [zh ? "层级" : "level", w.category, ...years.map(String), w.total],
    rows: levelBlocks.flatMap(({ level, rows, totals }) => [
      ...rows.map((r): Cell[] => [levelLabel(level, lang), metricName(r.metric, lang), ...years.map((y) => r.years.find((x) => x.year === y)?.hires ?? 0), r.totalHires]),
      ...(totals.length ? [[levelLabel(level, lang), w.totalOnce, ...years.map((y) => totals.find((x) => x.year === y)?.hires ?? 0), totals.reduce((n, t) => n + t.hires, 0)] as Cell[]] : []),
    ]),
    formats: Object.fromEntries(years.map((_, i) => [i + 2, COUNT]).concat([[years.length + 2, COUNT]])),
  };
  const documents = [...new Set(result.regions.flatMap((r) => r.evaluations.map((e) => e.target.provenance.document)))].sort();
  const notes: SheetSpec = {
    name: zh ? "出处与假设" : "sources",
    head: zh ? ["项目", "内容"] : ["item", "text"],
    rows: [
      ...documents.map((d): Cell[] => [zh ? `出处 [${d}]` : `source [${d}]`, text(documentTitle(d, lang))]),
      ...assumptionLines(result, lang).map((l): Cell[] => [zh ? "假设" : "assumption", text(l)]),
    ],
  };
  return [summary, results, plan, rollup, notes];
}

function columnWidth(sheet: SheetSpec, i: number): number {
  let width = displayWidth(sheet.head[i] ?? "");
  for (const row of sheet.rows) {
    const v = row[i];
    if (v !== null && v !== undefined) width = Math.max(width, displayWidth(typeof v === "number" ? v.toLocaleString("en-US") : v));
  }
  return Math.min(60, Math.max(6, width + 2));
}

/** The most rows a sheet may have, its header included: Excel (and LibreOffice) show no more. */
export const SHEET_ROWS = 1_048_576;

/**
 * The rows the results and plan sheets take (one per region and target, one per region, category and year and per
 * region and year of its totals), counted from the results before the sheets are made: a far horizon over many
 * regions would otherwise build millions of rows only to give Excel a sheet it shows in part.
 */
export function refuseLongSheets(view: CheckView, most = SHEET_ROWS): void {
  let results = 0;
  let plan = 0;
  for (const region of view.result.regions) {
    results += region.evaluations.length;
    if (!region.plan) continue;
    for (const c of region.plan.categories) plan += c.years.length;
    plan += region.plan.totals.length;
  }
  const zh = view.lang === "zh";
  for (const [name, rows] of [[zh ? "结果" : "results", results + 1], [zh ? "计划" : "plan", plan + 1]] as const) {
    if (rows > most) {
      throw new UsageError(
        `--format xlsx: the ${name} sheet would have ${rows.toLocaleString("en")} rows, and a sheet shows at most ${most.toLocaleString("en")}: ` +
          "take part of the file with --region, plan to a nearer --horizon, or use --format csv",
      );
    }
  }
}

/**
 * The workbook is written by exceljs's streaming writer: each row is turned into XML and zipped as it is added, so a
 * country's report holds the rows' values, not a spreadsheet object per cell (which took 1.5 GB for 3,000 regions).
 * The zipped bytes are gathered as they come: a workbook is a few megabytes.
 */
export async function xlsxFormatter(view: CheckView): Promise<Uint8Array[]> {
  refuseLongSheets(view);
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
  for (const spec of sheets(view)) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = spec.head.map((header, i) => ({ header, width: columnWidth(spec, i), ...(spec.formats?.[i] ? { style: { numFmt: spec.formats[i] } } : {}) }));
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.head.length } };
    // a row's cells each get their column's style as a new object, which exceljs then writes out as XML to find its
    // style number; one shared object per column is found in its cache instead (a third of a country's run)
    const styles = spec.head.map((_, i) => (spec.formats?.[i] ? { numFmt: spec.formats[i] } : {}));
    for (const values of spec.rows) {
      const row = sheet.addRow(values);
      for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i]!;
      row.commit();
    }
    sheet.commit();
  }
  await workbook.commit();
  return parts;
}
