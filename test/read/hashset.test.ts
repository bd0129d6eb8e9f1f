// The set that finds duplicate institution rows: every region's name added again must be found, with its first line.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InstitutionNames } from "../../src/read/hashset.js";

const encoder = new TextEncoder();

describe("InstitutionNames", () => {
  it("finds every key a second time, whatever its hash, across growth", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: "grapheme", maxLength: 12 }), { minLength: 1, maxLength: 3000 }), (keys) => {
        const set = new InstitutionNames();
        keys.forEach((key, i) => expect(set.addOrGet(0, key, i + 1)).toBe(0));
        keys.forEach((key, i) => expect(set.addOrGet(0, key, 100_000 + i)).toBe(i + 1));
        expect(set.length).toBe(keys.length);
      }),
      { numRuns: 20 },
    );
  });

  it("gives its memory back when released, and is then an empty set", () => {
    const set = new InstitutionNames();
    const keys = Array.from({ length: 50_000 }, (_, i) => `卫生院 ${i}`);
    keys.forEach((key, i) => set.addOrGet(i % 300, key, i + 1));
    const held = (set as unknown as { chunks: Uint32Array[] }).chunks.slice();
    expect(held.length).toBeGreaterThan(0);
    set.release();
    // each chunk's memory moved out (its buffer detached), to be freed by the next young collection
    for (const chunk of held) expect(chunk.buffer.byteLength).toBe(0);
    expect(set.length).toBe(0);
    keys.forEach((key, i) => expect(set.addOrGet(i % 300, key, i + 1)).toBe(0));
    keys.forEach((key, i) => expect(set.addOrGet(i % 300, key, 100_000 + i)).toBe(i + 1));
  });

  it("keeps every key with its first line however the keys are spread over the regions", () => {
    // rows may visit the regions in any order, and one name may be in several regions
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: "grapheme", maxLength: 12 }), { minLength: 1, maxLength: 800 }),
        fc.array(fc.nat({ max: 7 }), { minLength: 1, maxLength: 800 }),
        (keys, regionOf) => {
          const set = new InstitutionNames();
          const region = (i: number) => regionOf[i % regionOf.length]!;
          keys.forEach((key, i) => expect(set.addOrGet(region(i), key, i + 1)).toBe(0));
          keys.forEach((key, i) => expect(set.addOrGet(region(i), key, 100_000 + i)).toBe(i + 1));
          // the same names in another region are new there
          keys.forEach((key, i) => expect(set.addOrGet(region(i) + 8, key, 200_000 + i)).toBe(0));
          expect(set.length).toBe(2 * keys.length);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("chains full buckets once a directory has its most bits", () => {
    // keys crafted to share hash b would do this at 22 bits; a directory of 1 bit shows the same path
    const set = new InstitutionNames(1);
    const keys = Array.from({ length: 5000 }, (_, i) => `机构${i}`);
    keys.forEach((key, i) => expect(set.addOrGet(i % 3, key, i + 1)).toBe(0));
    keys.forEach((key, i) => expect(set.addOrGet(i % 3, key, 100_000 + i)).toBe(i + 1));
    expect(set.length).toBe(keys.length);
  });

  it("hashes a name in place the same as the same name on its own", () => {
    const set = new InstitutionNames();
    const row = encoder.encode("呈贡区,530114,2024, 呈贡区人民医院 ,综合医院");
    const start = row.indexOf(0x20) + 1;
    expect(set.addOrGet(3, "呈贡区人民医院", 3)).toBe(0);
    expect(set.addOrGetRange(3, row, start, start + encoder.encode("呈贡区人民医院").length, 5)).toBe(3);
    expect(set.addOrGet(3, "呈贡区中医医院", 6)).toBe(0);
    expect(set.addOrGet(4, "呈贡区人民医院", 7)).toBe(0);
  });
});
