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

describe("a share whose part is inside its whole only within its scope: physicians practising in village clinics", () => {
  // 呈贡 (530114): at least 1 village-clinic doctor (village doctors and physicians practising in village clinics) per
  // 1,000 rural population, and 50% of them licensed physicians. A village clinic with 6 village doctors and 2
  // physicians (8 village-clinic doctors); 20,000 rural residents. A hospital with physicians enough for the density.
  const at = (code: number, name: string) => ({ region_code: code, region: name, year: 2024 });
  const rows = (code: number, name: string) => [
    { ...at(code, name), population: 100000, rural_population: 20000 },
    { ...at(code, name), unit: "医院", unit_type: "public_hospital", physicians: 400, nurses: 700, health_technicians: 1200, staff: 1300 },
    { ...at(code, name), unit: "卫生室", unit_type: "village_clinic", village_doctors: 6, physicians: 2, staff: 8 },
  ];
  const villageClinic = (c: { byUnitType?: Array<{ unitType: string | null; required: number; hires: number }> }) => c.byUnitType!.find((u) => u.unitType === "village_clinic");

  it("the whole planned to grow for its own target: the part is the share of the planned whole, among its hires", () => {
    const { category } = planOf(rows(530114, "呈贡区"), { from: 2025, horizon: 2025 });
    // 20,000 × 1 / 1,000 = 20 village-clinic doctors: 12 hires
    expect(villageClinic(category("village_clinic_doctors"))).toMatchObject({ required: 20, hires: 12 });
    // 50% of 20 = 10 physicians: 8 of those 12 hires licensed — not (2 + x) / (20 + x) ≥ 50%, x = 16, as if every
    // physician hired were a village-clinic doctor beside the 20
    expect(category("physicians").requirements).toContainEqual({ target: "cg-village-doctors-licensed-share-2025", required: 10, unitTypes: ["village_clinic"] });
    expect(villageClinic(category("physicians"))).toMatchObject({ required: 10, hires: 8 });
  });

  it("a whole nothing else grows: every physician hired grows it too, at today's figures", () => {
    // national only (110101): about 45%, band from 42.75%: (2 + x) / (8 + x) ≥ 42.75% → x ≥ 1.42 / 0.5725 → 3
    const { category } = planOf(rows(110101, "东城区"), { from: 2025, horizon: 2025 });
    expect(category("physicians").requirements).toContainEqual({ target: "cn-village-clinic-licensed-share-2025", required: 5, unitTypes: ["village_clinic"] });
    expect(villageClinic(category("physicians"))).toMatchObject({ required: 5, hires: 3 });
  });
});
