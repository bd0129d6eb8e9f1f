// What the reader makes of good files: the normalised RegionRecord the engine evaluates.
import { describe, expect, it } from "vitest";
import { subtotalLowerBound } from "../../src/evaluate/kinds/per-institution.js";
import { PUBLIC_HEALTH_PHYSICIAN_CHECKS, readFixture } from "./helpers.js";

const stated = (value: number) => ({ value, source: "stated", partial: false });
const summed = (value: number, partial = false) => ({ value, source: "summed", partial });
const derived = (value: number, partial = false) => ({ value, source: "derived", partial });

describe("normalised records", () => {
  it("sums institution rows into the region, derives grassroots and public-health staff", () => {
    const { regions, diagnostics } = readFixture("good-chenggong-utf8.csv", PUBLIC_HEALTH_PHYSICIAN_CHECKS);
    expect(diagnostics).toEqual([]);
    expect(regions).toHaveLength(1);
    const r = regions[0]!;
    expect(r).toMatchObject({ code: "530114", name: "呈贡区", year: 2024, line: 2, hasRegionRow: true });
    expect(r.figures).toEqual({
      population: stated(728600),
      rural_population: stated(96300),
      staff: summed(4346),
      health_technicians: summed(3767),
      physicians: summed(1281),
      assistant_physicians: summed(65),
      tcm_physicians: summed(187),
      public_health_physicians: summed(34),
      gps: summed(61),
      nurses: summed(1931),
      pharmacists: summed(134),
      // only village clinics report village doctors; the other rows leave the cell empty
      village_doctors: summed(4, true),
      // derived in the village clinic (village doctors + its physicians), then summed: other types never report it
      village_clinic_doctors: summed(6, true),
      // the private hospital, the stations and the clinics leave 编制数 empty
      establishment: summed(2841, true),
      // community health centres 96 + 64 + 58 + 12, village clinics 4 + 3
      grassroots_staff: derived(237),
      // CDC 74 + MCH 186
      public_health_staff: derived(260),
    });
    expect(Object.keys(r.byType)).toEqual([
      "cdc",
      "community_health_center",
      "mch",
      "other",
      "private_hospital",
      "public_hospital",
      "tcm_hospital",
      "village_clinic",
    ]);
    expect(r.byType.public_hospital).toMatchObject({
      unitType: "public_hospital",
      institutions: 3,
      institutionRows: 3,
      figures: { staff: summed(1486 + 968 + 712), physicians: summed(431 + 286 + 204), establishment: summed(1100 + 620 + 480) },
      flags: { has_tcm_department: { yes: 3, no: 0, unreported: 0 }, provides_tcm: { yes: 3, no: 0, unreported: 0 } },
    });
    expect(r.byType.public_hospital!.subtotalLine).toBeUndefined();
    expect(r.byType.community_health_center!.flags).toMatchObject({
      has_tcm_department: { yes: 4, no: 0, unreported: 0 },
      has_tcm_pharmacy: { yes: 2, no: 2, unreported: 0 },
      // a flag column the file does not have: every row unreported
      has_tcm_capable_doctor: { yes: 0, no: 0, unreported: 4 },
    });
    // community health centres without a public-health physician, in file order
    expect(r.checks["chc-public-health-physician"]).toMatchObject({
      rows: 4,
      failing: 2,
      unreported: 0,
      shortfall: 2,
      subtotals: [],
    });
    expect(r.checks["chc-public-health-physician"]!.examples.map((e) => [e.line, e.value, e.unitType])).toEqual([
      [11, 0, "community_health_center"],
      [15, 0, "community_health_center"],
    ]);
    // no township hospitals in 呈贡区's file: nothing to check
    expect(r.checks["township-public-health-physician"]).toMatchObject({ rows: 0, failing: 0, examples: [], subtotals: [] });
  });

  it("takes subtotal rows as stated figures and bounds the per-institution check from them", () => {
    // 12 township hospitals with 9 public-health physicians: at least 3 have none
    const { regions, diagnostics } = readFixture("good-subtotals.csv", PUBLIC_HEALTH_PHYSICIAN_CHECKS);
    expect(diagnostics).toEqual([]);
    const r = regions[0]!;
    expect(r.byType.township_hospital).toEqual({
      unitType: "township_hospital",
      institutions: 12,
      institutionRows: 0,
      subtotalLine: 3,
      figures: {
        staff: stated(412),
        health_technicians: stated(356),
        physicians: stated(61),
        assistant_physicians: stated(9),
        tcm_physicians: stated(8),
        public_health_physicians: stated(9),
        gps: stated(18),
        nurses: stated(102),
      },
      flags: {},
    });
    expect(r.byType.village_clinic).toMatchObject({ institutions: 68, institutionRows: 0, subtotalLine: 4 });
    expect(r.checks["township-public-health-physician"]).toEqual({
      ...PUBLIC_HEALTH_PHYSICIAN_CHECKS[0],
      rows: 0,
      failing: 0,
      unreported: 0,
      shortfall: 0,
      examples: [],
      subtotals: [{ unitType: "township_hospital", line: 3, institutions: 12, value: 9 }],
    });
    // with 9 physicians spread as well as possible over 12 hospitals, at least 3 have none
    expect(subtotalLowerBound(r.checks["township-public-health-physician"]!.subtotals, 1)).toEqual({ institutions: 12, failingAtLeast: 3, shortfallAtLeast: 3 });
    expect(r.figures).toMatchObject({
      population: stated(146800),
      staff: summed(412 + 156 + 530 + 210 + 48 + 96),
      public_health_physicians: summed(9 + 0 + 1 + 0 + 15 + 1),
      grassroots_staff: derived(412 + 156),
      public_health_staff: derived(48 + 96),
    });
  });

  it("reads 小计 rows of an institution type as that type's subtotal", () => {
    const { regions, diagnostics } = readFixture("good-subtotal-labelled.csv", PUBLIC_HEALTH_PHYSICIAN_CHECKS);
    expect(diagnostics).toEqual([]); // the 合计 row, 1308 staff, matches hospitals 530 + 210 and subtotals 412 + 156
    const r = regions[0]!;
    expect(r.byType.township_hospital).toMatchObject({ institutions: 12, institutionRows: 0, subtotalLine: 5, figures: { staff: stated(412) } });
    expect(r.byType.village_clinic).toMatchObject({ institutions: 68, subtotalLine: 6 });
    expect(r.figures.staff).toEqual(summed(1308));
    expect(r.checks["township-public-health-physician"]!.subtotals).toEqual([{ unitType: "township_hospital", line: 5, institutions: 12, value: 9 }]);
  });

  it("marks figures that some rows left empty as partial, and tallies flags with the unreported", () => {
    const checks = [
      ...PUBLIC_HEALTH_PHYSICIAN_CHECKS,
      { id: "chc-gps", metric: "gps", min: 10, unitTypes: ["community_health_center"] },
    ];
    const { regions, diagnostics } = readFixture("good-partial.csv", checks);
    // assistant physicians 11 (partial) vs physicians 52 (partial): no subset error on partial totals
    expect(diagnostics).toEqual([]);
    const r = regions[0]!;
    expect(r.figures).toMatchObject({
      physicians: summed(33 + 19, true),
      assistant_physicians: summed(6 + 5, true),
      gps: summed(11 + 7, true),
      nurses: summed(30 + 21 + 18),
      grassroots_staff: derived(96 + 64 + 58),
    });
    expect(r.byType.community_health_center!.flags.has_tcm_department).toEqual({ yes: 1, no: 1, unreported: 1 });
    expect(r.checks["chc-public-health-physician"]).toMatchObject({ rows: 3, failing: 1, unreported: 0, shortfall: 1 });
    expect(r.checks["chc-gps"]).toMatchObject({ rows: 3, failing: 1, unreported: 1, shortfall: 3 });
    expect(r.checks["chc-gps"]!.examples).toEqual([
      { name: "斗南街道社区卫生服务中心", unitType: "community_health_center", line: 4, value: 7 },
      { name: "洛龙街道社区卫生服务中心", unitType: "community_health_center", line: 5, value: null },
    ]);
  });

  it("reads every accepted spelling of yes and no", () => {
    const { regions, diagnostics } = readFixture("good-flags.csv");
    expect(diagnostics).toEqual([]);
    const centres = regions[0]!.byType.community_health_center!;
    expect(centres.institutionRows).toBe(9);
    expect(centres.flags.has_tcm_department).toEqual({ yes: 4, no: 4, unreported: 1 }); // 是 TRUE T 设 / 否 False f 未设
    expect(centres.flags.has_tcm_pharmacy).toEqual({ yes: 4, no: 4, unreported: 1 }); // 有 Yes √ 已设 / 无 NO × 没有
    expect(centres.flags.provides_tcm).toEqual({ yes: 6, no: 3, unreported: 0 }); // 1 y ✓ " 是 " ＹＥＳ １ / 0 n ✗
    expect(regions[0]!.byType.community_health_station!.flags.provides_tcm).toEqual({ yes: 1, no: 0, unreported: 0 });
    // flags are per institution: no figure for them
    expect(Object.keys(regions[0]!.figures)).toEqual(["population"]);
  });

  it("reads thousands separators, full-width digits and padded cells", () => {
    const { regions, diagnostics } = readFixture("good-count-forms.csv");
    expect(diagnostics).toEqual([]);
    expect(regions[0]!.figures).toEqual({
      population: stated(728600), // " 728,600 "
      rural_population: stated(96300), // ９６３００
      staff: summed(1486 + 968), // "1,486", "968 "
      health_technicians: summed(1302 + 842), // "1，302" (full-width comma), "  842"
      physicians: summed(431 + 286), // ４３１, 286.0
      assistant_physicians: summed(6 + 11), // "　6　" (ideographic spaces)
      tcm_physicians: summed(38 + 27),
      public_health_physicians: summed(0 + 3), // +0
      gps: summed(12 + 9),
      nurses: summed(702 + 451), // "702.00"
    });
  });

  it("treats cells holding only no-break spaces as empty", () => {
    const { regions } = readFixture("good-nbsp-blank.csv");
    expect(regions[0]!.figures.nurses).toEqual(summed(451));
    expect(regions[0]!.byType.public_hospital!.flags.has_tcm_department).toEqual({ yes: 0, no: 0, unreported: 1 });
  });

  it("keeps each year of a multi-year file apart", () => {
    const { regions } = readFixture("good-multi-year.csv");
    expect(regions.map((r) => [r.year, r.line, r.figures.staff, r.figures.population?.value])).toEqual([
      [2022, 2, stated(3980), 691600],
      [2023, 3, stated(4350), 713300],
      [2024, 4, summed(1360), 728600],
    ]);
  });

  it("sorts the regions of a province file by code and year", () => {
    const { regions } = readFixture("good-multi-county.csv");
    expect(regions.map((r) => [r.code, r.name, r.line])).toEqual([
      ["530102", "五华区", 3],
      ["530103", "盘龙区", 4],
      ["530114", "呈贡区", 2],
      ["530124", "富民县", 5],
    ]);
    expect(regions[1]!.figures.physicians).toEqual(stated(3980));
  });

  it("reads the national row 000000 and its figures in the hundreds of millions", () => {
    const { regions } = readFixture("good-national.csv");
    expect(regions[0]).toMatchObject({ code: "000000", name: "全国", year: 2023 });
    expect(regions[0]!.figures.population).toEqual(stated(1_409_670_000));
    expect(regions[0]!.figures.staff).toEqual(stated(15_237_000));
  });

  it("reads English headers in any order, `region` as a region row and English type names in any case", () => {
    const { regions, stats } = readFixture("good-english-headers.csv");
    expect(stats.columns.slice(0, 4)).toEqual(["year", "region_code", "unit_type", "unit"]);
    expect(regions[0]!.hasRegionRow).toBe(true);
    expect(regions[0]!.byType.village_clinic).toMatchObject({ institutionRows: 2, figures: { village_doctors: summed(4) } });
  });

  it("does not count a 合计 row that repeats the sum", () => {
    const { regions, stats } = readFixture("good-total-row.csv");
    expect(stats).toMatchObject({ rows: 4, regionRows: 1, institutionRows: 2, totalRows: 1 });
    expect(regions[0]!.figures).toMatchObject({ staff: summed(1360), physicians: summed(404), nurses: summed(614) });
  });

  it("ignores trailing empty header cells and the empty cells under them, and rows of empty cells", () => {
    // the same three rows as good-total-row.csv without its 合计 row
    const reference = readFixture("good-total-row.csv").regions;
    expect(readFixture("good-header-trailing-blank.csv").regions).toEqual(reference);
    // the region row is line 4 there, after an empty row, the header and another empty row
    const excel = readFixture("excel-blank-rows.csv").regions;
    expect(excel.map((r) => r.line)).toEqual([4]);
    expect(excel.map((r) => ({ ...r, line: 2 }))).toEqual(reference);
  });
});
