import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Ratio, peopleAtLeast } from "../../src/evaluate/exact.js";

describe("exact headcount arithmetic", () => {
  it("0.54 per 1,000 of 450,000 is 243 pharmacists, not 244", () => {
    expect(0.54 * 450000 / 1000).toBeGreaterThan(243); // the float a spreadsheet would ceil
    expect(peopleAtLeast(Ratio.decimal(0.54).mul(Ratio.of(450000)).div(Ratio.of(1000)))).toBe(243);
  });

  it("8.3 per 10,000 of 100,000 is 83", () => {
    expect(peopleAtLeast(Ratio.decimal(8.3).mul(Ratio.of(100000)).div(Ratio.of(10000)))).toBe(83);
  });

  it("reads decimals as written", () => {
    expect(Ratio.decimal(3.2).cmp(Ratio.of(16, 5))).toBe(0);
    expect(Ratio.decimal("0.10").cmp(Ratio.of(1, 10))).toBe(0);
    expect(Ratio.decimal(1e-7).cmp(Ratio.of(1, 10_000_000))).toBe(0);
  });

  it("ceil is the smallest integer not below the value", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: 1, max: 1000 }), (n, d) => {
        const c = Ratio.of(n, d).ceil();
        return c * BigInt(d) >= BigInt(n) && (c - 1n) * BigInt(d) < BigInt(n);
      }),
    );
  });

  it("rounds half away from zero for display", () => {
    expect(Ratio.of(1, 8).toFixed(2)).toBe("0.13");
    expect(Ratio.of(-1, 8).toFixed(2)).toBe("-0.13");
    expect(Ratio.of(2224).toFixed(0)).toBe("2224");
  });
});
