// Every diagnostic the reader gives has Chinese and English wording with every placeholder filled.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diagnosticMessage, expectedText, problemText, type Lang } from "../../src/i18n/messages.js";
import type { Diagnostic, DiagnosticCode } from "../../src/read/diagnostics.js";
import { LIMITS } from "../../src/read/limits.js";
import { readStatistics } from "../../src/read/reader.js";
import { FIXTURES, readFixture } from "./helpers.js";

/** Every code, checked by the compiler against DiagnosticCode: a new code fails to compile here until listed. */
const ALL_CODES: Record<DiagnosticCode, true> = {
  "empty-file": true,
  "encoding-error": true,
  "no-rows": true,
  "blank-header": true,
  "duplicate-label": true,
  "unknown-header": true,
  "missing-label": true,
  "missing-cell": true,
  "extra-cell": true,
  "unclosed-quote": true,
  "cell-too-long": true,
  "row-too-long": true,
  "type-error": true,
  "constraint-error": true,
  "required-value": true,
  "unknown-unit-type": true,
  "subset-exceeds-total": true,
  "sum-exceeds-total": true,
  "duplicate-row": true,
  "missing-region-row": true,
  "total-row-mismatch": true,
  "total-rows-not-checked": true,
  "header-row": true,
  "not-reported-mark": true,
  "unit-error": true,
  "too-many-problems": true,
};

function allDiagnostics(): Diagnostic[] {
  const fromFixtures = readdirSync(FIXTURES).flatMap((f) => readFixture(f).diagnostics);
  const header = "行政区划代码,地区,年份,机构名称,机构类别,常住人口,卫生人员";
  const long = readStatistics(`${header}\n530114,呈贡区,2024,${"院".repeat(10_001)},公立医院,,968\n530114,呈贡区,2024,,,728600,\n`, { file: "long.csv" });
  const many = readStatistics(
    [header, "530114,呈贡区,2024,,,728600,", ...Array.from({ length: 1001 }, (_, i) => `530114,呈贡区,2024,卫生室${i},村卫生室,,-${i + 1}`)].join("\n"),
    { file: "many.csv" },
  );
  const longRow = readStatistics(`${header}\n530114,呈贡区,2024,,,728600,\n530114,呈贡区,2024,${"x".repeat(LIMITS.rowBytes)},公立医院,,968\n`, { file: "row.csv" });
  const totals = readStatistics(
    [header, "530114,呈贡区,2024,,,728600,", ...Array.from({ length: LIMITS.totalRowsChecked + 1 }, () => "530114,呈贡区,2024,合计,,,")].join("\n"),
    { file: "totals.csv" },
  );
  return [...fromFixtures, ...long.diagnostics, ...many.diagnostics.slice(-2), ...longRow.diagnostics, ...totals.diagnostics];
}

describe("diagnostic messages", () => {
  const diagnostics = allDiagnostics();

  it("the fixtures and two generated files give every code there is", () => {
    expect([...new Set(diagnostics.map((d) => d.code))].sort()).toEqual(Object.keys(ALL_CODES).sort());
  });

  it("in both languages, with every placeholder filled", () => {
    for (const d of diagnostics) {
      for (const lang of ["zh", "en"] as Lang[]) {
        const text = diagnosticMessage(d, lang);
        const where = `${d.file}:${d.line}:${d.column} ${d.code} ${lang}: ${text}`;
        expect(text.length, where).toBeGreaterThan(5);
        // the user's own value may say anything ("NaN", "{…}"); the rest of the sentence may not
        const ours = d.value === undefined ? text : text.replaceAll(`«${d.value}»`, "«…»");
        expect(ours, where).not.toMatch(/[{}]|undefined|null|NaN|«»|\(\)|（）/);
        // placeholders filled with something: no doubled spaces or a space before punctuation where a value was
        expect(ours, where).not.toMatch(/ {2}| [;:,)）；]/);
        if (d.value !== undefined && problemText(d, lang).includes("«")) expect(text, where).toContain(`«${d.value}»`);
        if (d.expected) expect(expectedText(d, lang), where).toBeTruthy();
        if (lang === "zh" && d.code !== "unknown-header") expect(text, where).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  // one of each, word for word
  const GOLDEN: Array<[file: string, code: DiagnosticCode, line: number, en: string, zh: string]> = [
    ["empty.csv", "empty-file", 1, "the file is empty; expected a header row followed by data rows", "文件为空；应为一行表头及其后的数据行"],
    ["bad-binary-nul.csv", "encoding-error", 3, "the file cannot be read as text; expected a CSV text file or an .xlsx workbook, not binary data: save it as CSV UTF-8 or .xlsx", "文件无法作为文本读取；应为CSV 文本文件或 .xlsx 工作簿，而非二进制数据：请另存为 CSV UTF-8 或 .xlsx"],
    ["bad-mixed-encodings.csv", "encoding-error", 3, "the file cannot be read as text; expected text in UTF-8 or GB18030/GBK", "文件无法作为文本读取；应为UTF-8 或 GB18030/GBK 编码的文本"],
    ["header-only.csv", "no-rows", 2, "the header has no data rows under it; expected a header row followed by data rows", "表头下没有数据行；应为一行表头及其后的数据行"],
    ["bad-header-blank.csv", "blank-header", 1, "a column has no name; expected a column name", "有一列没有列名；应为列名"],
    ["bad-header-duplicate.csv", "duplicate-label", 1, "column physicians appears twice; expected each column once (first at column 5)", "列 执业(助理)医师 重复出现；应为每列只出现一次（首次出现在第 5 列）"],
    ["warn-header-typo.csv", "unknown-header", 1, "unknown column «注册护仕», ignored; did you mean «注册护士»?", "未知列 «注册护仕»，已忽略；是否应为 «注册护士»？"],
    ["bad-header-missing-year.csv", "missing-label", 1, "the required column year (年份) is missing; expected a column name", "缺少必需列 年份（年份）；应为列名"],
    ["bad-ragged-short.csv", "missing-cell", 3, "the row has too few cells; expected 17 cells, as in the header (found 12)", "该行单元格过少；应为与表头相同的 17 个单元格（实际 12 个）"],
    ["bad-ragged-long.csv", "extra-cell", 4, "the row has more cells than the header; expected 17 cells, as in the header (found 20)", "该行单元格多于表头；应为与表头相同的 17 个单元格（实际 20 个）"],
    ["bad-quote-trailing-text.csv", "unclosed-quote", 3, "a quoted cell is not closed properly; expected a quoted cell closed by a double quote before the next comma or line end", "带引号的单元格未正确闭合；应为以双引号闭合的带引号单元格"],
    ["bad-count-text.csv", "type-error", 3, "staff «不详» is not of the right type; expected a whole number of people (e.g. 1234 or 1,234)", "卫生人员 «不详» 类型不正确；应为整数人数（如 1234 或 1,234）"],
    ["bad-flag.csv", "type-error", 3, "has_tcm_department «部分» is not of the right type; expected yes or no (是/否, 有/无, 1/0, true/false)", "设中医科 «部分» 类型不正确；应为是或否（是/否、有/无、1/0、true/false）"],
    ["bad-count-negative.csv", "constraint-error", 3, "physicians «-3» is out of range; expected a number that is not negative", "执业(助理)医师 «-3» 超出允许范围；应为不小于 0 的数"],
    ["bad-count-absurd.csv", "constraint-error", 2, "population «72860000000» is out of range; expected a plausible figure (at most 2000000000)", "常住人口 «72860000000» 超出允许范围；应为合理数值（不超过 2000000000）"],
    ["bad-code-excel-stripped.csv", "constraint-error", 2, "region_code «0» is out of range; expected a 6-digit GB/T 2260 code such as 530114 (Excel drops leading zeros: format the column as text)", "行政区划代码 «0» 超出允许范围；应为6 位行政区划代码，如 530114（Excel 会去掉前导 0，请将该列设为文本）"],
    ["bad-population-missing.csv", "required-value", 2, "population is empty; expected a population above zero", "常住人口 为空；应为大于 0 的人口数"],
    ["bad-unit-type-unknown.csv", "unknown-unit-type", 4, "unknown institution type «诊所»; expected an institution type such as 乡镇卫生院 or township_hospital", "未知机构类别 «诊所»；应为机构类别，如 乡镇卫生院 或 township_hospital"],
    ["bad-subset-assistant.csv", "subset-exceeds-total", 3, "assistant_physicians 14 is more than physicians; expected at most physicians (13)", "执业助理医师 14 大于执业(助理)医师；应为不超过执业(助理)医师（13）"],
    ["bad-sum-above-region.csv", "sum-exceeds-total", 2, "staff 1200 is less than the sum of its rows; expected at least the sum of its rows (1360)", "卫生人员 1200 小于其明细行之和；应为不小于其明细行之和（1360）"],
    ["bad-duplicate-region.csv", "duplicate-row", 3, "duplicate row «530114 2024»; expected one row per region, year and institution (first on line 2)", "重复行 «530114 2024»；应为每个地区、年份、机构只有一行（首次出现在第 2 行）"],
    ["warn-missing-region-row.csv", "missing-region-row", 2, "region «530114 2024» has no region row: per-capita targets cannot be assessed; expected a region row with the population", "地区 «530114 2024» 没有地区行，无法评估按人口计算的指标；应为含常住人口的地区行"],
    ["warn-total-row-mismatch.csv", "total-row-mismatch", 5, "total row: staff 2000 differs from the sum of the rows; expected the sum of the rows (1360)", "合计行：卫生人员 2000 与明细行之和不符；应为明细行之和（1360）"],
  ];

  it.each(GOLDEN)("%s: %s on line %i", (file, code, line, en, zh) => {
    const d = readFixture(file).diagnostics.find((x) => x.code === code && x.line === line)!;
    expect(diagnosticMessage(d, "en")).toBe(en);
    expect(diagnosticMessage(d, "zh")).toBe(zh);
  });

  it("cell-too-long and too-many-problems", () => {
    const long = diagnostics.find((d) => d.code === "cell-too-long")!;
    expect(diagnosticMessage(long, "en")).toBe("the cell is too long; expected a cell of at most 10000 characters (found 10001)");
    expect(diagnosticMessage(long, "zh")).toBe("单元格过长；应为不超过 10000 个字符的单元格（实际 10001 个）");
    const more = diagnostics.find((d) => d.code === "too-many-problems")!;
    expect(diagnosticMessage(more, "en")).toBe("1 more problems not listed");
    expect(diagnosticMessage(more, "zh")).toBe("另有 1 个问题未列出");
  });
});
