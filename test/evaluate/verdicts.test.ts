// One table per kind of target: every comparator against a figure below, within (at both edges) and above its band,
// with the status, the people short and the gap worked out by hand. The band → status rule is the same for every kind:
//   at least: below short · within met · above met          at most: below met · within met · above short
//   about (±5%): below short · within met · above met (a remark)   range: below short · within met · above above_range
// Shortfalls and gaps are measured to the band's edge (for about, v × 0.95 or v × 1.05), never to the nominal figure.
import { describe, expect, it } from "vitest";
import type { Catalogue } from "../../src/catalogue/catalogue.js";
import type { Target } from "../../src/catalogue/schema.js";
import { hasFindings } from "../../src/check.js";
import { evaluateRegion } from "../../src/evaluate/engine.js";
import type { Evaluation } from "../../src/evaluate/types.js";
import { gap } from "../../src/i18n/labels.js";
import type { InstitutionCheckResult, RegionRecord, TypeAggregate } from "../../src/read/record.js";

const catalogue: Catalogue = { version: "test", published: "2026-01-01", aboutTolerance: 0.05, targets: [], origin: new Map() };

type Comparator = "at_least" | "at_most" | "about" | "range";

function record(year: number, figures: Record<string, number>, byType: Record<string, TypeAggregate> = {}, checks: Record<string, InstitutionCheckResult> = {}): RegionRecord {
  return {
    code: "530114",
    name: "test",
    year,
    line: 2,
    hasRegionRow: true,
    figures: Object.fromEntries(Object.entries(figures).map(([k, value]) => [k, { value, source: "stated" as const, partial: false }])),
    byType,
    checks,
  };
}

const common = { level: "county", region: "530114", year: 2025, binding: "binding", title: { zh: "测试", en: "test" }, provenance: { document: "003", section: "一", locator: "测试" } } as const;

function evaluate(target: Target, region: RegionRecord, history: RegionRecord[] = []): Evaluation {
  return evaluateRegion(region, [target], catalogue, history)[0]!;
}

/** status, people short (0: nobody), and the gap in the target's unit as text (undefined: none) */
function outcome(e: Evaluation, places: number) {
  return { status: e.status, short: e.shortfall?.count ?? 0, gap: gap(e)?.toFixed(places) };
}

interface Row {
  comparator: Comparator;
  value: number;
  max?: number;
  /** the figure the row varies */
  figure: number;
  status: string;
  short: number;
  gap?: string;
}

describe("density: physicians per 1,000 of 10,000 people (of 20,000 for about, so its edges are whole people)", () => {
  const rows: Row[] = [
    { comparator: "at_least", value: 3.2, figure: 31, status: "short", short: 1, gap: "0.10" },
    { comparator: "at_least", value: 3.2, figure: 32, status: "met", short: 0 },
    { comparator: "at_least", value: 3.2, figure: 40, status: "met", short: 0 },
    { comparator: "at_most", value: 3.2, figure: 31, status: "met", short: 0 },
    { comparator: "at_most", value: 3.2, figure: 32, status: "met", short: 0 },
    // too many people for a ceiling: short, but hiring closes nothing
    { comparator: "at_most", value: 3.2, figure: 33, status: "short", short: 0, gap: "0.10" },
    // about 3.0 is 2.85–3.15: 56 of 20,000 is 2.80, and 57 (2.85, the edge) is met, not 60 (the nominal)
    { comparator: "about", value: 3, figure: 56, status: "short", short: 1, gap: "0.05" },
    { comparator: "about", value: 3, figure: 57, status: "met", short: 0 },
    { comparator: "about", value: 3, figure: 63, status: "met", short: 0 },
    { comparator: "about", value: 3, figure: 64, status: "met", short: 0 },
    { comparator: "range", value: 2.5, max: 3, figure: 24, status: "short", short: 1, gap: "0.10" },
    { comparator: "range", value: 2.5, max: 3, figure: 25, status: "met", short: 0 },
    { comparator: "range", value: 2.5, max: 3, figure: 30, status: "met", short: 0 },
    { comparator: "range", value: 2.5, max: 3, figure: 31, status: "above_range", short: 0, gap: "0.10" },
  ];
  it.each(rows)("$comparator $value–$max with $figure physicians: $status, $short short", (row) => {
    const population = row.comparator === "about" ? 20000 : 10000;
    const target = { ...common, id: "t", kind: "density", metric: "physicians", per: 1000, basis: "population", comparator: row.comparator, value: row.value, ...(row.max ? { max: row.max } : {}) } as Target;
    expect(outcome(evaluate(target, record(2024, { population, physicians: row.figure })), 2)).toEqual({ status: row.status, short: row.short, gap: row.gap });
  });

  it("says when a figure is above about's band, and that a range's excess asks for nobody", () => {
    const about = { ...common, id: "t", kind: "density", metric: "physicians", per: 1000, basis: "population", comparator: "about", value: 3 } as Target;
    expect(evaluate(about, record(2024, { population: 20000, physicians: 64 })).remarks.map((r) => r.kind)).toEqual(["above-band"]);
    const range = { ...about, comparator: "range", value: 2.5, max: 3 } as Target;
    expect(evaluate(range, record(2024, { population: 10000, physicians: 31 })).remarks.map((r) => r.kind)).toEqual(["above-range"]);
  });
});

describe("ratio: registered nurses per physician, 100 physicians", () => {
  const rows: Row[] = [
    { comparator: "at_least", value: 1.2, figure: 119, status: "short", short: 1, gap: "0.01" },
    { comparator: "at_least", value: 1.2, figure: 120, status: "met", short: 0 },
    { comparator: "at_least", value: 1.2, figure: 150, status: "met", short: 0 },
    { comparator: "at_most", value: 1.2, figure: 119, status: "met", short: 0 },
    { comparator: "at_most", value: 1.2, figure: 120, status: "met", short: 0 },
    // 121 nurses: ⌈121 / 1.2⌉ = 101 physicians, 1 more
    { comparator: "at_most", value: 1.2, figure: 121, status: "short", short: 1, gap: "0.01" },
    // about 1:2 is 1:1.9–1:2.1: at 1:1.89 one nurse reaches 1:1.9 (not 11 to reach 1:2)
    { comparator: "about", value: 2, figure: 189, status: "short", short: 1, gap: "0.01" },
    { comparator: "about", value: 2, figure: 190, status: "met", short: 0 },
    { comparator: "about", value: 2, figure: 210, status: "met", short: 0 },
    // 1:2.3 has more nurses than about 1:2 asks: met, nobody to hire (it once asked for 15 physicians)
    { comparator: "about", value: 2, figure: 230, status: "met", short: 0 },
    { comparator: "range", value: 1, max: 1.5, figure: 99, status: "short", short: 1, gap: "0.01" },
    { comparator: "range", value: 1, max: 1.5, figure: 100, status: "met", short: 0 },
    { comparator: "range", value: 1, max: 1.5, figure: 150, status: "met", short: 0 },
    { comparator: "range", value: 1, max: 1.5, figure: 151, status: "above_range", short: 0, gap: "0.01" },
  ];
  it.each(rows)("$comparator $value–$max with $figure nurses: $status, $short short", (row) => {
    const target = { ...common, id: "t", kind: "ratio", metric: "nurses", of: "physicians", comparator: row.comparator, value: row.value, ...(row.max ? { max: row.max } : {}) } as Target;
    expect(outcome(evaluate(target, record(2024, { physicians: 100, nurses: row.figure })), 2)).toEqual({ status: row.status, short: row.short, gap: row.gap });
  });
});

describe("share: a part of a whole it belongs to (hiring the part grows the whole)", () => {
  interface ShareRow extends Row {
    whole: number;
  }
  const rows: ShareRow[] = [
    // (75 − 74) / (1 − 0.75) = 4: 78 / 104 = 75%
    { comparator: "at_least", value: 75, whole: 100, figure: 74, status: "short", short: 4, gap: "1.0" },
    { comparator: "at_least", value: 75, whole: 100, figure: 75, status: "met", short: 0 },
    { comparator: "at_least", value: 75, whole: 100, figure: 90, status: "met", short: 0 },
    { comparator: "at_most", value: 15, whole: 100, figure: 14, status: "met", short: 0 },
    { comparator: "at_most", value: 15, whole: 100, figure: 15, status: "met", short: 0 },
    // 16 / 0.15 − 100 = 6.67 → 7 others: 16 / 107 = 14.95%
    { comparator: "at_most", value: 15, whole: 100, figure: 16, status: "short", short: 7, gap: "1.0" },
    // about 45% is 42.75–47.25%: (42.75 − 42) / (1 − 0.4275) = 1.31 → 2 (44 / 102 = 43.1%; to the nominal it would be 6)
    { comparator: "about", value: 45, whole: 100, figure: 42, status: "short", short: 2, gap: "0.8" },
    { comparator: "about", value: 45, whole: 400, figure: 171, status: "met", short: 0 },
    { comparator: "about", value: 45, whole: 400, figure: 189, status: "met", short: 0 },
    // 60% licensed against about 45%: met (it once asked for 4 more staff)
    { comparator: "about", value: 45, whole: 100, figure: 60, status: "met", short: 0 },
    { comparator: "range", value: 75, max: 80, whole: 1000, figure: 749, status: "short", short: 4, gap: "0.1" },
    { comparator: "range", value: 75, max: 80, whole: 1000, figure: 750, status: "met", short: 0 },
    { comparator: "range", value: 75, max: 80, whole: 1000, figure: 800, status: "met", short: 0 },
    // 80.1% against 75–80%: shown, nobody missing
    { comparator: "range", value: 75, max: 80, whole: 1000, figure: 801, status: "above_range", short: 0, gap: "0.1" },
  ];
  it.each(rows)("$comparator $value–$max: $figure of $whole is $status, $short short", (row) => {
    const target = { ...common, id: "t", kind: "share", metric: "health_technicians", of: "staff", partOfWhole: true, comparator: row.comparator, value: row.value, ...(row.max ? { max: row.max } : {}) } as Target;
    expect(outcome(evaluate(target, record(2024, { staff: row.whole, health_technicians: row.figure })), 1)).toEqual({ status: row.status, short: row.short, gap: row.gap });
  });
});

describe("total: physicians in the target's own region", () => {
  const rows: Row[] = [
    { comparator: "at_least", value: 100, figure: 99, status: "short", short: 1, gap: "1" },
    { comparator: "at_least", value: 100, figure: 100, status: "met", short: 0 },
    { comparator: "at_least", value: 100, figure: 120, status: "met", short: 0 },
    { comparator: "at_most", value: 100, figure: 99, status: "met", short: 0 },
    { comparator: "at_most", value: 100, figure: 100, status: "met", short: 0 },
    { comparator: "at_most", value: 100, figure: 101, status: "short", short: 0, gap: "1" },
    { comparator: "about", value: 100, figure: 94, status: "short", short: 1, gap: "1" },
    { comparator: "about", value: 100, figure: 95, status: "met", short: 0 },
    { comparator: "about", value: 100, figure: 105, status: "met", short: 0 },
    { comparator: "about", value: 100, figure: 106, status: "met", short: 0 },
    { comparator: "range", value: 90, max: 110, figure: 89, status: "short", short: 1, gap: "1" },
    { comparator: "range", value: 90, max: 110, figure: 90, status: "met", short: 0 },
    { comparator: "range", value: 90, max: 110, figure: 110, status: "met", short: 0 },
    { comparator: "range", value: 90, max: 110, figure: 111, status: "above_range", short: 0, gap: "1" },
  ];
  it.each(rows)("$comparator $value–$max with $figure: $status, $short short", (row) => {
    const target = { ...common, id: "t", kind: "total", metric: "physicians", comparator: row.comparator, value: row.value, ...(row.max ? { max: row.max } : {}) } as Target;
    expect(outcome(evaluate(target, record(2024, { physicians: row.figure })), 0)).toEqual({ status: row.status, short: row.short, gap: row.gap });
  });
});

describe("growth: grassroots staff a year, from the year before in the file (1,000 then)", () => {
  const rows: Row[] = [
    { comparator: "at_least", value: 5, figure: 1049, status: "short", short: 1, gap: "0.1" },
    { comparator: "at_least", value: 5, figure: 1050, status: "met", short: 0 },
    { comparator: "at_least", value: 5, figure: 1200, status: "met", short: 0 },
    { comparator: "at_most", value: 5, figure: 1049, status: "met", short: 0 },
    { comparator: "at_most", value: 5, figure: 1050, status: "met", short: 0 },
    { comparator: "at_most", value: 5, figure: 1051, status: "short", short: 0, gap: "0.1" },
    // about +5% is 4.75–5.25%: 1,000 × 1.0475 = 1,047.5 → 1,048
    { comparator: "about", value: 5, figure: 1047, status: "short", short: 1, gap: "0.1" },
    { comparator: "about", value: 5, figure: 1048, status: "met", short: 0 },
    { comparator: "about", value: 5, figure: 1052, status: "met", short: 0 },
    // +14.3% against about +5% a year: met (it was once short, the previous year unseen)
    { comparator: "about", value: 5, figure: 1143, status: "met", short: 0 },
    { comparator: "range", value: 3, max: 5, figure: 1029, status: "short", short: 1, gap: "0.1" },
    { comparator: "range", value: 3, max: 5, figure: 1030, status: "met", short: 0 },
    { comparator: "range", value: 3, max: 5, figure: 1050, status: "met", short: 0 },
    { comparator: "range", value: 3, max: 5, figure: 1051, status: "above_range", short: 0, gap: "0.1" },
  ];
  it.each(rows)("$comparator $value–$max% with 1,000 → $figure: $status, $short short", (row) => {
    const target = { ...common, id: "t", kind: "growth", metric: "grassroots_staff", comparator: row.comparator, value: row.value, ...(row.max ? { max: row.max } : {}) } as Target;
    const e = evaluate(target, record(2024, { grassroots_staff: row.figure }), [record(2023, { grassroots_staff: 1000 })]);
    expect(outcome(e, 1)).toEqual({ status: row.status, short: row.short, gap: row.gap });
  });

  it("three years: 2022 has no year before it, 2023 grew 14.3% (met), 2024 grew 0.6% and is 48 short of 4.75% on 1,143", () => {
    const target = { ...common, id: "t", kind: "growth", metric: "grassroots_staff", comparator: "about", value: 5 } as Target;
    const years = [record(2022, { grassroots_staff: 1000 }), record(2023, { grassroots_staff: 1143 }), record(2024, { grassroots_staff: 1150 })];
    const results = years.map((r, i) => evaluate(target, r, years.slice(0, i).reverse()));
    expect(results.map((e) => e.status)).toEqual(["not_assessed", "met", "short"]);
    expect(results[0]!.remarks.map((r) => r.kind)).toContain("needs-history");
    expect(results[1]!.current!.toFixed(1)).toBe("14.3");
    // 1,143 × 1.0475 = 1,197.29 → 1,198, 48 more than 1,150
    expect(results[2]!.shortfall).toEqual({ metric: "grassroots_staff", count: 48 });
    expect(results[2]!.current!.toFixed(2)).toBe("0.61");
  });

  it("a gap year in the file is no year before: 2022 then 2024 cannot say how 2024 grew", () => {
    const target = { ...common, id: "t", kind: "growth", metric: "grassroots_staff", comparator: "about", value: 5 } as Target;
    expect(evaluate(target, record(2024, { grassroots_staff: 1100 }), [record(2022, { grassroots_staff: 1000 })]).status).toBe("not_assessed");
  });
});

describe("flow: net increase of GPs a year, from 100 the year before", () => {
  const rows: Row[] = [
    { comparator: "at_least", value: 2, figure: 101, status: "short", short: 1, gap: "1" },
    { comparator: "at_least", value: 2, figure: 102, status: "met", short: 0 },
    { comparator: "at_least", value: 2, figure: 110, status: "met", short: 0 },
    { comparator: "at_most", value: 2, figure: 101, status: "met", short: 0 },
    { comparator: "at_most", value: 2, figure: 102, status: "met", short: 0 },
    { comparator: "at_most", value: 2, figure: 103, status: "short", short: 0, gap: "1" },
    // about 10 is 9.5–10.5: +9 needs 1 more (to 9.5, rounded up to 10 people)
    { comparator: "about", value: 10, figure: 109, status: "short", short: 1, gap: "1" },
    { comparator: "about", value: 10, figure: 110, status: "met", short: 0 },
    { comparator: "about", value: 10, figure: 112, status: "met", short: 0 },
    { comparator: "range", value: 30, max: 50, figure: 129, status: "short", short: 1, gap: "1" },
    { comparator: "range", value: 30, max: 50, figure: 130, status: "met", short: 0 },
    { comparator: "range", value: 30, max: 50, figure: 150, status: "met", short: 0 },
    { comparator: "range", value: 30, max: 50, figure: 151, status: "above_range", short: 0, gap: "1" },
  ];
  it.each(rows)("$comparator $value–$max with 100 → $figure: $status, $short short", (row) => {
    const target = { ...common, id: "t", kind: "flow", flow: "net_increase", metric: "gps", comparator: row.comparator, value: row.value, ...(row.max ? { max: row.max } : {}) } as Target;
    const e = evaluate(target, record(2024, { gps: row.figure }), [record(2023, { gps: 100 })]);
    expect(outcome(e, 0)).toEqual({ status: row.status, short: row.short, gap: row.gap });
  });

  it("recruits: a net increase within or above the band is a lower bound that judges them; one below cannot", () => {
    const target = { ...common, id: "t", kind: "flow", flow: "recruits", metric: "grassroots_staff", comparator: "range", value: 30, max: 50 } as Target;
    const previous = [record(2023, { grassroots_staff: 1000 })];
    expect(evaluate(target, record(2024, { grassroots_staff: 1040 }), previous).status).toBe("met");
    expect(evaluate(target, record(2024, { grassroots_staff: 1051 }), previous).status).toBe("above_range");
    expect(evaluate(target, record(2024, { grassroots_staff: 1020 }), previous).status).toBe("not_assessed");
  });

  it("a cumulative figure (about 100 by 2024, from 2022) is judged from the stock at the end of 2021", () => {
    const target = {
      ...common,
      id: "t",
      kind: "flow",
      flow: "recruits",
      metric: "grassroots_staff",
      comparator: "range",
      value: 30,
      max: 50,
      horizon: { phrase: "通过5年时间", from: "2022-01-01" },
      cumulative: { value: 100, by: 2024 },
    } as Target;
    const years = [record(2021, { grassroots_staff: 1000 }), record(2022, { grassroots_staff: 1035 }), record(2023, { grassroots_staff: 1070 })];
    const e = evaluate(target, record(2024, { grassroots_staff: 1102 }), years.slice().reverse());
    expect(e.remarks).toContainEqual({ kind: "cumulative", from: 2021, to: 2024, added: 102, value: 100, met: true });
  });
});

describe("institution share: village clinics providing TCM, 10 institution rows", () => {
  const rows: Row[] = [
    { comparator: "at_least", value: 90, figure: 8, status: "short", short: 1, gap: "10.0" },
    { comparator: "at_least", value: 90, figure: 9, status: "met", short: 0 },
    { comparator: "at_least", value: 90, figure: 10, status: "met", short: 0 },
    { comparator: "at_most", value: 50, figure: 4, status: "met", short: 0 },
    { comparator: "at_most", value: 50, figure: 5, status: "met", short: 0 },
    { comparator: "at_most", value: 50, figure: 6, status: "short", short: 0, gap: "10.0" },
    // about 50% is 47.5–52.5%: 4 of 10 needs ⌈4.75⌉ = 5
    { comparator: "about", value: 50, figure: 4, status: "short", short: 1, gap: "7.5" },
    { comparator: "about", value: 50, figure: 5, status: "met", short: 0 },
    { comparator: "about", value: 50, figure: 6, status: "met", short: 0 },
    { comparator: "range", value: 40, max: 60, figure: 3, status: "short", short: 1, gap: "10.0" },
    { comparator: "range", value: 40, max: 60, figure: 4, status: "met", short: 0 },
    { comparator: "range", value: 40, max: 60, figure: 6, status: "met", short: 0 },
    { comparator: "range", value: 40, max: 60, figure: 7, status: "above_range", short: 0, gap: "10.0" },
  ];
  it.each(rows)("$comparator $value–$max% with $figure of 10: $status, $short short", (row) => {
    const target = { ...common, id: "t", kind: "institution_share", flag: "provides_tcm", scope: { unitTypes: ["village_clinic"] }, comparator: row.comparator, value: row.value, ...(row.max ? { max: row.max } : {}) } as Target;
    const clinics: TypeAggregate = { unitType: "village_clinic", institutions: 10, institutionRows: 10, figures: {}, flags: { provides_tcm: { yes: row.figure, no: 10 - row.figure, unreported: 0 } } };
    expect(outcome(evaluate(target, record(2024, {}, { village_clinic: clinics })), 1)).toEqual({ status: row.status, short: row.short, gap: row.gap });
  });
});

describe("per institution: at least 1 public-health physician in each community health centre (at least only)", () => {
  const check = (failing: number, shortfall: number, unreported = 0): InstitutionCheckResult => ({
    id: "t",
    metric: "public_health_physicians",
    min: 1,
    unitTypes: ["community_health_center"],
    rows: 5,
    failing,
    unreported,
    shortfall,
    examples: failing ? [{ name: "乙中心", unitType: "community_health_center", line: 4, value: 0 }] : [],
    subtotals: [],
  });
  const target = { ...common, id: "t", kind: "per_institution", metric: "public_health_physicians", comparator: "at_least", value: 1, scope: { unitTypes: ["community_health_center"] } } as Target;
  it.each([
    { name: "one centre without: short, it is named", c: check(1, 1), status: "short", short: 1 },
    { name: "every centre with exactly one: met", c: check(0, 0), status: "met", short: 0 },
    { name: "a centre not reporting: not assessed", c: check(0, 0, 1), status: "not_assessed", short: 0 },
  ])("$name", ({ c, status, short }) => {
    const e = evaluate(target, record(2024, {}, {}, { t: c }));
    expect(e.status).toBe(status);
    expect(e.shortfall?.count ?? 0).toBe(short);
    if (short) expect(e.failing?.examples.map((x) => x.name)).toEqual(["乙中心"]);
  });
});

describe("binding, dates and benchmarks", () => {
  const density = { ...common, id: "t", kind: "density", metric: "physicians", per: 1000, basis: "population", comparator: "at_least", value: 3.2 } as Target;
  const short = record(2024, { population: 10000, physicians: 31 });
  it("a binding target short in or after its year is overdue", () => {
    expect(evaluate(density, { ...short, year: 2025 }).status).toBe("overdue");
  });
  it("a non-binding one is advisory, with its people", () => {
    const e = evaluate({ ...density, binding: "advisory" } as Target, short);
    expect([e.status, e.shortfall?.count]).toEqual(["advisory", 1]);
  });
  it("a benchmark shows its gap in the target's unit and asks for nobody", () => {
    const e = evaluate({ ...density, binding: "benchmark" } as Target, short);
    expect(outcome(e, 2)).toEqual({ status: "benchmark", short: 0, gap: "0.10" });
  });
  it("a benchmark reached is met", () => {
    expect(evaluate({ ...density, binding: "benchmark" } as Target, record(2024, { population: 10000, physicians: 40 })).status).toBe("met");
  });
});

describe("what fails a run (--fail-on)", () => {
  const counts = (c: Partial<Record<string, number>>) =>
    ({ met: 0, short: 0, overdue: 0, advisory: 0, above_range: 0, benchmark: 0, context: 0, not_assessed: 0, info: 0, ...c }) as Parameters<typeof hasFindings>[0]["counts"];
  it.each([
    { c: { short: 1 }, shortfall: true, advisory: true, none: false },
    { c: { overdue: 1 }, shortfall: true, advisory: true, none: false },
    { c: { advisory: 1 }, shortfall: false, advisory: true, none: false },
    { c: { above_range: 1 }, shortfall: false, advisory: true, none: false },
    { c: { benchmark: 3 }, shortfall: false, advisory: false, none: false },
    { c: { context: 7 }, shortfall: false, advisory: false, none: false },
    { c: { not_assessed: 2, met: 5, info: 1 }, shortfall: false, advisory: false, none: false },
  ])("$c", ({ c, shortfall, advisory, none }) => {
    expect(hasFindings({ counts: counts(c) }, "shortfall")).toBe(shortfall);
    expect(hasFindings({ counts: counts(c) }, "advisory")).toBe(advisory);
    expect(hasFindings({ counts: counts(c) }, "none")).toBe(none);
  });
});
