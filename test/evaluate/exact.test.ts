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

  // the number fast path against plain bigint arithmetic, across the edge where products stop being safe integers
  const operand = fc.oneof(
    fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
    fc.bigInt({ min: -(2n ** 27n), max: 2n ** 27n }),
    fc.bigInt({ min: 2n ** 52n - 5n, max: 2n ** 53n + 5n }),
  );
  const positive = fc.oneof(fc.bigInt({ min: 1n, max: 2n ** 70n }), fc.bigInt({ min: 1n, max: 2n ** 27n }), fc.bigInt({ min: 2n ** 52n - 5n, max: 2n ** 53n + 5n }));
  const ratio = fc.tuple(operand, positive);
  const same = (r: Ratio, num: bigint, den: bigint) => r.num * den === num * r.den;
  const floorBig = (n: bigint, d: bigint) => (n < 0n && n % d !== 0n ? n / d - 1n : n / d);

  it("adds, subtracts, multiplies, divides and compares exactly, in lowest terms", () => {
    fc.assert(
      fc.property(ratio, ratio, ([an, ad], [bn, bd]) => {
        const a = Ratio.of(an, ad);
        const b = Ratio.of(bn, bd);
        expect(same(a.add(b), an * bd + bn * ad, ad * bd)).toBe(true);
        expect(same(a.sub(b), an * bd - bn * ad, ad * bd)).toBe(true);
        expect(same(a.mul(b), an * bn, ad * bd)).toBe(true);
        if (bn !== 0n) expect(same(a.div(b), an * bd, ad * bn)).toBe(true);
        const l = an * bd;
        const r = bn * ad;
        expect(a.cmp(b)).toBe(l < r ? -1 : l > r ? 1 : 0);
        const reduced = a.mul(b);
        const g = (x: bigint, y: bigint): bigint => (y === 0n ? x : g(y, x % y));
        expect(g(reduced.num < 0n ? -reduced.num : reduced.num, reduced.den)).toBe(1n);
      }),
      { numRuns: 2000 },
    );
  });

  it("floors and ceils exactly, near and far from the safe-integer edge", () => {
    fc.assert(
      fc.property(ratio, ([n, d]) => {
        const r = Ratio.of(n, d);
        const floor = floorBig(n, d);
        expect(r.floor()).toBe(floor);
        expect(r.ceil()).toBe(floor * d === n ? floor : floor + 1n);
        expect(BigInt(r.ceilNumber())).toBe(r.ceil() <= BigInt(Number.MAX_SAFE_INTEGER) && r.ceil() >= -BigInt(Number.MAX_SAFE_INTEGER) ? r.ceil() : BigInt(Number(r.ceil())));
      }),
      { numRuns: 2000 },
    );
  });

  it("rounds for display as bigint arithmetic does, on either representation", () => {
    fc.assert(
      fc.property(ratio, fc.integer({ min: 0, max: 4 }), ([n, d], places) => {
        const scaled = (n < 0n ? -n : n) * 10n ** BigInt(places);
        let q = scaled / d;
        if ((scaled % d) * 2n >= d) q += 1n;
        const digits = q.toString().padStart(places + 1, "0");
        const text = places > 0 ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
        expect(Ratio.of(n, d).toFixed(places)).toBe(n < 0n && q !== 0n ? `-${text}` : text);
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the rounded figure as a number equal to reading its text, on either representation", () => {
    fc.assert(
      fc.property(ratio, fc.integer({ min: 0, max: 4 }), ([n, d], places) => {
        const r = Ratio.of(n, d);
        expect(Object.is(r.toRounded(places), Number(r.toFixed(places)))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
