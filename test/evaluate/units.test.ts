// Targets about each unit (单位, 每个) are evaluated institution by institution, from the file's institution rows:
// a sum across institutions can hide one that fails. 执业医师 is derived per row where the row does not give it.
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/index.js";

const csv = [
  "行政区划代码,地区,年份,机构名称,机构类别,常住人口,执业(助理)医师,执业助理医师,专业技术人员编制数,卫生人员",
  "530114,呈贡区,2024,,,728600,,,,",
  // 30% of 40 posts is 12: 12 is exactly enough
  "530114,呈贡区,2024,甲街道社区卫生服务中心,社区卫生服务中心,,12,1,40,60",
  // 8 of 40 posts is 20%: 4 short of 12, though the three centres together have 50 physicians for 120 posts (41.7%)
  "530114,呈贡区,2024,乙街道社区卫生服务中心,社区卫生服务中心,,8,0,40,50",
  // 30% of 33 posts is 9.9: 10 needed, 9 is 1 short (rounded up in whole people)
  '530114,呈贡区,2024,"丙街道\n社区卫生服务中心",社区卫生服务中心,,9,0,33,50',
  // 3 physicians, all assistants: no 执业医师
  "530114,呈贡区,2024,大渔乡卫生院,乡镇卫生院,,3,3,,20",
  "530114,呈贡区,2024,七甸乡卫生院,乡镇卫生院,,5,2,,25",
].join("\n");

const report = checkText(csv, { file: "units.csv" });
const byId = (id: string) => report.regions[0]!.results.find((r) => r.target === id)!;

describe("per institution", () => {
  it("physicians ≥ 30% of each centre's own technical posts: 乙 and 丙 fail, 5 physicians short, though the sum passes", () => {
    const r = byId("cg-chc-physician-share-2025");
    expect(r.status).toBe("short");
    expect(r.failingInstitutions?.examples.map((x) => x.name)).toEqual(["乙街道社区卫生服务中心", "丙街道\n社区卫生服务中心"]);
    expect(r.shortfall).toEqual({ metric: "physicians", count: 5 });
    expect([r.current, r.required]).toEqual([1, 3]);
  });

  it("one licensed physician (not assistant) in every township hospital: 大渔 has 3 − 3 = 0", () => {
    const r = byId("cn-township-hospital-physician-2024");
    expect(r.status).toBe("overdue");
    expect(r.failingInstitutions?.examples).toEqual([{ name: "大渔乡卫生院", unitType: "township_hospital", line: 7, value: 0 }]);
    expect(r.shortfall).toEqual({ metric: "practising_physicians", count: 1 });
  });
});
