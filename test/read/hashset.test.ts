// The compact set that finds duplicate institution rows: every key added again must be found, with its first line.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CompactStringSet } from "../../src/read/hashset.js";

const encoder = new TextEncoder();

describe("CompactStringSet", () => {
  it("finds every key a second time, whatever its hash, across growth", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: "grapheme", maxLength: 12 }), { minLength: 1, maxLength: 3000 }), (keys) => {
        const set = new CompactStringSet(4);
        keys.forEach((key, i) => expect(set.addOrGet(key, i + 1)).toBe(0));
        keys.forEach((key, i) => expect(set.addOrGet(key, 100_000 + i)).toBe(i + 1));
        expect(set.length).toBe(keys.length);
      }),
      { numRuns: 20 },
    );
  });

  it("keeps every key with its first line however the keys are spread over many sets", () => {
    // the reader keeps one set per region and rows may visit the regions in any order
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: "grapheme", maxLength: 12 }), { minLength: 1, maxLength: 800 }),
        fc.array(fc.nat({ max: 7 }), { minLength: 1, maxLength: 800 }),
        (keys, regionOf) => {
          const sets = Array.from({ length: 8 }, () => new CompactStringSet(4));
          const set = (i: number) => sets[regionOf[i % regionOf.length]!]!;
          keys.forEach((key, i) => expect(set(i).addOrGet(key, i + 1)).toBe(0));
          keys.forEach((key, i) => expect(set(i).addOrGet(key, 100_000 + i)).toBe(i + 1));
          expect(sets.reduce((n, s) => n + s.length, 0)).toBe(keys.length);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("hashes a name in place the same as the same name on its own", () => {
    const set = new CompactStringSet();
    const row = encoder.encode("呈贡区,530114,2024, 呈贡区人民医院 ,综合医院");
    const start = row.indexOf(0x20) + 1;
    expect(set.addOrGet("呈贡区人民医院", 3)).toBe(0);
    expect(set.addOrGetRange(row, start, start + encoder.encode("呈贡区人民医院").length, 5)).toBe(3);
    expect(set.addOrGet("呈贡区中医医院", 6)).toBe(0);
  });
});
