import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { displayWidth } from "../../src/cli/formatters/text.js";
import { reportText } from "../../src/cli/formatters/check/index.js";
import { refuseLongSheets, SHEET_ROWS, xlsxFormat } from "../../src/cli/formatters/check/xlsx.js";
import { plain } from "../../src/cli/color.js";
import { checked } from "./report-helpers.js";
import { bin, gap, root } from "./run.js";

const example = "examples/chenggong-2024.csv";
const province = "test/fixtures/province-16.csv";
const folder = mkdtempSync(join(tmpdir(), "gap-reports-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const ANSI = /\u001b\[[0-9;]*m/g;

describe("the table at 80 columns, in Chinese, with colour", () => {
  const run = gap(["check", example, "--width", "80", "--lang", "zh"], { env: { FORCE_COLOR: "1" } });
  const lines = run.stdout.split("\n");

  it("fits: no line is wider than 80 columns", () => {
    const wide = lines.filter((l) => displayWidth(l) > 80);
    expect(wide).toEqual([]);
  });

  it("no line is garbled: every escape is a whole colour code and none is cut (the 逾期未 bug)", () => {
    for (const line of lines) expect(line.replace(ANSI, "")).not.toContain("\u001b");
    expect(run.stdout).not.toMatch(/│ m/);
    // a status wider than its column is folded first, then each half coloured
    expect(run.stdout).toMatch(/│ \u001b\[33m未达（指导\u001b\[39m +│/);
    expect(run.stdout).toMatch(/│ \u001b\[33m性）\u001b\[39m +│/);
  });

  it("says how many people to hire on the first screen", () => {
    const first = lines.slice(0, 40).join("\n").replace(ANSI, "");
    expect(first).toContain("结论");
    expect(first).toMatch(/结论：\d{4}(–\d{4})? 年需招聘 [\d,]+ 人/);
    expect(first).toMatch(/合计（每人只计一次） +[\d,]+/);
    expect(first).toMatch(/其中：执业\(助理\)医师 +[\d,]+/);
    expect(first).toContain("差距最大的目标");
    expect(first).toContain("无法评估 6 项");
  });

  it("the plan shows titles, a column per year and a bureau's words", () => {
    const plan = gap(["check", example, "--width", "80", "--lang", "zh", "--from", "2025", "--horizon", "2027", "--attrition", "5%"]).stdout;
    expect(plan).toMatch(/│ 类别 +│ +│ 2024年现有 │ 2025 +│ 2026 +│ 2027 +│ 合计 +│/);
    expect(plan).toContain("自然减员");
    const section = plan.slice(plan.indexOf("招聘计划"));
    expect(section).toMatch(/│ +其中：全科医生 +│ 年末需要 │/);
    expect(section).toMatch(/│ +依据：每万人常/);
    expect(section).toMatch(/│ 合计（每人只计一次） +│ 自然减员 │/);
    expect(section).not.toMatch(/\b(cg|cn|km|yn)-[a-z0-9-]+/);
  });

  it("--quiet keeps the answer and the findings only", () => {
    const quiet = gap(["check", example, "--quiet", "--lang", "zh"]).stdout;
    expect(quiet).toContain("结论");
    expect(quiet).toContain("未达标");
    expect(quiet).not.toMatch(/│ 达标 /);
    expect(quiet).not.toContain("假设");
  });
});

describe("a province: the overview first, ordered by people needed", () => {
  it("states the order and puts the region needing most people first", () => {
    const out = gap(["check", province, "--lang", "zh", "--width", "100"]).stdout;
    expect(out.split("\n")[0]).toContain("各地区概览（16）");
    expect(out).toContain("按需增人数从多到少排列");
    const needed = [...out.matchAll(/│ (\S+) +│ +([\d,]+) │/g)].slice(0, 16).map((m) => Number(m[2]!.replace(/,/g, "")));
    expect(needed).toHaveLength(16);
    expect([...needed].sort((a, b) => b - a)).toEqual(needed);
  });
});

describe("HTML report", () => {
  const pageOf = (file: string) => {
    const out = join(folder, `${file.replace(/\W/g, "_")}.html`);
    const run = gap(["check", file, "-o", out, "--lang", "zh", "--horizon", "2027"]);
    expect(run.stderr).toBe("");
    return readFileSync(out, "utf8");
  };

  it("-o report.html writes one self-contained page: no script, nothing fetched", () => {
    const page = pageOf(example);
    expect(page.startsWith("<!doctype html>")).toBe(true);
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).not.toMatch(/<script|<link|<img|@import|url\(/i);
    // the only address in the page is SVG's namespace
    expect([...page.matchAll(/https?:\/\/[^"\s]+/g)].map((m) => m[0])).toEqual(expect.arrayContaining([]));
    for (const url of page.matchAll(/https?:\/\/[^"\s]+/g)) expect(url[0]).toBe("http://www.w3.org/2000/svg");
    expect(page).toContain("@media print");
  });

  it("a region: the answer, the current-against-required chart, the results and the plan", () => {
    const page = pageOf(example);
    expect((page.match(/<section class="region"/g) ?? []).length).toBe(1);
    expect((page.match(/<svg /g) ?? []).length).toBe(2);
    expect(page).toMatch(/年需招聘 [\d,]+ 人/);
    expect(page).toContain("现状与目标");
    expect(page).toContain("斗南街道社区卫生服务中心"); // failing institutions
    expect(page).toMatch(/招聘计划 202[56]–2027/);
    expect(page).toContain("《“十四五”卫生健康人才发展规划》");
    // every tag that opens a table or an svg closes it
    for (const tag of ["table", "svg", "section", "ul"]) {
      expect((page.match(new RegExp(`<${tag}[ >]`, "g")) ?? []).length).toBe((page.match(new RegExp(`</${tag}>`, "g")) ?? []).length);
    }
  });

  it("a province: the overview with its chart and roll-up, then 16 regions in the overview's order", () => {
    const page = pageOf(province);
    expect(page).toContain('<section id="overview">');
    expect((page.match(/<section class="region"/g) ?? []).length).toBe(16);
    const overview = page.slice(page.indexOf('<section id="overview">'), page.indexOf("</section>"));
    const links = [...overview.matchAll(/href="#(r-\d+-\d+)"/g)].map((m) => m[1]);
    const sections = [...page.matchAll(/<section class="region" id="(r-\d+-\d+)"/g)].map((m) => m[1]);
    expect(sections).toEqual(links);
    expect(overview).toContain("汇总：各类别每年招聘人数");
  });

  it("names from the file are escaped: markup and control characters do not reach the page", () => {
    const result = checked(example);
    const region = result.regions[0]!;
    region.name = '<img src=x onerror=alert(1)>\u001b[31m';
    const page = reportText("html", { result, file: "<x>", lang: "en", paint: plain });
    expect(page).not.toContain("<img");
    expect(page).toContain("&lt;img src=x onerror=alert(1)&gt;\\x1b[31m");
    expect(page).not.toContain("\u001b");
  });
});

describe("Excel workbook", () => {
  const require = createRequire(import.meta.url);
  const ExcelJS = require("exceljs") as typeof import("exceljs");

  it("-o report.xlsx: summary, results, plan, roll-up; frozen headers; numbers stored as numbers", { timeout: 60_000 }, async () => {
    const out = join(folder, "province.xlsx");
    const run = gap(["check", province, "-o", out, "--lang", "zh", "--horizon", "2026"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["摘要", "结果", "计划", "汇总", "出处与假设"]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.getRow(1).font?.bold).toBe(true);
    }
    const summary = workbook.getWorksheet("摘要")!;
    expect(summary.rowCount).toBe(17);
    const needed = [];
    for (let r = 2; r <= 17; r++) {
      expect(typeof summary.getCell(r, 4).value).toBe("number");
      needed.push(summary.getCell(r, 4).value as number);
    }
    expect([...needed].sort((a, b) => b - a)).toEqual(needed);
    // people are counted with a thousands separator, every row alike; the other columns keep Excel's own format
    for (let r = 2; r <= 17; r++) {
      expect(summary.getCell(r, 4).numFmt).toBe("#,##0");
      expect(summary.getCell(r, 3).numFmt ?? "General").toBe("General");
    }
    const results = workbook.getWorksheet("结果")!;
    const header = (results.getRow(1).values as unknown[]).slice(1);
    const row = results.getRow(2);
    expect(typeof row.getCell(header.indexOf("现状") + 1).value).toBe("number");
    const plan = workbook.getWorksheet("计划")!;
    expect(typeof plan.getCell(2, 10).value).toBe("number");
    expect(plan.getColumn(4).width).toBeGreaterThan(8);
  });

  it("refuses a sheet longer than a spreadsheet shows, counting its rows as each region is checked", () => {
    // a province's nested regions planned over ten years: the plan sheet is the longer one
    const result = checked(province, { horizon: 2035 });
    for (const lang of ["en", "zh"] as const) {
      const format = xlsxFormat({ paint: plain, file: province });
      const formatted = result.regions.map((r) => format.region(r, lang));
      const lines = (section: number) => formatted.reduce((n, f) => n + (f.texts[section] as string).split("\n").length - 1, 0);
      const notes = formatted.map((f) => f.note);
      // the rows counted are the rows written, the header besides
      const [results, plan] = [lines(0) + 1, lines(1) + 1];
      expect(notes.reduce((n, x) => n + x.rows[0], 1)).toBe(results);
      expect(notes.reduce((n, x) => n + x.rows[1], 1)).toBe(plan);
      expect(plan).toBeGreaterThan(results);
      expect(() => refuseLongSheets(notes, lang, plan)).not.toThrow();
      expect(() => refuseLongSheets(notes, lang, plan - 1)).toThrow(
        `--format xlsx: the ${lang === "zh" ? "计划" : "plan"} sheet would have ${plan.toLocaleString("en")} rows, and a sheet shows at most ${(plan - 1).toLocaleString("en")}`,
      );
      expect(() => refuseLongSheets(notes, lang, results - 1)).toThrow(`the ${lang === "zh" ? "结果" : "results"} sheet would have ${results.toLocaleString("en")} rows`);
    }
    expect(SHEET_ROWS).toBe(1_048_576);
  });

  it("writes a workbook to a redirected standard output", { timeout: 60_000 }, () => {
    const run = spawnSync(process.execPath, [bin, "check", example, "--format", "xlsx"], { cwd: root, encoding: "buffer", env: { PATH: process.env.PATH ?? "", LANG: "C" } });
    expect(run.stdout.subarray(0, 2).toString("latin1")).toBe("PK");
  });
});

describe("files for Excel: the BOM and the format from -o", () => {
  it("gap template starts with a UTF-8 BOM; --no-bom drops it", () => {
    expect(gap(["template", "--lang", "zh"]).stdout.startsWith("\uFEFF行政区划代码")).toBe(true);
    expect(gap(["template", "--lang", "zh", "--no-bom"]).stdout.startsWith("行政区划代码")).toBe(true);
  });

  it("a CSV report starts with a BOM; --no-bom drops it; -o report.csv implies CSV", () => {
    expect(gap(["check", example, "--format", "csv"]).stdout.startsWith("\uFEFFrow_type,")).toBe(true);
    expect(gap(["check", example, "--format", "csv", "--no-bom"]).stdout.startsWith("row_type,")).toBe(true);
    const out = join(folder, "report.csv");
    gap(["check", example, "-o", out]);
    expect(readFileSync(out, "utf8").startsWith("\uFEFFrow_type,")).toBe(true);
  });

  it("-o report.md and -o report.json imply their formats; --format wins over the extension", () => {
    const md = join(folder, "report.md");
    gap(["check", example, "-o", md, "--lang", "zh"]);
    expect(readFileSync(md, "utf8").startsWith("## 卫生人才缺口分析")).toBe(true);
    const json = join(folder, "report.json");
    gap(["check", example, "-o", json]);
    expect(JSON.parse(readFileSync(json, "utf8")).schemaVersion).toBe(1);
    const forced = join(folder, "forced.json");
    gap(["check", example, "-o", forced, "--format", "markdown"]);
    expect(readFileSync(forced, "utf8").startsWith("## ")).toBe(true);
  });
});

describe("markdown ready for an annual report", () => {
  it("has the answer, failing institutions, the roll-up and the sources", () => {
    const one = gap(["check", example, "--format", "markdown", "--lang", "zh"]).stdout;
    expect(one).toContain("**结论**");
    expect(one).toContain("未达标机构：斗南街道社区卫生服务中心");
    expect(one).toContain("### 出处文件");
    expect(one).toContain("\\[000\\] 《“十四五”卫生健康人才发展规划》");
    const many = gap(["check", province, "--format", "markdown", "--lang", "zh"]).stdout;
    expect(many).toContain("### 各地区概览");
    expect(many).toContain("### 汇总：各类别每年招聘人数");
  });
});

describe("help and errors in Chinese", () => {
  it("gap check --help is Chinese under a Chinese locale", () => {
    const run = gap(["check", "--help"], { env: { LANG: "zh_CN.UTF-8" } });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^用法： gap check \[选项\] <文件\.\.\.>/);
    expect(run.stdout).toContain("选项：");
    expect(run.stdout).toContain("检查文件，对照所有适用目标");
    expect(run.stdout).toContain("显示帮助");
    expect(run.stdout).not.toMatch(/Usage:|Options:|display help/);
  });

  it("GAP_LANG and --lang choose the help's language too", () => {
    expect(gap(["--help"], { env: { GAP_LANG: "zh" } }).stdout).toContain("命令：");
    expect(gap(["--help", "--lang", "en"], { env: { LANG: "zh_CN.UTF-8" } }).stdout).toContain("Commands:");
  });

  it("a run-time error is one Chinese line", () => {
    const run = gap(["check", "no-such.csv"], { env: { LANG: "zh_CN.UTF-8" } });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("gap: 无法读取 no-such.csv：文件或目录不存在\n");
  });

  it("commander's own errors are Chinese", () => {
    const run = gap(["check", example, "--format", "pdf"], { env: { LANG: "zh_CN.UTF-8" } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("错误：选项 '-f, --format <format>' 的取值 'pdf' 无效");
    expect(run.stderr).toContain("（运行 gap check --help 查看用法）");
  });

  it("--width below 40 is refused in the user's language", () => {
    const run = gap(["check", example, "--width", "20"], { env: { LANG: "zh_CN.UTF-8" } });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("gap: --width «20»：应为不小于 40 的列数\n");
  });
});
