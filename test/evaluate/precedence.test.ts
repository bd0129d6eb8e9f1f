// The most specific target for a measure decides: a region's own target makes broader levels' targets for the same
// measure (metric, denominator or population basis, institutions) context, shown but neither planned nor failing.
import { describe, expect, it } from "vitest";
import type { Catalogue } from "../../src/catalogue/catalogue.js";
import type { Target } from "../../src/catalogue/schema.js";
import { evaluateRegion } from "../../src/evaluate/engine.js";
import { decidingTargets, supersededTargets } from "../../src/evaluate/precedence.js";
import type { RegionRecord } from "../../src/read/record.js";

const provenance = { document: "000", section: "一", locator: "测试" };
const title = { zh: "测试", en: "test" };
const density = (id: string, level: Target["level"], region: string, value: number, extra: Partial<Target> = {}) =>
  ({ id, title, level, region, year: 2025, binding: "binding", provenance, kind: "density", metric: "gps", per: 10000, basis: "population", comparator: "at_least", value, ...extra }) as Target;

const national = density("n", "national", "000000", 3.93);
const county = density("c", "county", "530114", 3.1);
const provincial = density("p", "provincial", "530000", 3.5);
const rural = density("r", "national", "000000", 2, { basis: "rural_population" } as Partial<Target>);
const benchmark = density("b", "municipal", "530100", 5, { binding: "benchmark" });
const scoped = density("s", "national", "000000", 1, { scope: { unitTypes: ["township_hospital"] } } as Partial<Target>);

describe("which target decides a measure", () => {
  it("the county's own target makes the national and provincial ones context", () => {
    expect([...supersededTargets([national, provincial, county])]).toEqual([
      ["n", "c"],
      ["p", "c"],
    ]);
  });
  it("another population basis, another scope or a benchmark is another measure, or no measure at all", () => {
    expect(supersededTargets([national, county, rural, benchmark, scoped]).size).toBe(1);
    expect(supersededTargets([national, rural, scoped]).size).toBe(0);
  });
  it("a 'reach the provincial level' target with no provincial figure decides nothing", () => {
    const reach = {
      id: "reach", title, level: "county", region: "530114", year: 2025, binding: "binding", provenance, kind: "reference", comparator: "at_least",
      refersTo: { level: "provincial" }, measure: { kind: "density", metric: "gps", per: 10000, basis: "population" },
    } as Target;
    expect(supersededTargets([national, reach]).size).toBe(0);
    // with one, the county's target takes the provincial figure, and both broader targets are context
    expect([...supersededTargets([national, provincial, reach])]).toEqual([
      ["n", "reach"],
      ["p", "reach"],
    ]);
  });
  it("the plan follows the deciding targets, or all of them under --plan strictest", () => {
    const list = [national, county, rural];
    expect(decidingTargets(list, "own").map((t) => t.id)).toEqual(["c", "r"]);
    expect(decidingTargets(list, "strictest")).toBe(list);
    // the same list for the same targets, so what the plan works out per list is kept
    expect(decidingTargets(list, "own")).toBe(decidingTargets(list, "own"));
  });
});

describe("what the superseded target shows", () => {
  const region: RegionRecord = {
    code: "530114", name: "呈贡区", year: 2024, line: 2, hasRegionRow: true, byType: {}, checks: {},
    figures: { population: { value: 100000, source: "stated", partial: false }, gps: { value: 14, source: "stated", partial: false } },
  };
  const catalogue: Catalogue = { version: "t", published: "2026-01-01", aboutTolerance: 0.05, targets: [], origin: new Map() };

  it("context, its gap, no people, and which target decides; --plan strictest evaluates it as any other", () => {
    const [n, c] = evaluateRegion(region, [national, county], catalogue);
    expect(n!.status).toBe("context");
    expect(n!.shortfall).toBeUndefined();
    expect(n!.remarks).toContainEqual({ kind: "superseded-by", target: "c" });
    // 3.1 per 10,000 of 100,000 is 31: 17 more than 14
    expect([c!.status, c!.shortfall?.count]).toEqual(["short", 17]);
    const [strict] = evaluateRegion(region, [national, county], catalogue, [], "strictest");
    // 3.93 per 10,000 of 100,000 is 39.3 → 40: 26 more
    expect([strict!.status, strict!.shortfall?.count]).toEqual(["short", 26]);
  });
});
