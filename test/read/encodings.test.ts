// The same statistics saved as Excel on Chinese Windows saves them (GB18030/GBK, CRLF), as UTF-8 with BOM and CRLF,
// as UTF-16LE with BOM and as plain UTF-8 must read identically.
import { describe, expect, it } from "vitest";
import { firstControlByte } from "../../src/read/decode.js";
import { StatisticsReader } from "../../src/read/reader.js";
import { PUBLIC_HEALTH_PHYSICIAN_CHECKS, fixtureBytes, readFixture } from "./helpers.js";

const FILES = [
  ["good-chenggong-utf8.csv", "utf-8", false],
  ["good-chenggong-utf8-bom-crlf.csv", "utf-8", true],
  ["good-chenggong-gb18030-crlf.csv", "gb18030", false],
  ["good-chenggong-utf16le-bom.csv", "utf-16le", true],
] as const;

describe("encodings", () => {
  const reference = readFixture("good-chenggong-utf8.csv", PUBLIC_HEALTH_PHYSICIAN_CHECKS);

  it("the fixtures really are what they say", () => {
    const gb = fixtureBytes("good-chenggong-gb18030-crlf.csv");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gb)).toThrow();
    expect(new TextDecoder("gb18030").decode(gb)).toContain("呈贡区人民医院");
    expect(new TextDecoder("gb18030").decode(gb)).toContain("\r\n");
    expect([...fixtureBytes("good-chenggong-utf8-bom-crlf.csv").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...fixtureBytes("good-chenggong-utf16le-bom.csv").subarray(0, 2)]).toEqual([0xff, 0xfe]);
  });

  for (const [file, encoding, bom] of FILES) {
    it(`${file}: detected as ${encoding}${bom ? " with BOM" : ""}, same regions and lines`, () => {
      const result = readFixture(file, PUBLIC_HEALTH_PHYSICIAN_CHECKS);
      expect(result.diagnostics).toEqual([]);
      expect(result.stats.encoding).toBe(encoding);
      expect(result.stats.bom).toBe(bom);
      expect(result.regions).toEqual(reference.regions);
      expect({ ...result.stats, encoding: "", bom: false }).toEqual({ ...reference.stats, encoding: "", bom: false });
      // the name with a comma inside quotes, full-width brackets and commas, and the middle dot survive
      expect(result.regions[0]!.checks["chc-public-health-physician"]!.examples.map((e) => e.name)).toContain(
        "昆明市呈贡区斗南街道社区卫生服务中心(含花卉市场门诊部,夜间门诊)",
      );
      expect(result.regions[0]!.byType.other!.institutionRows).toBe(1);
    });

    it(`${file}: the same in 64 KB, 4 KB, 4097-byte and 3-byte reads`, () => {
      const bytes = fixtureBytes(file);
      for (const size of [65536, 4096, 4097, 3]) {
        const reader = new StatisticsReader({ file, institutionChecks: PUBLIC_HEALTH_PHYSICIAN_CHECKS });
        for (let at = 0; at < bytes.length; at += size) reader.push(bytes.subarray(at, at + size));
        const result = reader.end();
        expect(result.regions).toEqual(reference.regions);
        expect(result.stats.encoding).toBe(encoding);
      }
    });
  }
});

describe("control bytes", () => {
  const CONTROL_BYTES = [...Array.from({ length: 32 }, (_, b) => b).filter((b) => b !== 9 && b !== 10 && b !== 13), 0x7f];
  /** Text bytes: tab, LF, CR, printable ASCII and every byte from 0x80 (parts of UTF-8 and GB18030 characters). */
  const TEXT_BYTES = [9, 10, 13, ...Array.from({ length: 95 }, (_, i) => 32 + i), ...Array.from({ length: 128 }, (_, i) => 128 + i)];

  it("are found where they are in a few bytes and in a large chunk alike (two searches)", () => {
    for (const length of [1, 100, 65_535, 65_536, 65_537, 200_000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => TEXT_BYTES[(i * 7919) % TEXT_BYTES.length]!);
      expect(firstControlByte(bytes)).toBe(length);
      for (const at of new Set([0, length >> 1, length - 1])) {
        for (const control of CONTROL_BYTES) {
          const copy = bytes.slice();
          copy[at] = control;
          if (at + 1 < length) copy[length - 1] = 0x7f; // a later one does not count
          expect(firstControlByte(copy)).toBe(at);
        }
      }
    }
  });
});
