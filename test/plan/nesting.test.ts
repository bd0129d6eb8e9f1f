// A district of 100,000 with only national targets (110101): 3.20 physicians, 3.80 nurses, 0.54 pharmacists and
// 0.62 TCM physicians per 1,000 need 320, 380, 54 and 62 people.
import { describe, expect, it } from "vitest";
import { planOf } from "./helpers.js";

const district = { year: 2024, population: 100000, staff: 300, health_technicians: 250, physicians: 100, nurses: 120, pharmacists: 10, tcm_physicians: 10 };

describe("nesting: parts under their whole, each person once", () => {
  const { plan, category } = planOf([district], { from: 2025, horizon: 2025 });

  it("a whole is never below its parts: physicians 320 hold TCM 62; technicians hold physicians, nurses and pharmacists", () => {
    expect(category("tcm_physicians")).toMatchObject({ partOf: "physicians", current: 10, requiredAtHorizon: 62, totalHires: 52 });
    expect(category("physicians")).toMatchObject({ partOf: "health_technicians", requiredAtHorizon: 320, totalHires: 220 });
    expect(category("nurses")).toMatchObject({ partOf: "health_technicians", requiredAtHorizon: 380, totalHires: 260 });
    expect(category("pharmacists")).toMatchObject({ partOf: "health_technicians", requiredAtHorizon: 54, totalHires: 44 });
    // 220 + 260 + 44 = 524 more technicians, and as many more staff
    expect(category("health_technicians")).toMatchObject({ partOf: "staff", requiredAtHorizon: 774, totalHires: 524 });
    expect(category("staff").partOf).toBeUndefined();
    expect(category("staff")).toMatchObject({ current: 300, requiredAtHorizon: 824, totalHires: 524 });
  });

  it("the total per year is the top category's: 524, not 52 + 220 + 260 + 44 + 524 + 524", () => {
    expect(plan.totals).toEqual([{ year: 2025, hires: 524, leavers: 0 }]);
  });

  it("lists wholes before their parts", () => {
    expect(plan.categories.map((c) => c.metric)).toEqual(["staff", "health_technicians", "nurses", "pharmacists", "physicians", "tcm_physicians"]);
  });

  it("a met whole still hires its short part: physicians met at 400, 52 TCM physicians are 52 more physicians", () => {
    const { category: c } = planOf([{ ...district, physicians: 400, health_technicians: 550, staff: 600 }], { from: 2025, horizon: 2025 });
    expect(c("tcm_physicians").totalHires).toBe(52);
    expect(c("physicians")).toMatchObject({ current: 400, requiredAtHorizon: 452, totalHires: 52, bindingTarget: null });
  });
});

describe("attrition counted once", () => {
  // 10% leave: physicians ⌈10⌉, nurses ⌈12⌉, pharmacists ⌈1⌉ = 23 ≤ technicians ⌈25⌉ ≤ staff ⌈30⌉
  const { plan, category } = planOf([district], { from: 2025, horizon: 2025, attrition: 0.1 });

  it("leavers of a whole are at least its parts' and the total counts the top category's once", () => {
    expect(category("physicians").years[0]).toMatchObject({ leavers: 10, hires: 230 });
    expect(category("nurses").years[0]).toMatchObject({ leavers: 12, hires: 272 });
    expect(category("pharmacists").years[0]).toMatchObject({ leavers: 1, hires: 45 });
    // technicians: 774 − (250 − 25) = 549 ≥ 230 + 272 + 45 = 547
    expect(category("health_technicians").years[0]).toMatchObject({ leavers: 25, hires: 549 });
    // staff: 824 − (300 − 30) = 554
    expect(category("staff").years[0]).toMatchObject({ leavers: 30, hires: 554 });
    expect(plan.totals).toEqual([{ year: 2025, hires: 554, leavers: 30 }]);
  });

  it("a whole's leavers hold its parts' even where its own rate rounds lower", () => {
    // 3 nurses ⌈0.3⌉ = 1 each of three parts of 3: the whole of 9 loses ⌈0.9⌉ = 1 by its own rate, 3 by its parts
    const { category: c } = planOf([{ year: 2024, population: 100000, health_technicians: 9, physicians: 3, nurses: 3, pharmacists: 3 }], { from: 2025, horizon: 2025, attrition: 0.1 });
    expect(c("health_technicians").years[0]!.leavers).toBe(3);
  });
});

describe("the multi-region roll-up counts each person once too", () => {
  it("sums the regions' totals, not their categories", () => {
    const { report } = planOf([district, { ...district, region_code: "110102", region: "西城区" }], { from: 2025, horizon: 2025 });
    expect(report.rollupTotals).toEqual([{ level: "county", year: 2025, hires: 1048, leavers: 0 }]);
    expect(report.rollup.find((r) => r.metric === "tcm_physicians")).toMatchObject({ partOf: "physicians", totalHires: 104 });
  });
});
