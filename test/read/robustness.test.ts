// Hostile and oversized input: a cell of 256k characters, names that are Object.prototype's, thousands of problems, binary data
// arriving in pieces.
import { describe, expect, it } from "vitest";
import { MAX_STORED_DIAGNOSTICS } from "../../src/read/diagnostics.js";
import { LIMITS } from "../../src/read/limits.js";
import { StatisticsReader, readStatistics, type ReadResult } from "../../src/read/reader.js";
import { encodeUtf16le } from "./gb18030.js";
import { brief, readFixture } from "./helpers.js";

const HEADER = "行政区划代码,地区,年份,机构名称,机构类别,常住人口,卫生人员,执业(助理)医师";
const REGION = "530114,呈贡区,2024,,,728600,,";

function inPieces(bytes: Uint8Array, size: number): ReadResult {
  const reader = new StatisticsReader({ file: "big.csv" });
  for (let at = 0; at < bytes.length; at += size) reader.push(bytes.subarray(at, at + size));
  return reader.end();
}

// a cell far past the cell limit in a row within the row limit (a longer row is refused whole: hostile.test.ts)
describe("a cell of 256k characters", () => {
  const BIG = 256 * 1024;

  it("in a quoted institution name: one diagnostic, the cell passed on shortened, the row still read", () => {
    const name = "呈贡区人民医院，".repeat(BIG / 8);
    const text = `${HEADER}\r\n${REGION}\r\n530114,呈贡区,2024,"${name}",公立医院,,968,286\r\n530114,呈贡区,2024,呈贡区中医医院,中医医院,,392,118\r\n`;
    for (const result of [readStatistics(text, { file: "big.csv" }), inPieces(new TextEncoder().encode(text), 1 << 16)]) {
      expect(result.diagnostics.map(brief)).toEqual(["E cell-too-long 3:4 unit"]);
      expect(result.diagnostics[0]).toMatchObject({ detail: { length: BIG, max: LIMITS.cellLength } });
      expect(result.regions[0]!.figures.staff).toEqual({ value: 968 + 392, source: "summed", partial: false });
    }
  }, 30_000);

  it("in a count column: too long, and not a number of people either", () => {
    const text = `${HEADER}\n${REGION}\n530114,呈贡区,2024,呈贡区人民医院,公立医院,,${"9".repeat(BIG)},286\n`;
    const result = readStatistics(text, { file: "big.csv" });
    expect(result.diagnostics.map(brief)).toEqual(["E cell-too-long 3:7 staff", "E constraint-error 3:7 staff"]);
    expect(result.diagnostics[1]!.value!.length).toBeLessThan(100); // the value in a diagnostic is shortened
  });
});

describe("names that are Object.prototype's", () => {
  it("are unknown headers, types and plain names, and pollute nothing", () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const texts = [
      readFixture("warn-header-hostile.csv"),
      readFixture("bad-unit-type-unknown.csv"),
      readStatistics(
        [
          "行政区划代码,地区,年份,机构名称,机构类别,常住人口,卫生人员,__proto__",
          "530114,__proto__,2024,,,728600,,1",
          "530114,__proto__,2024,__proto__,村卫生室,,3,1",
          "530114,__proto__,2024,constructor,村卫生室,,2,1",
          "530114,__proto__,2024,,toString,,2,",
          "530114,__proto__,2024,,__proto__,,2,",
        ].join("\n"),
        { file: "proto.csv" },
      ),
    ];
    const last = texts[2]!;
    expect(last.diagnostics.map(brief)).toEqual([
      "W unknown-header 1:8",
      "E unknown-unit-type 5:5 unit_type",
      "E unknown-unit-type 6:5 unit_type",
    ]);
    expect(last.regions[0]).toMatchObject({ name: "__proto__" });
    expect(last.regions[0]!.byType.village_clinic!.institutionRows).toBe(2);
    expect(Object.keys(last.regions[0]!.byType)).toEqual(["village_clinic"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(Object.getPrototypeOf(last.regions[0]!.figures)).toBe(Object.prototype);
    for (const r of texts.flatMap((t) => t.regions)) {
      expect(Object.hasOwn(r.figures, "__proto__")).toBe(false);
      expect(Object.hasOwn(r.byType, "__proto__")).toBe(false);
    }
  });
});

describe("many problems", () => {
  it("keeps the first diagnostics in full and says how many more there were", () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `530114,呈贡区,2024,卫生室${i},村卫生室,,-1,`);
    const result = readStatistics([HEADER, REGION, ...rows].join("\n"), { file: "many.csv" });
    expect(result.errors).toBe(1200);
    expect(result.diagnostics).toHaveLength(MAX_STORED_DIAGNOSTICS + 1);
    expect(result.diagnostics.at(-1)).toMatchObject({ code: "too-many-problems", severity: "warning", detail: { more: 200 } });
  });

  it("counts a region row's bad population once, past the stored diagnostics as before them", () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `530114,呈贡区,2024,卫生室${i},村卫生室,,-1,`);
    const badRegion = "530102,五华区,2024,,,0,,";
    const early = readStatistics([HEADER, badRegion, ...rows].join("\n"), { file: "many.csv" });
    const late = readStatistics([HEADER, ...rows, badRegion].join("\n"), { file: "many.csv" });
    // 1,200 bad cells and the population of 0: not also a missing population
    expect(early.errors).toBe(1201);
    expect(late.errors).toBe(1201);
  });
});

describe("bytes that are not text, arriving in pieces", () => {
  const rows = (eol: string) => Array.from({ length: 1000 }, (_, i) => `${530000 + i},2024,728600${eol}`).join("");
  const good = `region_code,year,population\n${rows("\n")}`;

  it("names the line of a NUL byte wherever the pieces are cut", () => {
    const bytes = new TextEncoder().encode(good + "530102,2024,1\u0000\n");
    for (const size of [3, 1000, 4096, 65536]) {
      const result = inPieces(bytes, size);
      expect(result.diagnostics.map(brief), `pieces of ${size}`).toEqual(["E encoding-error 1002:1"]);
      expect(result.diagnostics[0]).toMatchObject({ detail: { offset: bytes.length - 2 } });
    }
  });

  it("names the line of a control character when a piece ends between CR and LF", () => {
    const text = `region_code,year,population\r\n${rows("\r\n")}530102,2024,1\u0007\r\n`;
    const bytes = new TextEncoder().encode(text);
    const cr = text.lastIndexOf("\r\n530102");
    for (let at = cr - 2; at <= cr + 4; at++) {
      const reader = new StatisticsReader({ file: "f" });
      reader.push(bytes.subarray(0, at));
      reader.push(bytes.subarray(at));
      const problem = reader.end().diagnostics.find((d) => d.code === "encoding-error");
      expect(problem, `cut at ${at}`).toMatchObject({ line: 1002, detail: { offset: text.indexOf("\u0007") } });
    }
  });

  it("refuses a NUL in UTF-16 text too", () => {
    const result = readStatistics(encodeUtf16le("region_code,year,population\n530114,2024,7286\u000000\n"), { file: "f" });
    expect(result.diagnostics.map(brief)).toEqual(["E encoding-error 2:1"]);
    expect(result.stats.encoding).toBe("utf-16le");
  });

  it("a missing required column stops the reading the same way however the rows arrive", () => {
    const bytes = new TextEncoder().encode("行政区划代码,地区,常住人口\n" + "530114,呈贡区,728600\n".repeat(500));
    for (const size of [64, 4096, bytes.length]) {
      expect(inPieces(bytes, size).diagnostics.map(brief)).toEqual(["E missing-label 1:4 year"]);
    }
  });
});
