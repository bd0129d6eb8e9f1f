// A check finds each code's targets once per kind of code, not once per code: it must find the same targets.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundledCatalogue } from "../../src/catalogue/bundled.js";
import { applicableTargets, templatesOf } from "../../src/catalogue/catalogue.js";
import { CheckRun } from "../../src/check.js";
import type { RegionRecord } from "../../src/read/record.js";

const catalogue = bundledCatalogue();

function record(code: string): RegionRecord {
  return { code, name: code, year: 2024, line: 2, hasRegionRow: true, figures: { population: { value: 100000, partial: false, source: "stated" } }, byType: {}, checks: {} } as unknown as RegionRecord;
}

// codes near the catalogue's own regions (a county with its own targets, its prefecture and province, their
// neighbours) and any other
const code = fc.oneof(
  fc.constantFrom("000000", "530000", "530100", "530114", "530115", "530200", "330000", "330200", "330282", "330281", "110000", "110102"),
  fc.integer({ min: 11, max: 65 }).chain((province) =>
    fc.constantFrom("0000", "0100", "0114", "0282", "0200").map((rest) => `${province}${rest}`),
  ),
);

describe("CheckRun", () => {
  it("evaluates each code against exactly the targets that apply to it, with or without templates", () => {
    fc.assert(
      fc.property(fc.array(code, { minLength: 1, maxLength: 12 }), fc.subarray(templatesOf(catalogue)), (codes, templates) => {
        const run = new CheckRun(catalogue, { populationGrowth: 0, attrition: 0, currentYear: 2026, templates });
        for (const c of new Set(codes)) {
          const [result] = run.addCode(c, [record(c)]);
          const evaluated = result!.evaluations.map((e) => e.target.id).sort();
          expect(evaluated).toEqual(applicableTargets(catalogue, c, { templates }).map((t) => t.id).sort());
        }
      }),
      { numRuns: 60 },
    );
  });
});
