// Every malformed or awkward file under test/fixtures/input and the exact diagnostics it must give: code, line,
// column, field and severity ("E" error, "W" warning), in file order. Files named good-* must give none.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/read/diagnostics.js";
import type { ReadResult } from "../../src/read/reader.js";
import { FIXTURES, brief, readFixture } from "./helpers.js";

interface Case {
  diagnostics: string[];
  /** further facts about the result: values, details, what was (not) read */
  also?: (result: ReadResult, find: (code: string, line?: number) => Diagnostic) => void;
}

// The common header (17 columns, as the analysts' template has them):
//  1 行政区划代码  2 地区  3 年份  4 机构名称  5 机构类别  6 机构数  7 常住人口  8 农村人口  9 卫生人员
// 10 卫生技术人员 11 执业(助理)医师 12 执业助理医师 13 中医类别… 14 公共卫生类别… 15 全科医生 16 注册护士 17 设中医科
export const CASES: Record<string, Case> = {
  // ---- counts
  "bad-count-negative.csv": {
    diagnostics: ["E constraint-error 3:11 physicians", "E constraint-error 4:16 nurses"],
    also: (r, find) => {
      expect(find("constraint-error", 3)).toMatchObject({ value: "-3", expected: "non-negative" });
      expect(find("constraint-error", 4)).toMatchObject({ value: "－163", expected: "non-negative" }); // full-width minus
      // rows with a bad cell are not summed
      expect(r.regions[0]!.figures.staff).toBeUndefined();
    },
  },
  "bad-count-fraction.csv": {
    // 286.0 is a whole number written with a point; 451.5 and 4.50 are not
    diagnostics: ["E constraint-error 3:16 nurses", "E constraint-error 4:15 gps"],
    also: (_r, find) => expect(find("constraint-error", 3)).toMatchObject({ value: "451.5", expected: "whole-number" }),
  },
  "bad-count-text.csv": {
    diagnostics: [
      "E type-error 3:9 staff",
      "E type-error 3:11 physicians",
      "E type-error 3:16 nurses",
      "W not-reported-mark 4:14 public_health_physicians",
      "E type-error 4:16 nurses",
    ],
    // "—" alone is how statistical tables mark not reported: read as empty, with a warning
    also: (r) => expect(r.diagnostics.map((d) => d.value)).toEqual(["不详", "约300", "N/A", "—", "163人"]),
  },
  "bad-count-nan-infinity.csv": {
    diagnostics: ["E type-error 3:9 staff", "E type-error 3:10 health_technicians", "E type-error 3:11 physicians", "E type-error 3:16 nurses"],
    also: (r) => expect(r.diagnostics.map((d) => d.value)).toEqual(["NaN", "Infinity", "-Infinity", "∞"]),
  },
  "bad-count-exponent.csv": {
    diagnostics: ["E type-error 3:9 staff", "E type-error 3:10 health_technicians", "E type-error 3:12 assistant_physicians", "E type-error 3:16 nurses"],
    also: (r) => expect(r.diagnostics.map((d) => d.value)).toEqual(["1e3", "8.42E+02", "1E1", "0x1C3"]),
  },
  "bad-count-absurd.csv": {
    diagnostics: [
      "E constraint-error 2:7 population",
      "E constraint-error 3:9 staff",
      "E constraint-error 3:16 nurses",
      "E constraint-error 4:6 institutions",
    ],
    also: (r, find) => {
      expect(find("constraint-error", 2)).toMatchObject({ expected: "not-above-max", detail: { max: 2_000_000_000 } });
      expect(r.diagnostics[1]).toMatchObject({ value: "968000000", detail: { max: 100_000_000 } });
      expect(find("constraint-error", 4)).toMatchObject({ detail: { max: 10_000_000 } });
      // a population that is wrong is not also reported missing
      expect(r.diagnostics.filter((d) => d.field === "population")).toHaveLength(1);
    },
  },
  "bad-count-grouping.csv": {
    // "728,600" and "451" (quoted) are fine; "96,30", "9,68", "3,920,0", "1,63" are not thousands groups
    diagnostics: ["E type-error 2:8 rural_population", "E type-error 3:9 staff", "E type-error 4:9 staff", "E type-error 4:16 nurses"],
    also: (r) => {
      expect(r.diagnostics.map((d) => d.value)).toEqual(["96,30", "9,68", "3,920,0", "1,63"]);
      // a row with a bad cell is not used at all, even its good cells ("728,600")
      expect(r.regions[0]!.figures.population).toBeUndefined();
      expect(r.regions[0]!.hasRegionRow).toBe(true);
    },
  },
  "good-count-forms.csv": { diagnostics: [] },

  // ---- a subset above its total
  "bad-subset-assistant.csv": {
    diagnostics: ["E subset-exceeds-total 3:12 assistant_physicians"],
    also: (_r, find) =>
      expect(find("subset-exceeds-total")).toMatchObject({ value: "14", detail: { total: "physicians", totalValue: 13 } }),
  },
  "bad-subset-categories.csv": {
    diagnostics: [
      "E subset-exceeds-total 3:13 tcm_physicians",
      "E subset-exceeds-total 3:14 public_health_physicians",
      "E subset-exceeds-total 3:15 gps",
    ],
  },
  "bad-subset-staff.csv": {
    // on a region row and on an institution row of another region
    diagnostics: ["E subset-exceeds-total 2:10 health_technicians", "E subset-exceeds-total 4:10 health_technicians"],
    also: (_r, find) => expect(find("subset-exceeds-total", 2)).toMatchObject({ value: "4800", detail: { total: "staff", totalValue: 4500 } }),
  },
  "bad-subset-rural.csv": {
    diagnostics: ["E subset-exceeds-total 2:8 rural_population"],
    also: (_r, find) => expect(find("subset-exceeds-total")).toMatchObject({ value: "800000", detail: { total: "population", totalValue: 728600 } }),
  },
  "bad-subset-summed.csv": {
    // the region row states 300 physicians; its institutions report 200 + 150 assistant physicians
    diagnostics: ["E subset-exceeds-total 2:12 assistant_physicians"],
    also: (_r, find) =>
      expect(find("subset-exceeds-total")).toMatchObject({ value: "350", detail: { total: "physicians", totalValue: 300, summed: 1 } }),
  },

  // ---- rows summing above a stated total
  "bad-sum-above-region.csv": {
    diagnostics: [
      "E sum-exceeds-total 2:9 staff",
      "E sum-exceeds-total 2:10 health_technicians",
      "E sum-exceeds-total 2:11 physicians",
    ],
    also: (r, find) => {
      expect(find("sum-exceeds-total")).toMatchObject({ value: "1200", detail: { sum: 1360, rows: 2 } });
      // the stated total stands
      expect(r.regions[0]!.figures.staff).toEqual({ value: 1200, source: "stated", partial: false });
    },
  },
  "bad-subtotal-vs-institutions.csv": {
    // subtotal: 2 township hospitals with 20 physicians; three township hospital rows with 8 + 9 + 7
    diagnostics: ["E sum-exceeds-total 3:6 institutions", "E sum-exceeds-total 3:11 physicians"],
    also: (r, find) => {
      expect(find("sum-exceeds-total")).toMatchObject({ value: "2", detail: { sum: 3 } });
      expect(r.diagnostics[1]).toMatchObject({ value: "20", detail: { sum: 24, rows: 3 } });
    },
  },

  // ---- duplicates (these files put 地区 first: the code column is column 2)
  "bad-duplicate-region.csv": {
    diagnostics: ["E duplicate-row 3:2 region_code"],
    also: (r, find) => {
      expect(find("duplicate-row")).toMatchObject({ value: "530114 2024", detail: { first: 2 } });
      expect(r.regions.map((x) => `${x.code}/${x.year}`)).toEqual(["530114/2023", "530114/2024"]);
    },
  },
  "bad-duplicate-institution.csv": {
    // " 呈贡区人民医院 " is the same name padded; the 2023 row is another year (without a region row)
    diagnostics: ["E duplicate-row 5:4 unit", "W missing-region-row 6:1"],
    also: (r, find) => {
      expect(find("duplicate-row")).toMatchObject({ value: "呈贡区人民医院", detail: { first: 3 } });
      const y2024 = r.regions.find((x) => x.year === 2024)!;
      expect(y2024.figures.staff).toEqual({ value: 968 + 392, source: "summed", partial: false });
    },
  },
  "bad-duplicate-institution-apart.csv": {
    // 呈贡区's rows come in two blocks with 西山区's between: its names are kept while the file is elsewhere; the
    // same name in another region is no duplicate
    diagnostics: ["E duplicate-row 8:4 unit"],
    also: (r, find) => {
      expect(find("duplicate-row")).toMatchObject({ value: "呈贡区中医医院", detail: { first: 4 } });
      const chenggong = r.regions.find((x) => x.code === "530114")!;
      expect(chenggong.figures.staff).toEqual({ value: 968 + 392 + 64, source: "summed", partial: false });
      expect(r.regions.find((x) => x.code === "530112")!.figures.staff?.value).toBe(1120 + 50);
    },
  },
  "bad-duplicate-subtotal.csv": {
    // 卫生院 is another name of 乡镇卫生院
    diagnostics: ["E duplicate-row 5:5 unit_type"],
    also: (_r, find) => expect(find("duplicate-row")).toMatchObject({ value: "卫生院", detail: { first: 3 } }),
  },

  // ---- population
  "bad-population-zero.csv": {
    diagnostics: ["E constraint-error 2:7 population"],
    also: (_r, find) => expect(find("constraint-error")).toMatchObject({ value: "0", expected: "positive-population" }),
  },
  "bad-population-missing.csv": {
    // empty, and blank (two spaces)
    diagnostics: ["E required-value 2:7 population", "E required-value 3:7 population"],
  },

  // ---- region codes and years
  "bad-code-five-digits.csv": {
    diagnostics: ["E constraint-error 2:1 region_code", "E constraint-error 3:1 region_code"],
    also: (r) => {
      expect(r.diagnostics.map((d) => d.value)).toEqual(["53011", "5301140"]);
      expect(r.regions).toEqual([]);
    },
  },
  "bad-code-letters.csv": {
    diagnostics: ["E constraint-error 2:1 region_code", "E constraint-error 3:1 region_code", "E required-value 4:1 region_code"],
    also: (r) => expect(r.diagnostics.map((d) => d.value)).toEqual(["53O114", "CN-53", undefined]),
  },
  "bad-code-excel-stripped.csv": {
    // 000000 saved from a number-formatted column
    diagnostics: ["E constraint-error 2:1 region_code"],
    also: (r, find) => {
      expect(find("constraint-error")).toMatchObject({ value: "0", expected: "region-code" });
      expect(r.regions.map((x) => x.code)).toEqual(["530000"]);
    },
  },
  "bad-year.csv": {
    // 24, 1900, empty, 2024年 (fine), 2024.0
    diagnostics: ["E type-error 2:3 year", "E type-error 3:3 year", "E required-value 4:3 year", "E type-error 6:3 year"],
    also: (r) => expect(r.regions.map((x) => x.year)).toEqual([2024]),
  },

  // ---- institution types
  "bad-unit-type-unknown.csv": {
    diagnostics: ["E unknown-unit-type 4:5 unit_type", "E unknown-unit-type 5:5 unit_type", "E unknown-unit-type 6:5 unit_type"],
    also: (r) => {
      expect(r.diagnostics.map((d) => d.value)).toEqual(["诊所", "村卫生所", "constructor"]);
      expect(Object.keys(r.regions[0]!.byType)).toEqual(["public_hospital"]);
    },
  },
  "bad-unit-without-type.csv": {
    diagnostics: ["E required-value 3:5 unit_type"],
    also: (r, find) => {
      expect(find("required-value")).toMatchObject({ value: "呈贡区人民医院", expected: "unit-type" });
      // not taken for a second region row
      expect(r.regions[0]!.figures.staff).toEqual({ value: 392, source: "summed", partial: false });
    },
  },

  // ---- ragged rows
  "bad-ragged-short.csv": {
    diagnostics: ["E missing-cell 3:13"],
    also: (_r, find) => expect(find("missing-cell")).toMatchObject({ detail: { cells: 12, header: 17 } }),
  },
  "bad-ragged-long.csv": {
    // trailing empty cells (",,," and ",  ") are fine; "备注：含分院" under no header is not
    diagnostics: ["E extra-cell 4:19"],
    also: (_r, find) => expect(find("extra-cell")).toMatchObject({ value: "备注：含分院", detail: { cells: 20, header: 17 } }),
  },

  // ---- quotes
  "bad-quote-unclosed.csv": {
    // the quote swallows the rest of the file: the 中医医院 row after it is not read
    diagnostics: ["E unclosed-quote 3:4 unit"],
    also: (r) => {
      expect(r.regions[0]!.byType).toEqual({});
      expect(r.stats.rows).toBe(1);
    },
  },
  "bad-quote-trailing-text.csv": {
    diagnostics: ["E unclosed-quote 3:4 unit"],
    also: (_r, find) => expect(find("unclosed-quote")).toMatchObject({ value: "呈贡区人民医院" }),
  },

  // ---- bytes that are not text
  "bad-binary-nul.csv": {
    diagnostics: ["E encoding-error 3:1"],
    also: (r, find) => {
      expect(find("encoding-error")).toMatchObject({ expected: "text-not-binary", detail: { offset: 127 } });
      expect(r.regions).toEqual([]);
    },
  },
  "bad-binary-ctrl-z.csv": {
    // a DOS end-of-file mark after the last line (GB18030 text before it)
    diagnostics: ["E encoding-error 4:1"],
    also: (r) => expect(r.stats.encoding).toBe("gb18030"),
  },
  "bad-binary-png.csv": {
    // \x89PNG\r\n\x1a…: the control character is on the second line
    diagnostics: ["E encoding-error 2:1"],
    also: (_r, find) => expect(find("encoding-error")).toMatchObject({ expected: "text-not-binary", detail: { offset: 6 } }),
  },
  "bad-mixed-encodings.csv": {
    // UTF-8 with one line pasted from a GBK export: a UTF-8 file (most of its lines say so) with an error on that line
    diagnostics: ["E encoding-error 3:1"],
    also: (_r, find) => expect(find("encoding-error")).toMatchObject({ expected: "utf8-or-gb18030", detail: { encoding: "utf-8" } }),
  },

  // ---- empty files and headers without rows
  "empty.csv": { diagnostics: ["E empty-file 1:1"] },
  "bom-only.csv": { diagnostics: ["E empty-file 1:1"], also: (r) => expect(r.stats.bom).toBe(true) },
  "blank-lines-only.csv": { diagnostics: ["E empty-file 1:1"] },
  "header-only.csv": { diagnostics: ["E no-rows 2:1"] },
  "excel-blank-rows.csv": {
    // ",,,,…" rows (empty rows inside Excel's used range) before the header and between the rows carry nothing
    diagnostics: [],
    also: (r) => expect(r.regions[0]!.figures.staff).toEqual({ value: 1360, source: "summed", partial: false }),
  },

  // ---- headers
  "bad-header-duplicate.csv": {
    // physicians / 执业(助理)医师 and 卫生人员 / staff
    diagnostics: ["E duplicate-label 1:7 physicians", "E duplicate-label 1:8 staff"],
    also: (r, find) => {
      expect(find("duplicate-label")).toMatchObject({ value: "执业(助理)医师", detail: { first: 5 } });
      expect(r.stats.columns).toEqual(["region_code", "region", "year", "population", "physicians", "staff", "", ""]);
    },
  },
  "bad-header-blank.csv": { diagnostics: ["E blank-header 1:4", "E blank-header 1:6"] },
  "good-header-trailing-blank.csv": {
    diagnostics: [],
    also: (r) => expect(r.stats.columns).toHaveLength(17),
  },
  // ---- files as bureaus keep them (see also shapes.test.ts)
  "warn-title-rows.csv": {
    // a title, a blank row, then the header: found, said so at the header's line, and the rows read
    diagnostics: ["W header-row 3:1"],
    also: (r, find) => {
      expect(find("header-row")).toMatchObject({ value: "2024年某县卫生健康人力资源统计表", detail: { rows: 1, first: 1 } });
      expect(r.regions[0]!.figures.nurses?.value).toBe(1980);
      expect(r.regions[0]!.line).toBe(4);
    },
  },
  "bad-header-unit.csv": {
    // 人 is a count's unit and is dropped; % is not one a count of nurses can be in
    diagnostics: ["E unit-error 1:6 nurses"],
    also: (r, find) => {
      expect(find("unit-error")).toMatchObject({ value: "注册护士(%)", detail: { unit: "%" } }); // as normalised: full-width forms mapped
      expect(r.regions[0]!.figures.staff?.value).toBe(4731);
      expect(r.regions[0]!.figures.nurses).toBeUndefined();
    },
  },
  "bad-count-scaled.csv": {
    // 万人: 72.86 is 728,600 people and 9.63 is 96,300; 114.500001 万人 is not a whole number of people
    diagnostics: ["E constraint-error 3:4 population", "E type-error 4:5 rural_population"],
    also: (r, find) => {
      expect(find("constraint-error", 3)).toMatchObject({ value: "114.500001", expected: "whole-after-scale", detail: { scale: 10_000, places: 4 } });
      const chenggong = r.regions.find((x) => x.code === "530114")!;
      expect([chenggong.figures.population?.value, chenggong.figures.rural_population?.value]).toEqual([728_600, 96_300]);
    },
  },
  "good-semicolon.csv": {
    diagnostics: [],
    also: (r) => {
      expect(r.stats.delimiter).toBe("semicolon");
      expect(r.regions[0]!.figures.nurses?.value).toBe(451 + 163);
      expect(r.regions[0]!.byType.public_hospital!.institutions).toBe(1);
    },
  },
  "good-chenggong-unicode-text.txt": {
    // Excel's "Unicode text": UTF-16 LE, tabs, numbers as displayed ("1,486"): the same figures as the CSV
    diagnostics: [],
    also: (r) => {
      expect(r.stats).toMatchObject({ encoding: "utf-16le", bom: true, delimiter: "tab" });
      expect(r.regions).toEqual(readFixture("good-chenggong-utf8.csv").regions);
    },
  },
  "warn-chenggong-units-dashes.csv": {
    // units in the header (常住人口 in 万人), and four kinds of dash for not reported: one warning per column
    diagnostics: [
      ...[6, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22].map((c) => `W not-reported-mark 2:${c}`),
      "W not-reported-mark 3:7",
      "W not-reported-mark 3:8",
    ].map((d) => {
      const fields: Record<string, string> = { "2:6": "institutions", "2:9": "staff", "2:10": "health_technicians", "2:11": "physicians", "2:12": "assistant_physicians", "2:13": "tcm_physicians", "2:14": "public_health_physicians", "2:15": "gps", "2:16": "nurses", "2:17": "pharmacists", "2:18": "village_doctors", "2:19": "establishment", "2:20": "has_tcm_department", "2:21": "has_tcm_pharmacy", "2:22": "provides_tcm", "3:7": "population", "3:8": "rural_population" };
      return `${d} ${fields[d.split(" ")[2]!]}`;
    }),
    also: (r, find) => {
      expect(find("not-reported-mark", 3)).toMatchObject({ detail: { cells: 14 } });
      expect(r.regions).toEqual(readFixture("good-chenggong-utf8.csv").regions);
    },
  },
  "warn-header-typo.csv": {
    diagnostics: ["W unknown-header 1:7", "W unknown-header 1:8", "W unknown-header 1:9"],
    also: (r) => {
      expect(r.diagnostics.map((d) => [d.value, d.detail?.suggestion])).toEqual([
        ["注册护仕", "注册护士"],
        ["全科医声", "全科医生"],
        ["床位数", undefined],
      ]);
      // 执业（助理）医师数 (full-width brackets, 数) is an alias of physicians
      expect(r.regions[0]!.figures.physicians?.value).toBe(1402);
      expect(r.regions[0]!.figures.nurses).toBeUndefined();
    },
  },
  "warn-header-hostile.csv": {
    diagnostics: ["W unknown-header 1:5", "W unknown-header 1:6", "W unknown-header 1:7", "W unknown-header 1:8"],
    also: (r) => {
      expect(r.diagnostics.map((d) => d.value)).toEqual(["__proto__", "constructor", "prototype", "hasOwnProperty"]);
      expect(r.diagnostics.every((d) => d.detail === undefined)).toBe(true);
      expect(r.regions[0]!.figures.staff?.value).toBe(4731);
    },
  },
  "bad-header-missing-year.csv": {
    // nothing can be keyed without the year: one diagnostic, not one per row
    diagnostics: ["E missing-label 1:5 year"],
    also: (r, find) => {
      expect(find("missing-label")).toMatchObject({ detail: { name: "年份" } });
      expect(r.regions).toEqual([]);
    },
  },

  // ---- 合计 / 总计 rows
  "good-total-row.csv": {
    diagnostics: [],
    also: (r) => {
      expect(r.stats.totalRows).toBe(1);
      expect(r.regions[0]!.figures.staff).toEqual({ value: 968 + 392, source: "summed", partial: false });
    },
  },
  "warn-total-row-mismatch.csv": {
    diagnostics: ["W total-row-mismatch 5:9 staff"],
    also: (_r, find) => expect(find("total-row-mismatch")).toMatchObject({ value: "2000", detail: { sum: 1360 } }),
  },

  // ---- yes/no
  "good-flags.csv": { diagnostics: [] },
  "bad-flag.csv": {
    diagnostics: [
      "E type-error 3:6 has_tcm_department",
      "E type-error 4:6 has_tcm_department",
      "E type-error 4:7 has_tcm_pharmacy",
      "E type-error 4:8 provides_tcm",
    ],
    also: (r) => {
      expect(r.diagnostics.map((d) => d.value)).toEqual(["部分", "是/否", "2", "Y/N"]);
      expect(r.diagnostics.every((d) => d.expected === "flag")).toBe(true);
      // only the valid row is tallied
      expect(r.regions[0]!.byType.community_health_center!.flags.has_tcm_department).toEqual({ yes: 1, no: 0, unreported: 0 });
    },
  },

  // ---- regions and years
  "warn-missing-region-row.csv": {
    diagnostics: ["W missing-region-row 2:1", "W missing-region-row 4:1"],
    also: (r) => {
      expect(r.diagnostics.map((d) => d.value)).toEqual(["530114 2024", "530112 2024"]);
      expect(r.regions.map((x) => [x.code, x.hasRegionRow, x.line])).toEqual([
        ["530112", false, 4],
        ["530114", false, 2],
      ]);
    },
  },
  "good-multi-year.csv": { diagnostics: [] },
  "good-multi-county.csv": { diagnostics: [] },
  "good-national.csv": { diagnostics: [] },
  "good-english-headers.csv": { diagnostics: [] },
  "good-nbsp-blank.csv": { diagnostics: [] },
  "good-subtotals.csv": { diagnostics: [] },
  "good-partial.csv": { diagnostics: [] },
  // 小计 in the name column of a 乡镇卫生院 row is that type's subtotal, not a second 合计 of the region
  "good-subtotal-labelled.csv": { diagnostics: [], also: (r) => expect(r.stats).toMatchObject({ subtotalRows: 2, totalRows: 1 }) },
  "good-chenggong-utf8.csv": { diagnostics: [] },
  "good-chenggong-utf8-bom-crlf.csv": { diagnostics: [] },
  "good-chenggong-gb18030-crlf.csv": { diagnostics: [] },
  "good-chenggong-utf16le-bom.csv": { diagnostics: [] },
};

describe("fixture files", () => {
  it("every fixture file has a case and every case a file", () => {
    expect(readdirSync(FIXTURES).sort()).toEqual(Object.keys(CASES).sort());
    expect(Object.keys(CASES).length).toBeGreaterThanOrEqual(40);
  });

  for (const [file, c] of Object.entries(CASES)) {
    it(file, () => {
      const result = readFixture(file);
      expect(result.diagnostics.map(brief)).toEqual(c.diagnostics);
      expect(result.errors).toBe(c.diagnostics.filter((d) => d.startsWith("E ")).length);
      expect(result.warnings).toBe(c.diagnostics.filter((d) => d.startsWith("W ")).length);
      for (const d of result.diagnostics) expect(d.file).toBe(file);
      if (file.startsWith("good-")) expect(c.diagnostics).toEqual([]);
      c.also?.(result, (code, line) => {
        const found = result.diagnostics.find((d) => d.code === code && (line === undefined || d.line === line));
        if (!found) throw new Error(`no ${code}${line ? ` on line ${line}` : ""}`);
        return found;
      });
    });
  }
});
