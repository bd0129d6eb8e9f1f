// The same county in every shape a bureau keeps it in gives the same report: a workbook with a title row, a CSV with
// units in its header and dashes for not reported, Excel's "Unicode text". Line numbers differ (they point into each
// file) and so do the diagnostics; nothing else may.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledCatalogue } from "../../src/catalogue/bundled.js";
import { check } from "../../src/check.js";
import { institutionChecks } from "../../src/evaluate/engine.js";
import { StatisticsReader, readStatistics, type ReadResult } from "../../src/read/reader.js";
import { workbookRows } from "../../src/read/xlsx.js";
import { report } from "../../src/report/report.js";
import { FIXTURES } from "./helpers.js";
import { titledWorkbook, unicodeText, unitsAndDashesCsv } from "./shapes.js";

const catalogue = bundledCatalogue();
const checks = institutionChecks(catalogue);

async function readWorkbook(bytes: Uint8Array, file: string, sheet?: string): Promise<ReadResult> {
  const rows = await workbookRows(bytes, sheet);
  const reader = new StatisticsReader({ file: `${file}!${rows.sheet}`, institutionChecks: checks });
  for (const row of rows.rows) reader.pushRow(row.cells, row.line);
  return reader.end();
}

/** The report without what points into the file (lines, the file's name) or comes from it (its diagnostics). */
function comparable(read: ReadResult): unknown {
  expect(read.errors).toBe(0);
  const full = report(check(read, catalogue, { populationGrowth: 0, attrition: 0 }), "f", "en");
  return JSON.parse(JSON.stringify(full, (key, value) => (key === "line" || key === "diagnostics" ? undefined : value)));
}

describe("the same county in the shapes bureaus keep it in", () => {
  const base = readStatistics(readFileSync(join(FIXTURES, "good-chenggong-utf8.csv")), { file: "base.csv", institutionChecks: checks });

  it("the committed text fixtures are what shapes.ts makes of the base CSV (UPDATE_SHAPES=1 rewrites them)", () => {
    const made: Array<[string, Uint8Array]> = [
      ["warn-chenggong-units-dashes.csv", new TextEncoder().encode(unitsAndDashesCsv())],
      ["good-chenggong-unicode-text.txt", unicodeText()],
    ];
    for (const [name, bytes] of made) {
      if (process.env.UPDATE_SHAPES === "1") writeFileSync(join(FIXTURES, name), bytes);
      expect(new Uint8Array(readFileSync(join(FIXTURES, name))), name).toEqual(bytes);
    }
  });

  it("a workbook with a title row, a CSV with units and dashes, and Unicode text give the report the CSV gives", async () => {
    const expected = comparable(base);
    const workbook = await readWorkbook(await titledWorkbook(), "county.xlsx");
    const dashes = readStatistics(unitsAndDashesCsv(), { file: "dashes.csv", institutionChecks: checks });
    const unicode = readStatistics(unicodeText(), { file: "unicode.txt", institutionChecks: checks });
    expect(comparable(workbook)).toEqual(expected);
    expect(comparable(dashes)).toEqual(expected);
    expect(comparable(unicode)).toEqual(expected);
    // what each says about itself
    expect(workbook.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(["county.xlsx!Sheet1:3:1 header-row"]);
    expect(new Set(dashes.diagnostics.map((d) => d.code))).toEqual(new Set(["not-reported-mark"]));
    expect(unicode.diagnostics).toEqual([]);
    expect(unicode.stats.delimiter).toBe("tab");
    // the same institution is on line 4 of the CSV, 6 of the workbook (title, blank row)
    expect(base.regions[0]!.line).toBe(2);
    expect(workbook.regions[0]!.line).toBe(4);
  });

  it("a workbook's sheet is the first unless named; a name that is not there lists the sheets", async () => {
    const bytes = await titledWorkbook(true);
    const first = await readWorkbook(bytes, "w.xlsx");
    expect(first.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file} ${d.code} ${d.field}`)).toEqual([
      "w.xlsx!说明 missing-label region_code",
      "w.xlsx!说明 missing-label year",
    ]);
    expect(comparable(await readWorkbook(bytes, "w.xlsx", "数据"))).toEqual(comparable(base));
    await expect(workbookRows(bytes, "Sheet9")).rejects.toThrow("no sheet named «Sheet9»; the sheets are «说明», «数据»");
    await expect(workbookRows(new TextEncoder().encode("PK\u0003\u0004 not a zip"))).rejects.toThrow("save it as CSV UTF-8 or .xlsx");
  });
});
