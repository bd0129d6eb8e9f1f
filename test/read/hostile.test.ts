// Hostile and extreme input the reader must survive: no crash, no hang, no silently unread rows.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { MAX_STORED_DIAGNOSTICS } from "../../src/read/diagnostics.js";
import { MAX_TOTAL_ROWS_CHECKED } from "../../src/read/accumulators.js";
import { LIMITS } from "../../src/read/limits.js";
import { StatisticsReader, readStatistics } from "../../src/read/reader.js";
import { bin, root } from "../cli/run.js";

const HEADER = "行政区划代码,地区,年份,机构名称,机构类别,常住人口,卫生人员";
const REGION = "530114,呈贡区,2024,,,728600,";

describe("hostile input", () => {
  it("a row of 130k malformed quoted cells is one row of problems, not a stack overflow", () => {
    const row = Array.from({ length: 130_000 }, () => '"a"b').join(",");
    const result = readStatistics(`${HEADER}\n${REGION}\n${row}\n`, { file: "f.csv" });
    // every malformed cell is counted, the first ones are listed
    expect(result.errors).toBeGreaterThanOrEqual(130_000);
    expect(result.diagnostics.filter((d) => d.code === "unclosed-quote").length).toBeGreaterThan(0);
    expect(result.diagnostics.length).toBeLessThanOrEqual(MAX_STORED_DIAGNOSTICS + 1);
  });

  it("an encoding error after the first 1,000 problems is still listed, at its line, and stops the reading", () => {
    const bad = Array.from({ length: MAX_STORED_DIAGNOSTICS + 50 }, (_, i) => `530114,呈贡区,2024,卫生室${i},村卫生室,,-1`);
    const encoder = new TextEncoder();
    const good = encoder.encode(`${HEADER}\n${REGION}\n${bad.join("\n")}\n`);
    // then a name saved in GBK (呈贡: b3 ca b9 b1) in this UTF-8 file, and rows that are never read
    const gbk = Uint8Array.from([...encoder.encode("530114,呈贡区,2024,"), 0xb3, 0xca, 0xb9, 0xb1, ...encoder.encode(",村卫生室,,1\n")]);
    const after = encoder.encode("530114,呈贡区,2024,卫生室x,村卫生室,,-1\n".repeat(100));
    const bytes = Uint8Array.from([...good, ...gbk, ...after]);
    const reader = new StatisticsReader({ file: "f.csv" });
    for (let at = 0; at < bytes.length; at += 4096) reader.push(bytes.subarray(at, at + 4096));
    const result = reader.end();
    const line = 2 + bad.length + 1;
    expect(result.diagnostics.filter((d) => d.code === "encoding-error").map((d) => d.line)).toEqual([line]);
    expect(result.errors).toBeGreaterThan(MAX_STORED_DIAGNOSTICS);
    expect(result.diagnostics.at(-1)).toMatchObject({ code: "too-many-problems" });
  });

  it("one line saved in GBK in a UTF-8 file is an encoding error on that line, not a file read as GB18030", () => {
    const encoder = new TextEncoder();
    const rows = ["region_code,region,year,unit,unit_type,population,staff", "530114,呈贡区,2024,,,728600,", "530114,呈贡区,2024,呈贡区人民医院,公立医院,,968"];
    const gbkLine = Uint8Array.from([...encoder.encode("530114,,2024,"), 0xb3, 0xca, 0xb9, 0xb1, ...encoder.encode(",public_hospital,,3\n")]);
    const bytes = Uint8Array.from([...encoder.encode(rows.join("\n") + "\n"), ...gbkLine, ...encoder.encode("530114,呈贡区,2024,呈贡区中医医院,中医医院,,392\n")]);
    const result = readStatistics(bytes, { file: "f.csv" });
    expect(result.stats.encoding).toBe("utf-8");
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([["encoding-error", 4]]);
  });
});

describe("input that does not end", () => {
  const run = (args: string[], input?: Buffer) =>
    spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: "utf8", timeout: 60_000, env: { PATH: process.env.PATH ?? "", LANG: "C" } });

  it("gap validate /dev/zero stops at the first bytes that are not text", () => {
    const result = run(["validate", "/dev/zero", "--format", "json"]);
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(["encoding-error"]);
  });

  it("yes | gap validate - stops at a header without the required columns", () => {
    const result = spawnSync("sh", ["-c", `yes | "${process.execPath}" "${bin}" validate - --format json`], { cwd: root, encoding: "utf8", timeout: 60_000 });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).diagnostics.map((d: { code: string }) => d.code)).toContain("missing-label");
  });
});

describe("memory that would follow the rows", () => {
  const brief = (d: { code: string; line: number }) => `${d.code} ${d.line}`;

  it("a region's total rows past the first MAX_TOTAL_ROWS_CHECKED are counted, not kept: one warning at the first not checked", () => {
    const totals = Array.from({ length: MAX_TOTAL_ROWS_CHECKED + 20 }, () => "530114,呈贡区,2024,合计,,,5");
    const text = [HEADER, REGION, "530114,呈贡区,2024,卫生室,村卫生室,,3", ...totals].join("\n");
    const result = readStatistics(text, { file: "f.csv" });
    const found = result.diagnostics.map(brief);
    // each checked total row differs from the sum (3): one warning each, at its own line
    expect(found.filter((d) => d.startsWith("total-row-mismatch"))).toEqual(totals.slice(0, MAX_TOTAL_ROWS_CHECKED).map((_, i) => `total-row-mismatch ${4 + i}`));
    expect(found.filter((d) => d.startsWith("total-rows-not-checked"))).toEqual([`total-rows-not-checked ${4 + MAX_TOTAL_ROWS_CHECKED}`]);
    expect(result.diagnostics.find((d) => d.code === "total-rows-not-checked")).toMatchObject({ value: "530114 2024", detail: { rows: MAX_TOTAL_ROWS_CHECKED + 20, max: MAX_TOTAL_ROWS_CHECKED } });
    expect(result.stats.totalRows).toBe(MAX_TOTAL_ROWS_CHECKED + 20);
  });

  const longRow = (chunk: number, body: string) => {
    const text = `${HEADER}\n${REGION}\n530114,呈贡区,2024,${body},村卫生室,,3\n530114,呈贡区,2024,卫生院,乡镇卫生院,,7\n`;
    const bytes = new TextEncoder().encode(text);
    const reader = new StatisticsReader({ file: "f.csv" });
    for (let at = 0; at < bytes.length; at += chunk) reader.push(bytes.subarray(at, at + chunk));
    return reader.end();
  };

  it.each([
    ["an unquoted cell", 65_536, "x".repeat(LIMITS.rowBytes + 10)],
    ["a quoted cell with line breaks", 65_536, `"${"x\n".repeat(LIMITS.rowBytes / 2)}"`],
    ["a quoted cell with CRLF and doubled quotes, in odd chunks", 4099, `"${'a""\r\n'.repeat(LIMITS.rowBytes / 4)}"`],
    ["a row held in one chunk", 1 << 30, "x".repeat(LIMITS.rowBytes + 10)],
  ])("a row longer than the row limit (%s) is one located error, not read, and the rows after it are", (_what, chunk, body) => {
    const result = longRow(chunk, body);
    expect(result.diagnostics.map(brief)).toEqual(["row-too-long 3"]);
    expect(result.diagnostics[0]).toMatchObject({ column: 1, detail: { max: LIMITS.rowBytes } });
    const breaks = body.split("\n").length - 1;
    expect(result.stats.institutionRows).toBe(1);
    expect(result.stats.lines).toBe(4 + breaks);
    expect(result.regions[0]!.byType.township_hospital!.figures.staff!.value).toBe(7);
  });

  it("a row longer than the limit at the end of the input, unclosed or not, is the one error", () => {
    for (const tail of ["x".repeat(LIMITS.rowBytes + 10), `"${"x".repeat(LIMITS.rowBytes + 10)}"`]) {
      const bytes = new TextEncoder().encode(`${HEADER}\n${REGION}\n530114,呈贡区,2024,${tail}`);
      const reader = new StatisticsReader({ file: "f.csv" });
      for (let at = 0; at < bytes.length; at += 65_536) reader.push(bytes.subarray(at, at + 65_536));
      expect(reader.end().diagnostics.map(brief)).toEqual(["row-too-long 3"]);
    }
  });
});

describe("rows given as cells (a workbook's) are held to the same limits as text", () => {
  const header = ["行政区划代码", "地区", "年份", "机构名称", "机构类别", "常住人口", "卫生人员"];

  it("a cell over the limit is cell-too-long at its line and column, and read shortened", () => {
    const reader = new StatisticsReader({ file: "w.xlsx" });
    reader.pushRow(header, 3);
    reader.pushRow(["530114", "呈".repeat(LIMITS.cellLength + 5), "2024", "", "", "728600", ""], 4);
    const result = reader.end();
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column, d.field])).toEqual([["cell-too-long", 4, 2, "region"]]);
    expect(result.regions[0]!.name.length).toBe(LIMITS.cellLength);
  });

  it("a row over the limit in UTF-8 bytes is row-too-long and not read; the rows after it are", () => {
    const reader = new StatisticsReader({ file: "w.xlsx" });
    reader.pushRow(header, 1);
    // 40 cells of 9,000 characters of 3 bytes each: every cell within its limit, the row 1.08 MB
    reader.pushRow(["530114", "呈贡区", "2024", ...Array.from({ length: 40 }, () => "院".repeat(9_000))], 2);
    reader.pushRow(["530114", "呈贡区", "2024", "", "", "728600", ""], 3);
    const result = reader.end();
    expect(result.diagnostics.filter((d) => d.code === "row-too-long").map((d) => d.line)).toEqual([2]);
    expect(result.regions.map((r) => [r.code, r.line])).toEqual([["530114", 3]]);
  });

  it("a row just within the limit in bytes is read", () => {
    const reader = new StatisticsReader({ file: "w.xlsx" });
    reader.pushRow(["region_code", "year", "population", ...Array.from({ length: 100 }, (_, i) => `note${i}`)], 1);
    reader.pushRow(["530114", "2024", "1000", ...Array.from({ length: 100 }, () => "a".repeat(LIMITS.cellLength))], 2);
    const result = reader.end();
    expect(result.diagnostics.some((d) => d.code === "row-too-long" || d.code === "cell-too-long")).toBe(false);
    expect(result.regions).toHaveLength(1);
  });
});
