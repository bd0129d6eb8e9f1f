// The national plan's own arithmetic: its 2025 densities at the 2020 census population (1,411,778,724) come within a
// few percent of the absolute totals it states (450万 physicians, 550万 nurses, 77万 pharmacists, 55万 GPs).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/index.js";

const report = checkText(readFileSync(join(import.meta.dirname, "../fixtures/check/national-2020.csv")), { file: "national.csv", currentYear: 2026 });
const results = report.regions[0]!.results;
const byId = (id: string) => results.find((r) => r.target === id)!;

/** the headcount a density target asks for: the figure now plus the shortfall */
function required(id: string, now: number): number {
  return now + (byId(id).shortfall?.count ?? 0);
}

describe("national 2025 densities against national 2025 totals", () => {
  const cases = [
    { density: "cn-physicians-per-1000-2025", total: "cn-physicians-total-2025", now: 4086000, expected: 4517692, stated: 4500000 },
    { density: "cn-nurses-per-1000-2025", total: "cn-nurses-total-2025", now: 4709000, expected: 5364760, stated: 5500000 },
    { density: "cn-pharmacists-per-1000-2025", total: "cn-pharmacists-total-2025", now: 497000, expected: 762361, stated: 770000 },
    { density: "cn-gps-per-10000-2025", total: "cn-gps-total-2025", now: 409000, expected: 554830, stated: 550000 },
  ];
  it.each(cases)("$density: $expected people, within 3% of the stated $stated", ({ density, total, now, expected, stated }) => {
    // 3.20 × 1,411,778.724 = 4,517,691.9… → 4,517,692, and so on: each rounded up exactly
    expect(required(density, now)).toBe(expected);
    expect(Math.abs(expected - stated) / stated).toBeLessThan(0.03);
    // the absolute totals apply to the nation's own row
    expect(byId(total).required).toBe(stated);
    expect(byId(total).shortfall?.count).toBe(stated - now);
  });

  it("the public-health institution total: 120万 against 92.5万 in 2020", () => {
    expect(byId("cn-public-health-staff-total-2025").shortfall).toMatchObject({ count: 275000 });
  });

  it("district targets do not apply to the nation", () => {
    expect(results.some((r) => r.target.startsWith("cg-"))).toBe(false);
  });
});
