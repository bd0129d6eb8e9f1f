// Files as bureaus have them, through the CLI as a user runs it: workbooks, several files, --region, a province's
// file with its prefectures and counties, and what the machine-read outputs say about the input.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { titledWorkbook } from "../read/shapes.js";
import { gap, root } from "./run.js";

const dir = mkdtempSync(join(tmpdir(), "gap-inputs-"));
const kunming = readFileSync(join(root, "test/fixtures/check/kunming-2023-2024.csv"), "utf8").trimEnd().split("\n");
const nested = "test/fixtures/check/yunnan-nested-2024.csv";

/** The Kunming fixture's rows whose code matches, under its header, written to a file of the temporary folder. */
function kunmingFile(name: string, codes: RegExp): string {
  const path = join(dir, name);
  writeFileSync(path, `${[kunming[0]!, ...kunming.slice(1).filter((line) => codes.test(line.slice(0, 6)))].join("\n")}\n`);
  return path;
}

const json = (args: string[]) => {
  const run = gap([...args, "--format", "json"]);
  return { ...run, report: JSON.parse(run.stdout) };
};
const regionsOf = (report: { regions: Array<{ code: string; year: number }> }) => report.regions.map((r) => `${r.code} ${r.year}`).sort();

describe("several files and --region", () => {
  it("check a.csv b.csv --region 5301 gives one report of the regions asked for, as one file with them would", { timeout: 60_000 }, () => {
    const a = kunmingFile("a.csv", /^530(102|103|181)$/);
    const b = kunmingFile("b.csv", /^5301(11|14)$/);
    const both = json(["check", a, b, "--region", "5301"]);
    expect(both.status).toBe(1);
    expect(both.report.file).toBe(`${a}, ${b}`);
    const whole = json(["check", "test/fixtures/check/kunming-2023-2024.csv"]);
    const strip = (r: { regions: unknown[]; rollup: unknown }) => JSON.stringify({ regions: r.regions, rollup: r.rollup }, (k, v) => (k === "line" ? undefined : v));
    expect(strip(both.report)).toBe(strip(whole.report));
    // prefixes, repeatable: 530114 and 530181 only
    const some = json(["check", a, b, "--region", "530114", "--region", "530181"]);
    expect(regionsOf(some.report)).toEqual(["530114 2023", "530114 2024", "530181 2024"]);
    expect(gap(["validate", a, b, "--region", "530114"]).stdout).toContain("2 region-years");
  });

  it("a region-year in two files is an error in the later one; a --region nothing matches and a malformed one exit 2", { timeout: 60_000 }, () => {
    const a = kunmingFile("dup-a.csv", /^5301(02|14)$/);
    const b = kunmingFile("dup-b.csv", /^530114$/);
    const run = gap(["check", a, b]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${b}:2:1  error  duplicate row «530114 2024»; expected one row per region, year and institution (first on line ${a}:`);
    const none = gap(["check", a, "--region", "5399"]);
    expect([none.status, none.stderr]).toEqual([2, `gap: no region in ${a} has a code starting with 5399 (--region)\n`]);
    expect(gap(["check", a, "--region", "53x"]).status).toBe(2);
  });
});

describe("a province's file with its prefectures and counties", () => {
  it("is rolled up per level, never summed across levels, and says which levels it found", () => {
    const { report, status } = json(["check", nested]);
    expect(status).toBe(1);
    expect(report.summary.levels).toEqual([
      { level: "provincial", regions: 1 },
      { level: "municipal", regions: 2 },
      { level: "county", regions: 3 },
    ]);
    // each level's roll-up is the sum of that level's own plans, and of nobody else's
    type Plan = { categories: Array<{ metric: string; totalHires: number }> } | null;
    const regions: Array<{ level: string; plan: Plan }> = report.regions;
    for (const row of report.rollup as Array<{ level: string; metric: string; totalHires: number }>) {
      const own = regions.filter((r) => r.level === row.level).flatMap((r) => r.plan?.categories ?? []).filter((c) => c.metric === row.metric);
      expect(row.totalHires, `${row.level} ${row.metric}`).toBe(own.reduce((n, c) => n + c.totalHires, 0));
    }
    // the province's GPs are the province's plan, not the province's plus its prefectures' and counties'
    const gps = (level: string) => report.rollup.find((r: { level: string; metric: string }) => r.level === level && r.metric === "gps")?.totalHires;
    const provincePlan = regions.find((r) => r.level === "provincial")!.plan!.categories.find((c) => c.metric === "gps")!.totalHires;
    expect(gps("provincial")).toBe(provincePlan);
    expect(gps("municipal")).toBeGreaterThan(0);
    const table = gap(["check", nested, "--lang", "en", "--width", "160"]).stdout;
    expect(table).toContain("The file holds several levels (provincial 1, municipal 2, county 3): rolled up per level, never summed across levels");
  });
});

describe("workbooks", () => {
  let titled = "";
  let notesFirst = "";
  beforeAll(async () => {
    titled = join(dir, "county.xlsx");
    notesFirst = join(dir, "notes.xlsx");
    writeFileSync(titled, await titledWorkbook());
    writeFileSync(notesFirst, await titledWorkbook(true));
  });

  it("are read from their first sheet, or --sheet, with diagnostics at file.xlsx!Sheet:row:column", { timeout: 60_000 }, () => {
    const csv = json(["check", "test/fixtures/input/good-chenggong-utf8.csv"]);
    const book = json(["check", titled]);
    expect(book.status).toBe(1);
    expect(book.report.file).toBe(`${titled}!Sheet1`);
    const results = (r: { regions: Array<{ results: unknown }> }) => JSON.stringify(r.regions.map((x) => x.results), (k, v) => (k === "line" ? undefined : v));
    expect(results(book.report)).toBe(results(csv.report));
    expect(book.report.diagnostics.map((d: { file: string; line: number; column: number; code: string }) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      `${titled}!Sheet1:3:1 header-row`,
    ]);
    expect(book.stderr).toContain(`${titled}!Sheet1:3:1  warning  the header is on line 3`);
    expect(gap(["validate", notesFirst]).stdout).toContain(`${notesFirst}!说明:1:2  error  the required column region_code`);
    expect(results(json(["check", notesFirst, "--sheet", "数据"]).report)).toBe(results(csv.report));
    const missing = gap(["check", notesFirst, "--sheet", "Sheet9"]);
    expect([missing.status, missing.stderr]).toEqual([2, `gap: ${notesFirst}: no sheet named «Sheet9»; the sheets are «说明», «数据»\n`]);
    // from standard input too: the bytes say it is a workbook
    const piped = gap(["check", "-", "--format", "json"], { input: readFileSync(titled) });
    expect(results(JSON.parse(piped.stdout))).toBe(results(csv.report));
  });

  it("a legacy .xls, or a zip that is not a workbook, gets one line and exit 2", { timeout: 60_000 }, () => {
    const xls = join(dir, "old.xls");
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    const run = gap(["check", xls]);
    expect([run.status, run.stdout]).toEqual([2, ""]);
    expect(run.stderr).toBe(`gap: ${xls}: a legacy Excel workbook (.xls) or other OLE2 file, which gap cannot read: save it as CSV UTF-8 or .xlsx\n`);
    expect(gap(["validate", xls]).status).toBe(2);
    const zip = join(dir, "not-a-workbook.csv");
    writeFileSync(zip, Buffer.from("PK\u0003\u0004 something else"));
    expect(gap(["check", zip]).stderr).toBe(`gap: ${zip}: not an .xlsx workbook that can be read: save it as CSV UTF-8 or .xlsx\n`);
  });
});

describe("the input's diagnostics in the machine-read outputs", () => {
  let typo = "";
  beforeAll(() => {
    typo = join(dir, "typo.csv");
    writeFileSync(typo, readFileSync(join(root, "examples/chenggong-2024.csv"), "utf8").replace("注册护士", "注册护仕"));
  });

  it("JSON, CSV and GitHub carry the warnings; the report names the column not recognised on the targets it costs", { timeout: 60_000 }, () => {
    const { report } = json(["check", typo]);
    expect(report.diagnostics).toEqual([
      {
        code: "unknown-header",
        severity: "warning",
        file: typo,
        line: 1,
        column: 16,
        field: null,
        value: "注册护仕",
        message: "unknown column «注册护仕», ignored; did you mean «注册护士»?",
      },
    ]);
    const remarks = report.regions[0].results.flatMap((r: { status: string; remarks?: Array<{ text: string }> }) =>
      r.status === "not_assessed" ? (r.remarks ?? []).map((m) => m.text) : [],
    );
    expect(remarks).toContain("needs the nurses column: the file's column «注册护仕» was not recognised (did you mean «注册护士»?)");
    const csv = gap(["check", typo, "--format", "csv"]).stdout.split("\n");
    expect(csv[1]).toMatch(/^diagnostic,,,,,unknown-header,"unknown column «注册护仕», ignored; did you mean «注册护士»\?",,,,warning,.*,[^,]*typo\.csv:1:16,/);
    const github = gap(["check", typo, "--format", "github"]).stdout;
    expect(github.split("\n")[0]).toBe(`::warning file=${typo},line=1,col=16,title=gap unknown-header::unknown column «注册护仕», ignored; did you mean «注册护士»?`);
    const zh = JSON.stringify(json(["check", typo, "--lang", "zh"]).report.regions[0].results);
    expect(zh).toContain("缺少「注册护士」列：文件中的列 «注册护仕» 未被识别（是否应为「注册护士」？）");
  });

  it("--strict fails on warnings; an invalid input under --format json is a JSON envelope of its diagnostics", { timeout: 60_000 }, () => {
    expect(gap(["check", typo, "--fail-on", "none"]).status).toBe(0);
    expect(gap(["check", typo, "--fail-on", "none", "--strict"]).status).toBe(1);
    expect(gap(["check", "examples/chenggong-2024.csv", "--fail-on", "none", "--strict"]).status).toBe(0);
    const invalid = gap(["check", "test/fixtures/input/bad-count-negative.csv", "--format", "json"]);
    expect(invalid.status).toBe(2);
    const envelope = JSON.parse(invalid.stdout);
    expect(envelope).toMatchObject({ tool: "gap", command: "check", valid: false, errors: 2 });
    expect(envelope.diagnostics.map((d: { line: number; column: number; code: string }) => `${d.line}:${d.column} ${d.code}`)).toEqual(["3:11 constraint-error", "4:16 constraint-error"]);
  });
});

describe("--sheet", () => {
  it("with only text files is refused in one line, in either language (a workbook among the files takes it: see workbooks)", () => {
    const csv = join(root, "examples", "chenggong-2024.csv");
    const en = gap(["check", csv, "--sheet", "2024"]);
    expect(en.status).toBe(2);
    expect(en.stderr).toBe(`gap: --sheet «2024»: ${csv} is a text file, not an .xlsx workbook with sheets\n`);
    const zh = gap(["validate", csv, csv, "--sheet", "2024", "--lang", "zh"]);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toBe(`gap: --sheet «2024»：${csv}, ${csv} 是文本文件，不是有工作表的 .xlsx 工作簿\n`);
  });
});
