// gap check writes its reports (table, markdown, HTML, JSON, CSV, GitHub annotations) region by region, set aside in a temporary file and put in
// order at the end.
// What it prints must be what the same report formatted from results held in memory gives, byte for byte.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledCatalogue } from "../../src/catalogue/bundled.js";
import { check } from "../../src/check.js";
import { painter, plain, type Paint } from "../../src/cli/color.js";
import { reportText } from "../../src/cli/formatters/check/index.js";
import { institutionChecks } from "../../src/evaluate/engine.js";
import { readStatistics } from "../../src/read/reader.js";
import { gap, root } from "./run.js";

const file = "test/fixtures/check/kunming-2023-2024.csv";
const options = ["--population-growth", "1%", "--attrition", "5%", "--lang", "en"];

function inMemory(
  format: "json" | "csv" | "table" | "markdown" | "html" | "github",
  view: { file?: string; lang?: "en" | "zh"; paint?: Paint; width?: number; quiet?: boolean } = {},
): string {
  const { file: path = file, lang = "en", paint = plain, ...options } = view;
  const catalogue = bundledCatalogue();
  const read = readStatistics(readFileSync(join(root, path)), { file: path, institutionChecks: institutionChecks(catalogue) });
  const result = check(read, catalogue, { populationGrowth: 0.01, attrition: 0.05, currentYear: 2026 });
  return reportText(format, { result, file: path, lang, paint, ...options });
}

describe("streamed reports", () => {
  for (const format of ["json", "csv", "github"] as const) {
    it(`--format ${format} equals the report formatted in memory, and leaves no temporary file`, () => {
      const temporary = mkdtempSync(join(tmpdir(), "gap-stream-"));
      const run = gap(["check", file, "--format", format, ...options], { env: { TMPDIR: temporary } });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(1);
      // a CSV report opens with a UTF-8 BOM, for Excel
      expect(run.stdout).toBe((format === "csv" ? "\uFEFF" : "") + inMemory(format));
      expect(readdirSync(temporary)).toEqual([]);
    });
  }

  // several years of five districts, and a province with its prefectures and counties; coloured, narrow, quiet
  const views = [
    { file, lang: "en" as const },
    { file, lang: "zh" as const, quiet: true, width: 50, colour: true },
    { file: "test/fixtures/check/yunnan-nested-2024.csv", lang: "zh" as const, width: 64, colour: true },
    { file: "test/fixtures/check/yunnan-nested-2024.csv", lang: "en" as const, quiet: true },
  ];
  for (const format of ["table", "markdown", "html"] as const) {
    for (const { colour, ...view } of views) {
      const args = [...(view.quiet ? ["--quiet"] : []), ...(view.width ? ["--width", String(view.width)] : []), ...(colour ? [] : ["--no-color"])];
      it(`--format ${format} ${args.join(" ")} on ${view.file} (${view.lang}) equals the report formatted in memory`, async () => {
        const temporary = mkdtempSync(join(tmpdir(), "gap-stream-"));
        const run = gap(["check", view.file, "--format", format, "--population-growth", "1%", "--attrition", "5%", "--lang", view.lang, ...args], {
          env: { TMPDIR: temporary, ...(colour ? { FORCE_COLOR: "1" } : {}) },
        });
        expect(run.stderr).toBe("");
        expect(run.status).toBe(1);
        const paint = format === "table" && colour ? await painter(1) : plain;
        const expected = inMemory(format, { ...view, paint, ...(format === "table" ? {} : { width: undefined }) });
        // the case is worth its name: several regions, and the colour (or its absence) as asked
        expect(expected).toContain(view.lang === "zh" ? "各地区概览" : "Overview of the regions");
        if (format === "table") expect(expected.includes("\u001b[")).toBe(Boolean(colour));
        expect(run.stdout).toBe(expected);
        expect(readdirSync(temporary)).toEqual([]);
      });
    }
  }

  it("lists regions worst first, each code's years together, and counts every region-year", () => {
    const report = JSON.parse(gap(["check", file, "--format", "json", ...options]).stdout);
    expect(report.summary.regions).toBe(9);
    const keys = report.regions.map((r: { code: string; year: number }) => `${r.code}/${r.year}`);
    expect(new Set(keys).size).toBe(9);
    const findings = report.regions.map((r: { counts: { overdue: number; short: number } }) => r.counts.overdue + r.counts.short);
    expect(findings).toEqual([...findings].sort((a: number, b: number) => b - a));
    // only the latest year of a code is planned
    const planned = report.regions.filter((r: { plan: unknown }) => r.plan !== null).map((r: { code: string; year: number }) => `${r.code}/${r.year}`);
    expect(planned.sort()).toEqual(["530102/2024", "530103/2024", "530111/2024", "530114/2024", "530181/2024"]);
  });

  it("without a usable temporary folder, keeps the texts in memory and prints the same", () => {
    const run = gap(["check", file, "--format", "json", ...options], { env: { TMPDIR: join(root, "test", "no-such-folder") } });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(inMemory("json"));
  });
});
