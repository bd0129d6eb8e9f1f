/** Every user-facing sentence about input problems, in Chinese and English, made in one place. */
import type { Diagnostic, DiagnosticCode, Expectation } from "../read/diagnostics.js";
import { columnById } from "../read/columns.js";

export type Lang = "zh" | "en";

const expectations: Record<Expectation, Record<Lang, string>> = {
  "whole-number": { en: "a whole number of people (e.g. 1234 or 1,234)", zh: "整数人数（如 1234 或 1,234）" },
  "non-negative": { en: "a number that is not negative", zh: "不小于 0 的数" },
  "not-above-max": { en: "a plausible figure (at most {max})", zh: "合理数值（不超过 {max}）" },
  "positive-population": { en: "a population above zero", zh: "大于 0 的人口数" },
  "region-code": {
    en: "a 6-digit GB/T 2260 code such as 530114 (Excel drops leading zeros: format the column as text)",
    zh: "6 位行政区划代码，如 530114（Excel 会去掉前导 0，请将该列设为文本）",
  },
  year: { en: "a year such as 2024", zh: "年份，如 2024" },
  flag: { en: "yes or no (是/否, 有/无, 1/0, true/false)", zh: "是或否（是/否、有/无、1/0、true/false）" },
  "unit-type": { en: "an institution type such as 乡镇卫生院 or township_hospital", zh: "机构类别，如 乡镇卫生院 或 township_hospital" },
  "value-present": { en: "a value", zh: "填写数值" },
  "utf8-or-gb18030": { en: "text in UTF-8 or GB18030/GBK", zh: "UTF-8 或 GB18030/GBK 编码的文本" },
  "text-not-binary": {
    en: "a CSV text file or an .xlsx workbook, not binary data: save it as CSV UTF-8 or .xlsx",
    zh: "CSV 文本文件或 .xlsx 工作簿，而非二进制数据：请另存为 CSV UTF-8 或 .xlsx",
  },
  "header-and-rows": { en: "a header row followed by data rows", zh: "一行表头及其后的数据行" },
  "unique-header": { en: "each column once (first at column {first})", zh: "每列只出现一次（首次出现在第 {first} 列）" },
  "named-header": { en: "a column name", zh: "列名" },
  "known-header": { en: "a known column", zh: "已知列名" },
  "cells-match-header": { en: "{header} cells, as in the header (found {cells})", zh: "与表头相同的 {header} 个单元格（实际 {cells} 个）" },
  "closed-quote": { en: "a quoted cell closed by a double quote before the next comma or line end", zh: "以双引号闭合的带引号单元格" },
  "short-row": { en: "a row of at most {max} bytes", zh: "不超过 {max} 字节的行" },
  "few-total-rows": { en: "at most {max} total rows per region and year", zh: "每个地区、年份不超过 {max} 个合计行" },
  "short-cell": { en: "a cell of at most {max} characters (found {length})", zh: "不超过 {max} 个字符的单元格（实际 {length} 个）" },
  "not-above-total": { en: "at most {total} ({totalValue})", zh: "不超过{total}（{totalValue}）" },
  "sum-not-above-total": { en: "at least the sum of its rows ({sum})", zh: "不小于其明细行之和（{sum}）" },
  "unique-row": { en: "one row per region, year and institution (first on line {first})", zh: "每个地区、年份、机构只有一行（首次出现在第 {first} 行）" },
  "region-row": { en: "a region row with the population", zh: "含常住人口的地区行" },
  "total-matches-sum": { en: "the sum of the rows ({sum})", zh: "明细行之和（{sum}）" },
  "header-first": { en: "the header on the first row", zh: "表头在第一行" },
  "value-or-empty": { en: "a figure, or an empty cell for not reported", zh: "数值；未填报请留空" },
  "count-unit": {
    en: "a count in 人, 个 or 万人 (the unit in brackets after the name)",
    zh: "以人、个或万人计的数（列名后括号中的单位）",
  },
  "whole-after-scale": {
    en: "a whole number of people once multiplied by {scale}: at most {places} decimal places",
    zh: "乘以 {scale} 后为整数人数：最多 {places} 位小数",
  },
};

type Template = Record<Lang, string>;

const problems: Record<DiagnosticCode, Template> = {
  "empty-file": { en: "the file is empty", zh: "文件为空" },
  "encoding-error": { en: "the file cannot be read as text", zh: "文件无法作为文本读取" },
  "no-rows": { en: "the header has no data rows under it", zh: "表头下没有数据行" },
  "blank-header": { en: "a column has no name", zh: "有一列没有列名" },
  "duplicate-label": { en: "column {field} appears twice", zh: "列 {field} 重复出现" },
  "unknown-header": { en: "unknown column «{value}», ignored", zh: "未知列 «{value}»，已忽略" },
  "missing-label": { en: "the required column {field} ({name}) is missing", zh: "缺少必需列 {field}（{name}）" },
  "missing-cell": { en: "the row has too few cells", zh: "该行单元格过少" },
  "extra-cell": { en: "the row has more cells than the header", zh: "该行单元格多于表头" },
  "unclosed-quote": { en: "a quoted cell is not closed properly", zh: "带引号的单元格未正确闭合" },
  "cell-too-long": { en: "the cell is too long", zh: "单元格过长" },
  "row-too-long": { en: "the row is too long: not read", zh: "该行过长，未读取" },
  "type-error": { en: "{field} «{value}» is not of the right type", zh: "{field} «{value}» 类型不正确" },
  "constraint-error": { en: "{field} «{value}» is out of range", zh: "{field} «{value}» 超出允许范围" },
  "required-value": { en: "{field} is empty", zh: "{field} 为空" },
  "unknown-unit-type": { en: "unknown institution type «{value}»", zh: "未知机构类别 «{value}»" },
  "subset-exceeds-total": { en: "{field} {value} is more than {total}", zh: "{field} {value} 大于{total}" },
  "sum-exceeds-total": { en: "{field} {value} is less than the sum of its rows", zh: "{field} {value} 小于其明细行之和" },
  "duplicate-row": { en: "duplicate row «{value}»", zh: "重复行 «{value}»" },
  "missing-region-row": { en: "region «{value}» has no region row: per-capita targets cannot be assessed", zh: "地区 «{value}» 没有地区行，无法评估按人口计算的指标" },
  "total-row-mismatch": { en: "total row: {field} {value} differs from the sum of the rows", zh: "合计行：{field} {value} 与明细行之和不符" },
  "total-rows-not-checked": {
    en: "region «{value}» has {rows} total rows: from this one on they are not checked against the sums",
    zh: "地区 «{value}» 有 {rows} 个合计行：自此行起不再与明细行之和核对",
  },
  "header-row": {
    en: "the header is on line {line}: the {rows} row(s) above it (from line {first}) are a title, passed over: «{value}»",
    zh: "表头在第 {line} 行：其上 {rows} 行（自第 {first} 行起）为标题，已跳过：«{value}»",
  },
  "not-reported-mark": {
    en: "«{value}» in {field} read as not reported (empty), not as zero: {cells} cell(s) in this column",
    zh: "{field} 中的 «{value}» 按未填报（空）处理，而非 0：该列共 {cells} 个",
  },
  "unit-error": {
    en: "column «{value}»: the unit «{unit}» is not one a count of {field} can be in",
    zh: "列 «{value}»：单位 «{unit}» 不是{field}可用的计数单位",
  },
  "too-many-problems": { en: "{more} more problems not listed", zh: "另有 {more} 个问题未列出" },
};

function fill(template: string, values: Record<string, string | number | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = values[key];
    return v === undefined ? "" : String(v);
  });
}

export function columnLabel(id: string | undefined, lang: Lang): string {
  if (!id) return "";
  const def = columnById.get(id);
  if (!def) return id;
  return lang === "zh" ? def.zh : id;
}

/** Fills a diagnostic's template: field names in the reader's language, numbers as they were read. */
function values(d: Diagnostic, lang: Lang): Record<string, string | number | undefined> {
  const detail = d.detail ?? {};
  return {
    ...detail,
    field: columnLabel(d.field, lang),
    value: d.value,
    total: typeof detail.total === "string" ? columnLabel(detail.total, lang) : undefined,
    name: detail.name,
    line: d.line,
  };
}

export function problemText(d: Diagnostic, lang: Lang): string {
  return fill(problems[d.code][lang], values(d, lang));
}

export function expectedText(d: Diagnostic, lang: Lang): string | undefined {
  if (!d.expected) return undefined;
  return fill(expectations[d.expected][lang], values(d, lang));
}

/** Whether a value is one of the diagnostic codes the messages know (a caller's diagnostic is checked against them). */
export function isDiagnosticCode(code: unknown): code is DiagnosticCode {
  return typeof code === "string" && Object.hasOwn(problems, code);
}

export function isExpectation(expected: unknown): expected is Expectation {
  return typeof expected === "string" && Object.hasOwn(expectations, expected);
}

/** Codes whose sentence already says what was expected. */
const WITHOUT_EXPECTATION = new Set<DiagnosticCode>(["unknown-header", "too-many-problems", "header-row", "not-reported-mark"]);

/** One line: what is wrong, what was expected, and a hint where there is one. */
export function diagnosticMessage(d: Diagnostic, lang: Lang): string {
  let text = problemText(d, lang);
  const expected = expectedText(d, lang);
  if (expected && !WITHOUT_EXPECTATION.has(d.code)) {
    text += lang === "zh" ? `；应为${expected}` : `; expected ${expected}`;
  }
  const suggestion = d.detail?.suggestion;
  if (suggestion !== undefined) text += lang === "zh" ? `；是否应为 «${suggestion}»？` : `; did you mean «${suggestion}»?`;
  return text;
}

export function severityLabel(severity: "error" | "warning", lang: Lang): string {
  if (lang === "zh") return severity === "error" ? "错误" : "警告";
  return severity;
}
