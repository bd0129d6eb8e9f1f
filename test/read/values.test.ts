// The cell parsers against reference models written independently of them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FLAG_NO,
  FLAG_YES,
  isBlank,
  normaliseCell,
  parseCount,
  parseFlag,
  parseRegionCode,
  parseYear,
  type Parsed,
} from "../../src/read/values.js";

/** Any UTF-16 code unit, lone surrogates included (fast-check's "binary" unit is slow to start). */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const MAX = 100_000_000;
const RUNS = { numRuns: 1000 };

/** The spaces Excel users leave around values: ASCII, tab, ideographic, no-break, BOM. */
const space = fc.constantFrom(" ", "\t", "\u3000", "\u00a0", "\ufeff");
const padding = fc.string({ unit: space, maxLength: 3 });

const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Full-width some of the characters of s (full-width digits, comma, point, plus from a Chinese IME). */
function mixWidths(s: string, wide: boolean[]): string {
  return [...s].map((c, i) => (wide[i % Math.max(1, wide.length)] ? toFullWidth(c) : c)).join("");
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * The reference model of a count cell. Full-width forms count as their ASCII forms, white space around is ignored,
 * and then: digits, optionally grouped by commas in threes, an optional plus sign, an optional point followed by zeros.
 */
function countModel(raw: string, max: number): Parsed<number> {
  const s = raw.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  const m = /^([+-]?)(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(s);
  if (!m) return { ok: false, reason: "type" };
  const [, sign, whole, fraction = ""] = m;
  if (sign === "-") return { ok: false, reason: "negative" };
  if (/[1-9]/.test(fraction)) return { ok: false, reason: "fraction" };
  const value = BigInt(whole!.replace(/,/g, ""));
  return value > BigInt(max) ? { ok: false, reason: "too-large" } : { ok: true, value: Number(value) };
}

describe("parseCount", () => {
  it("reads whole numbers however analysts write them: plain, grouped, full-width, padded, +, .00", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: MAX }), fc.integer({ min: 0, max: 999 }), fc.constantFrom(0, MAX)),
        fc.boolean(),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
        padding,
        padding,
        fc.constantFrom("", "+"),
        fc.constantFrom("", ".0", ".00", "．０"),
        fc.nat({ max: 2 }),
        (n, grouped, wide, before, after, plus, zeros, leadingZeros) => {
          const digits = (grouped ? "" : "0".repeat(leadingZeros)) + String(n);
          const cell = before + plus + mixWidths(grouped ? group(digits) : digits, wide) + zeros + after;
          expect(parseCount(cell, MAX)).toEqual({ ok: true, value: n });
        },
      ),
      RUNS,
    );
  });

  it("rejects numbers above the maximum, negative numbers and fractions, for the right reason", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: MAX + 1, max: Number.MAX_SAFE_INTEGER }).map((n) => [String(n), "too-large"] as const),
          fc.bigInt({ min: 10n ** 16n, max: 10n ** 40n }).map((n) => [group(String(n)), "too-large"] as const),
          fc.integer({ min: 0, max: MAX }).map((n) => [`-${n}`, "negative"] as const),
          fc.integer({ min: 0, max: MAX }).map((n) => [`－${group(String(n))}`, "negative"] as const),
          fc
            .tuple(fc.integer({ min: 0, max: MAX }), fc.integer({ min: 1, max: 999 }))
            .map(([n, f]) => [`${n}.${String(f).padStart(3, "0")}`, "fraction"] as const),
          fc.integer({ min: 0, max: MAX }).map((n) => [`-${n}.5`, "negative"] as const),
        ),
        padding,
        ([cell, reason], pad) => {
          expect(parseCount(pad + cell, MAX)).toEqual({ ok: false, reason });
        },
      ),
      RUNS,
    );
  });

  it("agrees with the reference model on cells made of number-like characters", () => {
    const unit = fc.constantFrom(..."0123456789,.+-eE ", "１", "０", "，", "．", "－", "＋", "\u3000", "\u00a0", "x", "万");
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 14 }), fc.constantFrom(MAX, 10_000_000, 2_000_000_000), (cell, max) => {
        expect(parseCount(cell, max)).toEqual(countModel(cell, max));
      }),
      { numRuns: 4000 },
    );
  });

  it("rejects the classic non-numbers and never throws on any string", () => {
    for (const cell of ["NaN", "Infinity", "-Infinity", "1e3", "1E+03", "0x1C3", "1,2", "12,34", "1,2345", ",123", "123,", "1.", ".5", "", "-", "+", "1 234", "1_234", "١٢٣"]) {
      expect(parseCount(cell, MAX), cell).toMatchObject({ ok: false });
    }
    fc.assert(
      fc.property(fc.string({ unit: anyCodeUnit, maxLength: 30 }), (cell) => {
        const parsed = parseCount(cell, MAX);
        expect(parsed).toEqual(countModel(cell, MAX));
      }),
      RUNS,
    );
  });
});

/** The spellings the SPEC and the template promise, lower case. */
const YES = ["是", "有", "1", "true", "yes", "y", "t", "√", "✓", "设", "已设"];
const NO = ["否", "无", "0", "false", "no", "n", "f", "×", "✗", "未设", "没有"];

describe("parseFlag", () => {
  it("accepts exactly the documented spellings", () => {
    expect([...FLAG_YES]).toEqual(YES);
    expect([...FLAG_NO]).toEqual(NO);
  });

  it("reads every spelling in any case, any width, padded", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...YES.map((w) => [w, true] as const), ...NO.map((w) => [w, false] as const)),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        padding,
        padding,
        ([word, value], upper, wide, before, after) => {
          const cased = [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join("");
          const cell = before + mixWidths(cased, wide) + after;
          expect(parseFlag(cell)).toEqual({ ok: true, value });
        },
      ),
      RUNS,
    );
  });

  it("rejects anything else and never throws", () => {
    const known = new Set([...YES, ...NO]);
    for (const cell of ["部分", "是的", "Y/N", "2", "ok", "none", "", "√√", "yes!", "-"]) expect(parseFlag(cell), cell).toEqual({ ok: false, reason: "type" });
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."yesnotrufal10 ", "是", "否", "有", "无", "√", "Ｙ"), maxLength: 6 }), (cell) => {
        const key = normaliseCell(cell).toLowerCase();
        expect(parseFlag(cell).ok).toBe(known.has(key));
      }),
      RUNS,
    );
    fc.assert(fc.property(fc.string({ unit: anyCodeUnit, maxLength: 12 }), (cell) => void parseFlag(cell)), RUNS);
  });
});

describe("parseRegionCode and parseYear", () => {
  it("a region code is exactly six digits, either width, padded", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,9}$/), fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }), padding, (digits, wide, pad) => {
        const parsed = parseRegionCode(pad + mixWidths(digits, wide) + pad);
        expect(parsed).toEqual(digits.length === 6 ? { ok: true, value: digits } : { ok: false, reason: "type" });
      }),
      RUNS,
    );
    for (const cell of ["53O114", "CN-53", "530114.0", "5.30114E+05", "530 114", "0"]) expect(parseRegionCode(cell).ok, cell).toBe(false);
  });

  it("a year is four digits from 1949 to 2100, optionally followed by 年", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.boolean(), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), (y, nian, wide) => {
        const text = String(y).padStart(4, "0");
        const parsed = parseYear(` ${mixWidths(text, wide)}${nian ? "年" : ""} `);
        expect(parsed.ok).toBe(y >= 1949 && y <= 2100);
        if (parsed.ok) expect(parsed.value).toBe(y);
      }),
      RUNS,
    );
    for (const cell of ["24", "2024.0", "2024-01", "二〇二四", "2024 年"]) expect(parseYear(cell).ok, cell).toBe(false);
  });
});

describe("isBlank", () => {
  it("is blank exactly when normaliseCell leaves nothing", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(" ", "\t", "\r", "\n", "\v", "\f", "\u3000", "\u00a0", "\ufeff", "\u2003", "a", "0", "中"), maxLength: 5 }), (cell) => {
        expect(isBlank(cell)).toBe(normaliseCell(cell) === "");
      }),
      RUNS,
    );
  });
});
