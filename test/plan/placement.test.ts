import { describe, expect, it } from "vitest";
import { addShares } from "../../src/plan/placement.js";
import { planOf } from "./helpers.js";

const region = { year: 2024, population: 100000 };
const hospital = { year: 2024, unit: "区人民医院", unit_type: "public_hospital", staff: 330, health_technicians: 300, physicians: 100, nurses: 190, pharmacists: 10 };

describe("scoped ratios follow the planned stock of their own scope", () => {
  // 3.20 per 1,000 of 100,000: physicians 100 → 320, all in the one public hospital; the hospital's doctor:nurse
  // ratio is about 1:2 (1.9–2.1), so its nurses must reach 608–640, not the 380 of the region's density
  const { plan, category } = planOf([region, hospital], { from: 2025, horizon: 2025 });

  it("a district whose only institution is a public hospital keeps 1:2 through the plan", () => {
    const physicians = category("physicians");
    const nurses = category("nurses");
    expect(physicians.requiredAtHorizon).toBe(320);
    expect(nurses.requiredAtHorizon).toBeGreaterThanOrEqual(608);
    expect(nurses.requiredAtHorizon).toBeLessThanOrEqual(640);
    expect(nurses.bindingTarget).toBe("cn-public-hospital-nurse-physician-ratio-2025");
    const ratio = nurses.requiredAtHorizon / physicians.requiredAtHorizon;
    expect(ratio).toBeGreaterThanOrEqual(1.9);
    expect(ratio).toBeLessThanOrEqual(2.1);
  });

  it("says which institution type the hires go to", () => {
    expect(category("physicians").byUnitType).toEqual([{ unitType: "public_hospital", current: 100, required: 320, hires: 220 }]);
    expect(category("nurses").byUnitType).toEqual([{ unitType: "public_hospital", current: 190, required: category("nurses").requiredAtHorizon, hires: category("nurses").totalHires }]);
    expect(plan.totals[0]!.hires).toBe(category("staff").totalHires);
  });

  it("chains through two scopes: a hospital and community centres each get their own ratio", () => {
    const chc = { year: 2024, unit: "社区卫生服务中心", unit_type: "community_health_center", staff: 60, health_technicians: 50, physicians: 20, nurses: 20, pharmacists: 2 };
    const { category: c } = planOf([region, hospital, chc], { from: 2025, horizon: 2025 });
    const placed = (metric: string, unitType: string) => c(metric).byUnitType!.find((u) => u.unitType === unitType)!;
    // 200 more physicians (120 → 320) over 100 : 20 → 166.67 and 33.33: 167 and 33 (largest remainder)
    expect(placed("physicians", "public_hospital")).toMatchObject({ current: 100, required: 267, hires: 167 });
    expect(placed("physicians", "community_health_center")).toMatchObject({ current: 20, required: 53, hires: 33 });
    // hospital about 1:2 (±5%, so at least 1:1.9, the band's edge) of 267 → 507.3 → 508; centres at least 1:1.2 of 53 → 63.6 → 64
    expect(placed("nurses", "public_hospital").required).toBe(508);
    expect(placed("nurses", "community_health_center").required).toBe(64);
  });
});

describe("region-wide hires placed in proportion to the current stock", () => {
  /** The cells after `count` people are added over `slots` by `weights` (one per slot listed), from `values`. */
  const added = (values: number[], count: number, slots: number[], weights: number[]) => {
    const scratch = values.map(() => 0);
    addShares(values, count, slots, weights, scratch);
    // the scratch array is left as it was given, for the next need
    expect(scratch.every((v) => v === 0)).toBe(true);
    return values;
  };

  it("splits in whole people by largest remainder", () => {
    expect(added([0, 0, 0], 10, [0, 1, 2], [1, 1, 1])).toEqual([4, 3, 3]);
    expect(added([0, 0], 220, [0, 1], [100, 20])).toEqual([183, 37]);
    // no weight at all: equally, the first listed first
    expect(added([0, 0], 5, [0, 1], [0, 0])).toEqual([3, 2]);
  });

  it("follows the order the slots are listed in, adds to what the cells hold, and leaves the others alone", () => {
    // a tie goes to the first listed, slot 2 here
    expect(added([0, 7, 0], 3, [2, 0], [1, 1])).toEqual([1, 7, 2]);
    expect(added([5, 5, 5], 3, [0, 1, 2], [2, 2, 2])).toEqual([6, 6, 6]);
    expect(added([5, 5, 5], 0, [0, 1, 2], [2, 2, 2])).toEqual([5, 5, 5]);
  });

  it("never loses or adds a person (property)", async () => {
    const fc = await import("fast-check");
    fc.assert(
      fc.property(fc.nat(100000), fc.array(fc.nat(5000), { minLength: 1, maxLength: 12 }), (count, weights) => {
        const slots = weights.map((_, i) => i);
        const out = added(weights.map(() => 0), count, slots, weights);
        return out.reduce((a, b) => a + b, 0) === count && out.every((v) => v >= 0);
      }),
    );
  });
});

describe("every binding share plans: the assistant share both ways", () => {
  // 161 assistants of 1,000 physicians is 16.1% against ≤ 15%: ⌈161 / 0.15⌉ = 1,074 physicians, so 74 more
  // practising physicians; or 161 − ⌊0.15 × 1,000⌋ = 11 assistants qualify as practising physicians
  const { plan, category } = planOf([{ year: 2024, population: 100000, physicians: 1000, assistant_physicians: 161 }], { from: 2025, horizon: 2025 });

  it("hires practising physicians into the whole", () => {
    expect(category("practising_physicians")).toMatchObject({ partOf: "physicians", current: 839, requiredAtHorizon: 913, totalHires: 74 });
    expect(category("physicians")).toMatchObject({ requiredAtHorizon: 1074, totalHires: 74 });
  });

  it("and shows the other way", () => {
    expect(plan.alternatives).toEqual([
      { target: "cn-assistant-physician-share-2025", hire: { metric: "practising_physicians", count: 74 }, qualify: { metric: "assistant_physicians", count: 11 } },
    ]);
  });
});
