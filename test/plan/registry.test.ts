import { describe, expect, it } from "vitest";
import metrics from "../../data/metrics.json" with { type: "json" };
import unitTypes from "../../data/unit-types.json" with { type: "json" };
import { metricsFileSchema, registryProblems, unitTypesFileSchema } from "../../src/registry/schema.js";
import { disjointPartLists, withWholes } from "../../src/registry/index.js";

describe("data/metrics.json and data/unit-types.json", () => {
  it("match their schemas and each other", () => {
    const m = metricsFileSchema.parse(metrics);
    const u = unitTypesFileSchema.parse(unitTypes);
    expect(registryProblems(m, u)).toEqual([]);
  });

  it("declare the nesting the plan follows", () => {
    expect(withWholes("tcm_physicians")).toEqual(["tcm_physicians", "physicians", "health_technicians", "staff"]);
    expect(withWholes("gps")).toEqual(["gps", "physicians", "health_technicians", "staff"]);
    expect(withWholes("village_doctors")).toEqual(["village_doctors", "staff"]);
    expect(disjointPartLists("health_technicians")[0]!.parts).toEqual(["physicians", "nurses", "pharmacists"]);
    expect(disjointPartLists("physicians").find((l) => l.complete)!.parts).toEqual(["assistant_physicians", "practising_physicians"]);
    expect(disjointPartLists("staff").map((l) => l.parts)).toContainEqual(["grassroots_staff", "public_health_staff"]);
  });

  it("catch a list naming a part of another whole, and a cycle", () => {
    const m = metricsFileSchema.parse(metrics);
    const u = unitTypesFileSchema.parse(unitTypes);
    const broken = structuredClone(m);
    broken.metrics.find((x) => x.id === "health_technicians")!.disjointParts = [{ parts: ["physicians", "tcm_physicians"] }];
    broken.metrics.find((x) => x.id === "staff")!.subsetOf = "village_doctors";
    const problems = registryProblems(broken, u);
    expect(problems).toContain("health_technicians.disjointParts: tcm_physicians is not declared subsetOf health_technicians");
    expect(problems.some((p) => p.includes("cycle"))).toBe(true);
    expect(() => metricsFileSchema.parse({ metrics: [{ id: "x", kind: "people", zh: "x", en: "x", aliases: [] }] })).toThrow();
  });
});
