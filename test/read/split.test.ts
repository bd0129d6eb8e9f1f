// A large file can be read in two parts, the second by a reader that takes over where the first stops (on another
// thread, in the CLI): the two together must give exactly what one reader gives, diagnostics and line numbers
// included, or the first reader must refuse the second part and read on itself.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StatisticsReader, readStatistics, type ReadResult } from "../../src/read/reader.js";

const CHECKS = [{ id: "php", metric: "public_health_physicians", min: 1, unitTypes: ["township_hospital", "community_health_center"] }];
const HEADER = "行政区划代码,地区,年份,机构名称,机构类别,机构数,常住人口,卫生人员,执业(助理)医师,公共卫生类别执业(助理)医师,设中医科";
const TYPES = ["乡镇卫生院", "社区卫生服务中心", "村卫生室", "公立医院"];

/** Over a megabyte of plain, valid rows: a reader only hands over past the first megabyte (see Decoder.canHandOver). */
const PREFIX: string[] = [];
for (let i = 0, length = 0; length < 420_000; i++) {
  const code = i < 9000 ? "530102" : "530114";
  length += PREFIX.at(-1)?.length ?? 0;
  PREFIX.push(`${code},${code === "530102" ? "五华区" : "呈贡区"},2024,第${i}卫生室,${TYPES[i % 4]},,,${(i % 17) + 1},${i % 5},${i % 2},${i % 3 ? "是" : ""}`);
}

const quoteIfNeeded = (s: string) => (/[",\r\n]/.test(s) || s.startsWith(" ") ? `"${s.replace(/"/g, '""')}"` : s);
const name = fc.oneof(
  // a name the prefix already has: a duplicate across the parts
  fc.nat({ max: PREFIX.length - 1 }).map((i) => `第${i}卫生室`),
  fc.string({ unit: fc.constantFrom("呈", "贡", "区", "卫", "生", "院", "室", ",", '"', "\r\n", "A"), minLength: 1, maxLength: 8 }).map(quoteIfNeeded),
);
const count = fc.constantFrom("", "0", "1", "12", "286", '"1,234"', "-3", "2.5");
const row = fc.oneof(
  fc.record({ code: fc.constantFrom("530102", "530114", "530112"), pop: fc.constantFrom("728600", "", "0") }).map(({ code, pop }) => `${code},某区,2024,,,,${pop},,,,`),
  fc
    .record({ code: fc.constantFrom("530102", "530114", "530112"), name, type: fc.constantFrom(...TYPES, "诊所", ""), staff: count, php: count })
    .map((r) => `${r.code},某区,2024,${r.name},${r.type},,,${r.staff},1,${r.php},是`),
  fc.record({ n: fc.constantFrom("12", ""), php: count }).map(({ n, php }) => `530114,呈贡区,2024,,乡镇卫生院,${n},,,,${php},`),
  // a total row without a code totals the region of the rows before it, even across the parts
  fc.constantFrom(",合计,,,,,,1360,404,3,", ",,,,,,,,,,", "530114,呈贡区,2024,短行", "530102,五华区,2024,,,,1145000,,,,,多余"),
);

function encode(rows: string[], eol: string): Uint8Array {
  return new TextEncoder().encode([HEADER, ...PREFIX, ...PREFIX.map((r) => r.replace("卫生室", "分室")), ...rows].join(eol) + eol);
}

let merged = 0;
let refused = 0;

function readInTwo(bytes: Uint8Array, split: number): ReadResult {
  const first = new StatisticsReader({ file: "f.csv", institutionChecks: CHECKS });
  first.push(bytes.subarray(0, split));
  const at = first.handOver();
  if (at) {
    const second = new StatisticsReader({
      file: "f.csv",
      institutionChecks: CHECKS,
      continuation: { header: at.header, headerLine: at.headerLine, firstLine: at.nextLine, offset: split },
    });
    // in pieces, as a worker reads
    for (let p = split; p < bytes.length; p += 300_000) second.push(bytes.subarray(p, Math.min(bytes.length, p + 300_000)));
    second.close();
    if (first.absorb(second.exportPart())) {
      merged++;
      return first.end();
    }
    refused++;
  }
  first.push(bytes.subarray(split));
  return first.end();
}

describe("reading a file in two parts", () => {
  it("gives what one reader gives, wherever the second part starts", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.constantFrom("\n", "\r\n"), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }), (rows, eol, cuts) => {
        const bytes = encode(rows, eol);
        const reference = readStatistics(bytes, { file: "f.csv", institutionChecks: CHECKS });
        const lf: number[] = [];
        for (let i = bytes.indexOf(10, 1_000_000); i !== -1; i = bytes.indexOf(10, i + 1)) lf.push(i);
        for (const cut of cuts) {
          const split = lf[Math.floor(cut * (lf.length - 1))]! + 1;
          expect(readInTwo(bytes, split)).toEqual(reference);
        }
      }),
      { numRuns: 12 },
    );
    // and a file of plain rows is read in two parts, not by the first reader alone
    const plain = encode([], "\n");
    const before = merged;
    expect(readInTwo(plain, plain.indexOf(10, 1_100_000) + 1)).toEqual(readStatistics(plain, { file: "f.csv", institutionChecks: CHECKS }));
    expect(merged).toBe(before + 1);
  });

  it("refuses a part with an institution, a subtotal or a region row the first part has too; takes a clean one", () => {
    const rows = (extra: string) => encode([extra, "530114,呈贡区,2024,,,,728600,,,,"], "\n");
    for (const [extra, takes] of [
      ["530102,五华区,2024,第3卫生室,村卫生室,,,1,0,0,", false],
      ["530102,五华区,2024,,,,1145000,,,,", true],
      ["530114,呈贡区,2024,新建卫生室,村卫生室,,,1,0,0,", true],
    ] as const) {
      const bytes = rows(extra);
      const split = bytes.lastIndexOf(10, bytes.length - 2 - new TextEncoder().encode(`${extra}\n530114,呈贡区,2024,,,,728600,,,,`).length) + 1;
      const before = { merged, refused };
      expect(readInTwo(bytes, split)).toEqual(readStatistics(bytes, { file: "f.csv", institutionChecks: CHECKS }));
      expect(takes ? merged - before.merged : refused - before.refused, extra).toBe(1);
    }
  });

  it("does not hand over inside a quoted cell, or before the first megabyte", () => {
    const text = `${HEADER}\n${PREFIX.join("\n")}\n530114,呈贡区,2024,"跨行\n名称",村卫生室,,,1,0,0,\n`;
    const bytes = new TextEncoder().encode(text);
    const inside = bytes.lastIndexOf(10, bytes.length - 2) + 1; // after the line break inside the quotes
    const reader = new StatisticsReader({ file: "f.csv" });
    reader.push(bytes.subarray(0, inside));
    expect(reader.handOver()).toBeUndefined();
    const early = new StatisticsReader({ file: "f.csv" });
    early.push(bytes.subarray(0, bytes.indexOf(10, 1000) + 1));
    expect(early.handOver()).toBeUndefined();
  });
});
