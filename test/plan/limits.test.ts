import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { currentYear, planYears } from "../../src/plan/years.js";
import { planOf } from "./helpers.js";

const district = { year: 2024, population: 100000, staff: 300, health_technicians: 250, physicians: 100, nurses: 120, pharmacists: 10 };

describe("years ahead: --from, the current year, --horizon", () => {
  it("a 2024 file in 2026 plans from 2026, and says why", () => {
    expect(planYears(2024, [2025], { currentYear: 2026 })).toEqual({ startYear: 2026, startSource: "current-year", horizon: 2026, horizonSource: "start" });
    expect(planOf([district], { currentYear: 2026 }).plan).toMatchObject({ startYear: 2026, startSource: "current-year", horizon: 2026 });
  });

  it("starts the year after the data when that is later, or at --from", () => {
    expect(planYears(2024, [2025], { currentYear: 2024 })).toMatchObject({ startYear: 2025, startSource: "data", horizon: 2025, horizonSource: "targets" });
    expect(planYears(2024, [2025], { currentYear: 2026, from: 2027, horizon: 2030 })).toMatchObject({ startYear: 2027, startSource: "option", horizon: 2030, horizonSource: "option" });
  });

  it("a horizon before the first plan year, or a first year not after the data, is a usage error", () => {
    expect(() => planYears(2024, [], { currentYear: 2026, horizon: 2025 })).toThrow(UsageError);
    expect(() => planYears(2024, [], { from: 2024 })).toThrow(UsageError);
    expect(() => planOf([district], { currentYear: 2026, horizon: 2025 })).toThrow(/--horizon 2025: must not be before the plan's first year \(2026\)/);
  });

  it("targets already due are planned to the horizon and flagged overdue", () => {
    const { category } = planOf([district], { currentYear: 2026, horizon: 2027 });
    const physicians = category("physicians");
    expect(physicians.overdue).toBe(true);
    expect(physicians.requirements.find((r) => r.target === "cn-physicians-per-1000-2025")!.overdue).toBe(true);
    // 220 more over 2026–2027: 110 and 110
    expect(physicians.years.map((y) => [y.year, y.hires])).toEqual([[2026, 110], [2027, 110]]);
  });

  it("this year comes from SOURCE_DATE_EPOCH when set, else the clock", () => {
    expect(currentYear("1798416000", 0)).toBe(2026); // 2026-12-28
    expect(currentYear(undefined, Date.UTC(2031, 5, 1))).toBe(2031);
    expect(() => currentYear("soon", 0)).toThrow(UsageError);
  });
});

describe("limits as limits", () => {
  // the xx-district template: 3.5 grassroots staff per 1,000 (350 of 100,000) by 2026, 30–50 recruits a year
  const grassroots = { year: 2024, population: 100000, staff: 400, grassroots_staff: 200 };

  it("recruits a year cap the pace, and the plan says when the target is reached at it", () => {
    const { category } = planOf([grassroots], { currentYear: 2025, templates: ["xx-district-grassroots"] });
    const c = category("grassroots_staff");
    expect(c.requiredAtHorizon).toBe(350);
    // 150 in 2025–2026 would be 75 a year; 50 a year leaves 300 by 2026, 350 in 2027
    expect(c.years.map((y) => [y.year, y.hires, y.capped ?? false])).toEqual([[2025, 50, true], [2026, 50, true]]);
    expect(c.limit).toEqual({ target: "xxd-grassroots-recruits-2026", max: 50, reachedYear: 2027 });
  });

  it("with leavers eating into the cap the target is reached later, or never", () => {
    const { category } = planOf([grassroots], { currentYear: 2025, templates: ["xx-district-grassroots"], attrition: 0.1 });
    // 200 → 230 → 257 (50 hires less ⌈20⌉ and ⌈23⌉ leavers), then 257 − 26 + 50 = 281, 281 − 29 + 50 = 302,
    // 302 − 31 + 50 = 321, 321 − 33 + 50 = 338, 338 − 34 + 46 = 350 in 2031
    expect(category("grassroots_staff").limit).toEqual({ target: "xxd-grassroots-recruits-2026", max: 50, reachedYear: 2031 });
  });

  it("approved posts: a net increase fills the vacancies, then needs new posts; over establishment (超编) it all does", () => {
    const open = planOf([{ ...district, establishment: 400 }], { from: 2025, horizon: 2025 }).plan.posts!;
    // 524 more staff (see nesting.test.ts), 100 vacancies
    expect(open).toEqual({ establishment: 400, staff: 300, vacancies: 100, overEstablishment: false, years: [{ year: 2025, netIncrease: 524, newPosts: 424 }] });
    const over = planOf([{ ...district, establishment: 250 }], { from: 2025, horizon: 2026 }).plan.posts!;
    expect(over).toMatchObject({ vacancies: -50, overEstablishment: true });
    expect(over.years).toEqual([{ year: 2025, netIncrease: 262, newPosts: 262 }, { year: 2026, netIncrease: 262, newPosts: 262 }]);
  });
});

describe("the trend beside the plan", () => {
  it("each category's pace from the file's earlier years, and when each target would be reached at it", () => {
    const { category } = planOf([{ ...district, year: 2022, physicians: 80 }, district], { from: 2025, horizon: 2025 });
    // 80 → 100 in two years: 10 a year; 320 needs 220 more: 22 years, 2046
    expect(category("physicians").trend).toEqual({
      fromYear: 2022,
      toYear: 2024,
      pacePerYear: 10,
      targets: [{ target: "cn-physicians-per-1000-2025", required: 320, reachedYear: 2046 }],
    });
    // nurses did not move: never at that pace
    expect(category("nurses").trend!.targets[0]!.reachedYear).toBeNull();
  });
});
