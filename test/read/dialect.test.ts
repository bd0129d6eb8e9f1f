// The shapes of text files the reader finds for itself: the delimiter, the header below a title, units in header
// names, dashes for not reported. Table-driven, with properties where a rule holds for every input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnWithUnit, suggestHeader, unrecognisedColumns } from "../../src/read/columns.js";
import { detectDelimiter, looksLikeHeader } from "../../src/read/dialect.js";
import { StatisticsReader, readStatistics } from "../../src/read/reader.js";
import { isNotReportedMark, parseScaledCount } from "../../src/read/values.js";
import { containerOf } from "../../src/read/xlsx.js";
import { fixtureBytes } from "./helpers.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const name = (byte: number) => ({ 44: "comma", 9: "tab", 59: "semicolon" })[byte];

describe("the delimiter", () => {
  it.each([
    ["comma", "a,b,c\n1,2,3\n4,5,6\n"],
    ["tab", "a\tb\tc\n1\t2\t3\n"],
    ["semicolon", "a;b;c\n1;2;3\n"],
    // Excel's Unicode text writes numbers as displayed: commas in some cells, as many tabs on every line
    ["tab", "代码\t人口\t卫生人员\n530114\t728,600\t4,731\n530102\t1,145,000\t31200\n"],
    // a European Excel's CSV: semicolons, decimal commas
    ["semicolon", "代码;人口;比例\n530114;728600;3,5\n530102;1145000;12,25\n"],
    // commas inside quotes do not count
    ["semicolon", 'a;b\n"1,2,3,4";x\n"5,6,7";y\n'],
    // a title row and a blank row above the header
    ["tab", "2024年某县卫生健康人力资源统计表\n\n代码\t地区\t年份\n530114\t呈贡区\t2024\n"],
    ["comma", "2024年某县卫生健康人力资源统计表,,,\n,,,\n代码,地区,年份,人口\n530114,呈贡区,2024,728600\n"],
    // one column: nothing to go by, a comma
    ["comma", "代码\n530114\n"],
    ["comma", ""],
  ])("%s: %j", (expected, text) => {
    expect(name(detectDelimiter(bytes(text)))).toBe(expected);
  });

  it("is the one the table was written with, whatever its cells hold (cells with delimiters quoted)", () => {
    const cell = fc.string({ unit: fc.constantFrom("1", "呈", "a", " ", ",", ";", "\t", "-"), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.constantFrom(44, 9, 59),
        fc.integer({ min: 2, max: 6 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 2, maxLength: 8 })),
        (delimiter, rows) => {
          const quote = (c: string) => (/[,;\t"]/.test(c) || c.trim() === "" ? `"${c}"` : c);
          const text = rows.map((r) => r.map(quote).join(String.fromCharCode(delimiter))).join("\n");
          expect(name(detectDelimiter(bytes(text)))).toBe(name(delimiter));
        },
      ),
    );
  });
});

describe("the header below a title", () => {
  it.each([
    [["行政区划代码", "地区", "年份"], true],
    [["region_code", "year"], true],
    [["注册护士（人）", "全科医生(人)"], true],
    [["2024年某县卫生健康人力资源统计表", "", ""], false],
    [["单位：人", "", "填报日期：2025-03-01"], false],
    [["530114", "呈贡区", "2024", "728600"], false],
  ])("%j reads as a header: %s", (cells, expected) => {
    expect(looksLikeHeader(cells)).toBe(expected);
  });

  it("is found however the bytes arrive, and a file whose first row names no column keeps it as the header", () => {
    const titled = fixtureBytes("warn-title-rows.csv");
    const whole = readStatistics(titled, { file: "f.csv" });
    for (let cut = 0; cut <= titled.length; cut += 7) {
      const reader = new StatisticsReader({ file: "f.csv" });
      reader.push(titled.subarray(0, cut));
      reader.push(titled.subarray(cut));
      expect(reader.end()).toEqual(whole);
    }
    // no row reads as a header: the first is the header, as before, and its unknown names are reported there
    const unknown = readStatistics("代号,名称,年\n530114,呈贡区,2024\n", { file: "u.csv" });
    expect(unknown.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([
      "1:1 unknown-header",
      "1:2 unknown-header",
      "1:3 unknown-header",
      "1:4 missing-label",
      "1:4 missing-label",
    ]);
  });
});

describe("dashes in a file read in pieces", () => {
  it("give one warning per column, counting every dash", () => {
    const header = "行政区划代码\t地区\t年份\t机构名称\t机构类别\t常住人口\t卫生人员\t注册护士";
    const rows = [`530114\t呈贡区\t2024\t\t\t728600\t—\t—`];
    for (let i = 0; i < 30_000; i++) rows.push(`530114\t呈贡区\t2024\t第${i}卫生室\t村卫生室\t\t${i % 7 ? i % 5 : "/"}\t${i % 11 ? 1 : "－"}`);
    const bytes = new TextEncoder().encode(`${header}\n${rows.join("\n")}\n`);
    const whole = readStatistics(bytes, { file: "f.tsv" });
    const pieces = new StatisticsReader({ file: "f.tsv" });
    for (let at = 0; at < bytes.length; at += 1 << 16) pieces.push(bytes.subarray(at, at + (1 << 16)));
    const together = pieces.end();
    expect(together).toEqual(whole);
    expect(together.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.detail?.cells}`)).toEqual([
      "2:7 not-reported-mark 4287", // the region row and every seventh institution
      "2:8 not-reported-mark 2729", // the region row and every eleventh
    ]);
  });
});

describe("units in header names", () => {
  it.each([
    ["注册护士（人）", "nurses", 1, undefined],
    ["注册护士(人)", "nurses", 1, undefined],
    ["注册护士[人]", "nurses", 1, undefined],
    ["机构数（个）", "institutions", 1, undefined],
    ["常住人口（万人）", "population", 10_000, undefined],
    ["常住人口（单位：万人）", "population", 10_000, undefined],
    ["常住人口/万人", "population", 10_000, undefined],
    ["执业(助理)医师", "physicians", 1, undefined], // the brackets are part of the name
    ["执业（助理）医师（人）", "physicians", 1, undefined],
    ["药师（士）（人）", "pharmacists", 1, undefined],
    ["设中医科（是/否）", "has_tcm_department", 1, undefined], // a hint, not a unit, on a yes/no column
    ["注册护士（%）", "nurses", 1, true],
    ["常住人口（万元）", "population", 1, true],
    ["床位数（张）", undefined, 1, undefined],
  ])("%s → %s × %d", (cell, id, scale, bad) => {
    const found = columnWithUnit(cell);
    expect([found.def?.id, found.scale, found.badUnit]).toEqual([id, scale, bad]);
  });

  it.each([
    ["72.86", 10_000, 728_600],
    ["72.8600", 10_000, 728_600],
    ["1,145.5", 10_000, 11_455_000],
    ["0.0001", 10_000, 1],
    ["12", 1_000, 12_000],
    ["１２.５", 1_000, 12_500],
  ])("%s at × %d is %d people, worked out on the digits", (raw, scale, expected) => {
    expect(parseScaledCount(raw, scale, 2e9)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["72.860001", 10_000, "fraction"],
    ["-1", 10_000, "negative"],
    ["1e3", 10_000, "type"],
    ["300000", 10_000, "too-large"],
  ])("%s at × %d is refused (%s)", (raw, scale, reason) => {
    expect(parseScaledCount(raw, scale, 2e9)).toEqual({ ok: false, reason });
  });

  it("any whole number of people written in 万人 reads back exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_999_999_999 }), (people) => {
        const text = `${Math.floor(people / 10_000)}.${String(people % 10_000).padStart(4, "0")}`;
        expect(parseScaledCount(text, 10_000, 2e9)).toEqual({ ok: true, value: people });
      }),
    );
  });
});

describe("not reported, and names close to a column's", () => {
  it.each([
    ["—", true],
    ["——", true],
    ["－", true],
    ["-", true],
    ["–", true],
    ["/", true],
    ["／", true],
    [" — ", true],
    ["0", false],
    ["-3", false],
    ["---", false],
    ["无", false],
    ["N/A", false],
  ])("%j is a not-reported mark: %s", (raw, expected) => {
    expect(isNotReportedMark(raw)).toBe(expected);
  });

  it("a region row that dashes its name and type too is a region row", () => {
    const read = readStatistics("行政区划代码,地区,年份,机构名称,机构类别,常住人口,卫生人员\n530114,呈贡区,2024,—,—,728600,—\n530114,呈贡区,2024,呈贡区人民医院,公立医院,—,968\n", { file: "d.csv" });
    expect(read.errors).toBe(0);
    expect(read.regions[0]).toMatchObject({ hasRegionRow: true, line: 2, figures: { population: { value: 728_600 }, staff: { value: 968, source: "summed" } } });
  });

  it.each([
    ["注册护仕", "注册护士"],
    ["注册护士数", "注册护士"],
    ["其中：注册护士人数", "注册护士"],
    ["全科医生（人）合计", "全科医生"],
    ["nurse", "nurses"],
    ["床位数", undefined],
    ["prototype", undefined],
  ])("%s: did you mean %s", (cell, expected) => {
    expect(suggestHeader(cell)).toBe(expected);
  });

  it("a column lost to an unrecognised header is named, unless the file has the column anyway", () => {
    const read = readStatistics("行政区划代码,年份,常住人口,注册护仕,全科医声\n530114,2024,728600,1980,95\n", { file: "t.csv" });
    expect([...unrecognisedColumns(read.diagnostics, read.stats.columns)]).toEqual([
      ["nurses", "注册护仕"],
      ["gps", "全科医声"],
    ]);
    const both = readStatistics("行政区划代码,年份,常住人口,注册护士,注册护仕\n530114,2024,728600,1980,95\n", { file: "t.csv" });
    expect([...unrecognisedColumns(both.diagnostics, both.stats.columns)]).toEqual([]);
  });

  it("workbooks and legacy workbooks are told from text by their first bytes", () => {
    expect(containerOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe("zip");
    expect(containerOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe("ole2");
    expect(containerOf(bytes("行政区划代码,年份"))).toBe("text");
    expect(containerOf(new Uint8Array([0x50, 0x4b]))).toBe("text");
  });
});
