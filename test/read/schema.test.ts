// The zod row schema (what `gap schema` publishes) and the reader's parsers must give the same verdict on a cell.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { columns } from "../../src/read/columns.js";
import { LIMITS } from "../../src/read/limits.js";
import { inputJsonSchema, inputRowSchema } from "../../src/read/schema.js";
import { FLAG_NO, FLAG_YES, isBlank, parseCount, parseFlag, parseRegionCode, parseYear } from "../../src/read/values.js";

/** Any UTF-16 code unit, lone surrogates included (fast-check's "binary" unit is slow to start). */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const shape = inputRowSchema.shape as Record<string, z.ZodType>;
const schemaAccepts = (column: string, cell: string) => shape[column]!.safeParse(cell).success;

/** Whether the reader takes the cell without a diagnostic about the cell itself. */
function readerAccepts(kind: string, cell: string): boolean {
  switch (kind) {
    case "code":
      return parseRegionCode(cell).ok;
    case "year":
      return parseYear(cell).ok;
    case "flag":
      return isBlank(cell) || parseFlag(cell).ok;
    case "population": {
      if (isBlank(cell)) return true;
      const parsed = parseCount(cell, LIMITS.population);
      return parsed.ok && parsed.value > 0;
    }
    case "headcount":
      return isBlank(cell) || parseCount(cell, LIMITS.headcount).ok;
    case "count":
      return isBlank(cell) || parseCount(cell, LIMITS.institutions).ok;
    default:
      throw new Error(kind);
  }
}

const toFullWidth = (c: string) => (/[!-~]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c);
const noisy = (s: string, flips: boolean[], wide: boolean[]) =>
  [...s].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c)).map((c, i) => (wide[i % wide.length] ? toFullWidth(c) : c)).join("");

const space = fc.constantFrom("", " ", "\t", "\u3000", "\u00a0", "\ufeff", "\u2003", "\n");
const bits = fc.array(fc.boolean(), { minLength: 1, maxLength: 6 });

/** Cells near every edge: numbers of every size and form, flag words, codes and years, junk, blanks. */
const cell = fc.oneof(
  fc
    .tuple(
      fc.oneof(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 3_000_000_000 }),
        fc.constantFrom(0, 1, 1949, 2100, 2101, 1948, 530114, 10_000_000, 10_000_001, 100_000_000, 100_000_001, 2_000_000_000, 2_000_000_001),
      ),
      fc.constantFrom("", "+", "-", "－", "＋"),
      fc.boolean(),
      fc.constantFrom("", ".0", ".00", ".5", "．０", "年", "e3"),
      bits,
      space,
      space,
    )
    .map(([n, sign, grouped, tail, wide, a, b]) => {
      const digits = grouped ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",") : String(n).padStart(n < 1e6 ? 6 : 0, "0").slice(-Math.max(String(n).length, 1));
      return a + sign + noisy(digits, [false], wide) + tail + b;
    }),
  fc.tuple(fc.constantFrom(...FLAG_YES, ...FLAG_NO, "ok", "是的", "yess", "2", "部分"), bits, bits, space, space).map(([w, f, wide, a, b]) => a + noisy(w, f, wide) + b),
  fc.string({ unit: fc.constantFrom(..."0123456789,.+- ", "０", "，", "\u3000", "年", "e"), maxLength: 12 }),
  fc.string({ unit: anyCodeUnit, maxLength: 8 }),
  fc.string({ unit: space, maxLength: 3 }),
);

const byKind = new Map<string, string>();
for (const c of columns) if (!byKind.has(c.kind) && c.kind !== "text" && c.kind !== "unit_type") byKind.set(c.kind, c.id);

describe("inputRowSchema", () => {
  it("covers every column the reader knows", () => {
    expect(Object.keys(shape).sort()).toEqual(columns.map((c) => c.id).sort());
    expect([...byKind.keys()].sort()).toEqual(["code", "count", "flag", "headcount", "population", "year"]);
  });

  it("accepts a code, year, count, population or flag cell exactly when the reader does", () => {
    fc.assert(
      fc.property(cell, (value) => {
        for (const [kind, column] of byKind) {
          expect(schemaAccepts(column, value), `${kind} ${JSON.stringify(value)}`).toBe(readerAccepts(kind, value));
        }
      }),
      { numRuns: 2500 },
    );
  });

  it("agrees on the edges named in the SPEC", () => {
    const cases: Array<[string, string, boolean]> = [
      ["physicians", "1,234", true],
      ["physicians", "１２３４", true],
      ["physicians", " 7 ", true],
      ["physicians", "", true],
      ["physicians", "1,2", false],
      ["physicians", "-1", false],
      ["physicians", "-0", false],
      ["physicians", "2.5", false],
      ["physicians", "2.0", true],
      ["physicians", "1e3", false],
      ["physicians", "NaN", false],
      ["physicians", "100000001", false],
      ["population", "0", false],
      ["population", "0.00", false],
      ["rural_population", "0", false],
      ["population", "2,000,000,000", true],
      ["institutions", "10000001", false],
      ["has_tcm_department", "是", true],
      ["has_tcm_department", "ＴＲＵＥ", true],
      ["has_tcm_department", "部分", false],
      ["region_code", "530114", true],
      ["region_code", "００００００", true],
      ["region_code", "53011", false],
      ["region_code", "", false],
      ["year", "2024年", true],
      ["year", "1948", false],
    ];
    for (const [column, value, accepted] of cases) {
      expect(schemaAccepts(column, value), `${column} ${value}`).toBe(accepted);
      const kind = columns.find((c) => c.id === column)!.kind;
      expect(readerAccepts(kind, value), `${column} ${value}`).toBe(accepted);
    }
  });

  it("publishes patterns a JSON Schema validator can compile (ECMA-262 with the u flag)", () => {
    const json = inputJsonSchema() as { properties: Record<string, { pattern?: string }> };
    const patterns = Object.values(json.properties).flatMap((p) => (p.pattern ? [p.pattern] : []));
    expect(patterns.length).toBeGreaterThan(20);
    for (const pattern of patterns) expect(() => new RegExp(pattern, "u")).not.toThrow();
    // and with the u flag they still say the same as the schema for a few cells
    const physicians = new RegExp(json.properties.physicians!.pattern!, "u");
    expect(["１，２３４", " 12 ", "+7", "3.00", ""].every((c) => physicians.test(c))).toBe(true);
    expect(["1,2", "-1", "2.5"].some((c) => physicians.test(c))).toBe(false);
  });
});
