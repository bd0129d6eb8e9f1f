import { describe, expect, it } from "vitest";
import { bundledCatalogue } from "../../src/catalogue/bundled.js";
import { institutionChecks } from "../../src/evaluate/engine.js";
import { readStatistics } from "../../src/read/reader.js";
import type { InstitutionCheckSpec } from "../../src/read/record.js";
import * as gap from "../../src/index.js";

const catalogue = bundledCatalogue();

// 呈贡区 (530114) has targets of its own for each community health centre; 东城区 (110101) has only the nation's.
// No row states the flags (TCM department …), so every row is unreported for those checks.
const CSV = [
  "行政区划代码,地区,年份,机构名称,机构类别,常住人口,公共卫生类别执业(助理)医师,执业(助理)医师,专业技术人员编制数",
  "530114,呈贡区,2024,,,400000,,,",
  "530114,呈贡区,2024,吴家营社区卫生服务中心,社区卫生服务中心,,0,5,30",
  "530114,呈贡区,2024,龙城社区卫生服务中心,社区卫生服务中心,,2,12,30",
  "530114,呈贡区,2024,大渔卫生院,乡镇卫生院,,0,8,",
  "110101,东城区,2024,,,700000,,,",
  "110101,东城区,2024,东华门社区卫生服务中心,社区卫生服务中心,,0,4,30",
  "110101,东城区,2024,景山社区卫生服务中心,社区卫生服务中心,,1,20,30",
  "",
].join("\n");

function read(checks: readonly InstitutionCheckSpec[]) {
  return readStatistics(CSV, { file: "two.csv", institutionChecks: checks });
}

describe("institution checks apply to their targets' regions", () => {
  it("carry each target's region, and of the templates only those selected", () => {
    const all = institutionChecks(catalogue);
    const none = institutionChecks(catalogue, { templates: [] });
    const template = catalogue.targets.find((t) => t.template !== undefined && all.some((c) => c.id === t.id))!;
    const one = institutionChecks(catalogue, { templates: [template.template!] });
    const templateIds = (checks: InstitutionCheckSpec[]) => checks.filter((c) => catalogue.targets.find((t) => t.id === c.id)!.template !== undefined).map((c) => c.id);
    expect(templateIds(none)).toEqual([]);
    expect(templateIds(one)).toEqual(catalogue.targets.filter((t) => t.template === template.template && all.some((c) => c.id === t.id)).map((t) => t.id));
    // without a selection, every template's checks (as before selections existed)
    expect(templateIds(all)).toEqual(expect.arrayContaining(templateIds(one)));
    expect(all.length).toBe(none.length + templateIds(all).length);
    // a template asked for applies to every region; the nation's checks name no region; 呈贡's name 530114
    for (const c of one.filter((c) => templateIds(one).includes(c.id))) expect(c.region).toBeUndefined();
    expect(none.find((c) => c.id === "cn-chc-public-health-physician-2025")!.region).toBeUndefined();
    expect(none.find((c) => c.id === "cg-chc-public-health-physician-2025")!.region).toBe("530114");
  });

  it("tally rows only in the regions they apply to, and give results only there", () => {
    const checks = institutionChecks(catalogue, { templates: [] });
    const regions = read(checks).regions;
    const chenggong = regions.find((r) => r.code === "530114")!;
    const dongcheng = regions.find((r) => r.code === "110101")!;
    const ownIds = checks.filter((c) => c.region === "530114").map((c) => c.id);
    expect(ownIds.length).toBeGreaterThan(0);
    for (const id of ownIds) {
      expect(chenggong.checks[id]).toBeDefined();
      expect(dongcheng.checks[id]).toBeUndefined();
    }
    // the nation's: counted alike in both, as when every check applies everywhere
    const national = "cn-chc-public-health-physician-2025";
    expect(chenggong.checks[national]).toMatchObject({ rows: 2, failing: 1, unreported: 0, shortfall: 1 });
    expect(dongcheng.checks[national]).toMatchObject({ rows: 2, failing: 1, unreported: 0, shortfall: 1 });
    expect(dongcheng.checks[national]!.examples).toEqual([{ name: "东华门社区卫生服务中心", unitType: "community_health_center", line: 7, value: 0 }]);
    // 呈贡's own check of the same figure: its two centres, one below
    expect(chenggong.checks["cg-chc-public-health-physician-2025"]).toMatchObject({ rows: 2, failing: 1, shortfall: 1 });
    // the same read without regions on the checks gives 东城 the same tallies for 呈贡's checks as 呈贡's rules would
    const everywhere = read(checks.map(({ region: _region, regionLevels: _levels, ...rest }) => rest));
    const dongchengEverywhere = everywhere.regions.find((r) => r.code === "110101")!;
    expect(Object.keys(dongchengEverywhere.checks).sort()).toEqual(checks.map((c) => c.id).sort());
    expect(dongchengEverywhere.checks[national]).toEqual(dongcheng.checks[national]);
  });

  it("honour a check's levels", () => {
    const checks: InstitutionCheckSpec[] = [
      { id: "county-only", metric: "public_health_physicians", min: 1, unitTypes: ["community_health_center"], regionLevels: ["county"] },
      { id: "municipal-only", metric: "public_health_physicians", min: 1, unitTypes: ["community_health_center"], region: "530000", regionLevels: ["municipal"] },
    ];
    for (const region of read(checks).regions) {
      expect(Object.keys(region.checks)).toEqual(["county-only"]);
    }
  });

  it("are checked by the library: a region code and known levels", () => {
    const base = { id: "x", metric: "public_health_physicians", min: 1, unitTypes: ["community_health_center"] };
    expect(() => gap.readStatistics(CSV, { file: "x.csv", institutionChecks: [{ ...base, region: "53" }] })).toThrow(/region.*6-digit/);
    expect(() => gap.readStatistics(CSV, { file: "x.csv", institutionChecks: [{ ...base, regionLevels: ["town" as "county"] }] })).toThrow(/regionLevels\[0\]/);
    expect(gap.readStatistics(CSV, { file: "x.csv", institutionChecks: [{ ...base, region: "530114", regionLevels: ["county"] }] }).regions.map((r) => [r.code, Object.keys(r.checks)])).toEqual([
      ["110101", []],
      ["530114", ["x"]],
    ]);
  });
});
