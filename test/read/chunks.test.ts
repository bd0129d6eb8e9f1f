// The reader gives the same result whatever the encoding of the file and however its bytes arrive: cut inside
// quoted cells, between CR and LF, inside UTF-8, GB18030 and UTF-16 characters, inside the BOM.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StatisticsReader, readStatistics, type ReadResult } from "../../src/read/reader.js";
import { encodeGb18030, encodeUtf16le } from "./gb18030.js";

const CHECKS = [{ id: "php", metric: "public_health_physicians", min: 1, unitTypes: ["township_hospital", "community_health_center"] }];

function readInPieces(bytes: Uint8Array, positions: readonly number[]): ReadResult {
  const at = [...new Set(positions.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const reader = new StatisticsReader({ file: "f.csv", institutionChecks: CHECKS });
  let from = 0;
  for (const p of [...at, bytes.length]) {
    reader.push(bytes.subarray(from, p));
    from = p;
  }
  return reader.end();
}

const withoutEncoding = (r: ReadResult) => ({ ...r, stats: { ...r.stats, encoding: undefined, bom: false } });

const HEADERS = [
  "行政区划代码,地区,年份,机构名称,机构类别,机构数,常住人口,卫生人员,执业(助理)医师,公共卫生类别执业(助理)医师,设中医科",
  "region_code,region,year,unit,unit_type,institutions,population,staff,physicians,public_health_physicians,has_tcm_department",
];

const quoteIfNeeded = (s: string) => (/[",\r\n]/.test(s) || s.startsWith(" ") ? `"${s.replace(/"/g, '""')}"` : s);

/** Names in the characters the GB18030 table covers, with commas, quotes and line breaks now and then. */
const name = fc
  .string({
    unit: fc.constantFrom("呈", "贡", "区", "人", "民", "医", "院", "乡", "镇", "卫", "生", "社", "中", "心", "·", "（", "）", "，", "㐀", "𠀀", ",", '"', "\r\n", "A"),
    minLength: 1,
    maxLength: 10,
  })
  .map(quoteIfNeeded);
const count = fc.constantFrom("", "0", "1", "12", "286", '"1,234"', "１２", " 7 ", "-3", "2.5", "NaN", "96,30");
const row = fc.oneof(
  // region row
  fc.record({ code: fc.constantFrom("530114", "530102", "５３０１２４", "53011"), year: fc.constantFrom("2024", "2023年", "24"), pop: fc.constantFrom("728600", '"728,600"', "", "0") })
    .map(({ code, year, pop }) => `${code},呈贡区,${year},,,,${pop},,,,`),
  // institution row
  fc.record({
    code: fc.constantFrom("530114", "530102"),
    name,
    type: fc.constantFrom("乡镇卫生院", "社区卫生服务中心", "公立医院", "诊所", ""),
    staff: count,
    physicians: count,
    php: count,
    flag: fc.constantFrom("", "是", "否", "Ｙ", "部分"),
    region: fc.constantFrom("呈贡区", "中心区", ""),
  }).map((r) => `${r.code},${r.region},2024,${r.name},${r.type},,,${r.staff},${r.physicians},${r.php},${r.flag}`),
  // subtotal row, total row, empty Excel row, ragged rows
  fc.record({ n: fc.constantFrom("12", "3", ""), php: count }).map(({ n, php }) => `530114,呈贡区,2024,,乡镇卫生院,${n},,,,${php},`),
  fc.constantFrom(",合计,,,,,,1360,404,3,", ",,,,,,,,,,", "530114,呈贡区,2024,短行", "530114,呈贡区,2024,,,,728600,,,,,多余"),
);

const file = fc.record({
  header: fc.constantFrom(...HEADERS),
  rows: fc.array(row, { minLength: 0, maxLength: 14 }),
  eol: fc.constantFrom("\r\n", "\n"),
  // ASCII rows first make the first 4 KB pure ASCII: a GB18030 file then starts out looking like UTF-8
  asciiRows: fc.constantFrom(0, 0, 0, 230),
});

function render(f: { header: string; rows: string[]; eol: string; asciiRows: number }): string {
  const ascii = Array.from({ length: f.asciiRows }, (_, i) => `530114,Chenggong,2024,clinic ${i},village_clinic,,,3,1,0,`);
  return [f.header, ...ascii, ...f.rows].join(f.eol) + f.eol;
}

describe("reading in pieces", () => {
  it("UTF-8, UTF-8 with BOM, GB18030 and UTF-16LE give the same result in any pieces", () => {
    fc.assert(
      fc.property(
        file,
        fc.constantFrom("utf-8", "utf-8-bom", "gb18030", "utf-16le"),
        fc.array(fc.nat(), { maxLength: 12 }),
        (f, encoding, positions) => {
          const text = render(f);
          const bytes =
            encoding === "gb18030"
              ? encodeGb18030(text)
              : encoding === "utf-16le"
                ? encodeUtf16le(text)
                : new TextEncoder().encode(encoding === "utf-8-bom" ? `\ufeff${text}` : text);
          const reference = readStatistics(text, { file: "f.csv", institutionChecks: CHECKS });
          const result = readInPieces(bytes, positions);
          // an all-ASCII file is UTF-8 as much as GB18030
          const detected = encoding === "utf-8-bom" || (encoding === "gb18030" && !/[^\x00-\x7f]/.test(text)) ? "utf-8" : encoding;
          expect(result.stats.encoding).toBe(detected);
          expect(withoutEncoding(result)).toEqual(withoutEncoding(reference));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("a GB18030 file whose first 4 KB are ASCII, cut right after the lead byte of its first character", () => {
    // the UTF-8 decoder holds a lead byte such as 0xD6 (中) waiting for the rest; the file is then seen to be GB18030
    const text = render({ header: HEADERS[1]!, rows: ["530114,,2024,中心卫生院,乡镇卫生院,,,40,9,1,是", "530114,呈贡区,2024,,,,728600,,,,"], eol: "\r\n", asciiRows: 230 });
    const bytes = encodeGb18030(text);
    const first = bytes.findIndex((b) => b > 0x7f);
    expect(first).toBeGreaterThan(4096);
    expect(bytes[first]).toBe(0xd6); // 中: also a UTF-8 lead byte
    const reference = readStatistics(text, { file: "f.csv", institutionChecks: CHECKS });
    expect(reference.diagnostics).toEqual([]);
    for (let p = first - 2; p <= first + 6; p++) {
      const result = readInPieces(bytes, [4096, p]);
      expect(result.stats.encoding, `cut at ${p}`).toBe("gb18030");
      expect(withoutEncoding(result), `cut at ${p}`).toEqual(withoutEncoding(reference));
    }
  });

  it("one byte at a time", () => {
    const text = render({ header: HEADERS[0]!, rows: ['530114,呈贡区,2024,"呈贡区人民医院（含""分院""，门诊）",公立医院,,,968,286,3,是', "530114,呈贡区,2024,,,,728600,,,,"], eol: "\r\n", asciiRows: 0 });
    const reference = withoutEncoding(readStatistics(text, { file: "f.csv", institutionChecks: CHECKS }));
    for (const bytes of [new TextEncoder().encode(`\ufeff${text}`), encodeGb18030(text), encodeUtf16le(text)]) {
      const reader = new StatisticsReader({ file: "f.csv", institutionChecks: CHECKS });
      for (let i = 0; i < bytes.length; i++) reader.push(bytes.subarray(i, i + 1));
      expect(withoutEncoding(reader.end())).toEqual(reference);
    }
  });
});
