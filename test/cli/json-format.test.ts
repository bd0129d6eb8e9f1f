// The JSON report's regions are put together from pieces: what the names in a file can hold must come out as written.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledCatalogue } from "../../src/catalogue/bundled.js";
import { check } from "../../src/check.js";
import { plain } from "../../src/cli/color.js";
import { reportText } from "../../src/cli/formatters/check/index.js";
import { institutionChecks } from "../../src/evaluate/engine.js";
import { readStatistics } from "../../src/read/reader.js";
import { root } from "./run.js";

const file = "examples/chenggong-2024.csv";

function jsonReport(text: string): { regions: Array<{ name: string; results: Array<{ target: string; failingInstitutions?: { examples: Array<{ name: string }> } }> }> } {
  const catalogue = bundledCatalogue();
  const read = readStatistics(Buffer.from(text), { file, institutionChecks: institutionChecks(catalogue) });
  const result = check(read, catalogue, { populationGrowth: 0, attrition: 0, currentYear: 2026 });
  return JSON.parse(reportText("json", { result, file, lang: "en", paint: plain }));
}

describe("JSON report", () => {
  // "$&", "$'", "$`" and "$$" are patterns to String.prototype.replace: a name must never be read as one
  for (const written of ["斗南$'中心", "斗南$&中心", "斗南$`中心", "斗南$$中心"]) {
    it(`keeps an institution named ${written} as written`, () => {
      const text = readFileSync(join(root, file), "utf8").replace("斗南街道社区卫生服务中心", () => written);
      const report = jsonReport(text);
      const failing = report.regions[0]!.results.find((r) => r.target === "cg-chc-public-health-physician-2025")!.failingInstitutions!;
      expect(failing.examples.map((x) => x.name)).toContain(written);
    });
  }

  // the region's name is set in apart from the rest of its part
  for (const written of ['呈贡"区', "呈贡\\区", "呈贡区$&", "Chenggong \"$'\" District", ""]) {
    it(`keeps a region named ${JSON.stringify(written)} as written`, () => {
      const cell = `"${written.replace(/"/g, '""')}"`;
      const text = readFileSync(join(root, file), "utf8").replace(/,呈贡区,2024,/g, () => `,${cell},2024,`);
      const report = jsonReport(text);
      expect(report.regions.map((r) => r.name)).toEqual([written]);
    });
  }
});
