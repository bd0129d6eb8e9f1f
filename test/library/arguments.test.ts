// The library's entry points given what a caller should not give them: each is an InvalidOptionError naming the
// option and the value (a GapError), never a raw TypeError or RangeError, a hang, or an exhausted heap.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  applicableTargets,
  applyOverlay,
  bundledCatalogue,
  check,
  checkFile,
  checkRows,
  checkText,
  CheckRun,
  GapError,
  InvalidInputError,
  InvalidOptionError,
  levelOfCode,
  parseOverlay,
  readStatistics,
  regionPrefix,
} from "../../src/index.js";

const root = join(import.meta.dirname, "..", "..");
const examplePath = join(root, "examples", "chenggong-2024.csv");
const example = readFileSync(examplePath);
const read = () => readStatistics(example, { file: "example.csv" });
const plan = { populationGrowth: 0, attrition: 0 };

/** [what is given, the call, the option the error names] */
const hostile: Array<[string, () => unknown, string]> = [
  ["checkText(null)", () => checkText(null as never), "input"],
  ["checkText(123)", () => checkText(123 as never), "input"],
  ["checkText({})", () => checkText({} as never), "input"],
  ["options null", () => checkText(example, null as never), "options"],
  ["options an array", () => checkText(example, [] as never), "options"],
  ["an unknown option (a typo)", () => checkText(example, { atrition: 0.05 } as never), "options.atrition"],
  ["horizon 1e9", () => checkText(example, { horizon: 1e9 }), "options.horizon"],
  ["horizon NaN", () => checkText(example, { horizon: NaN }), "options.horizon"],
  ["horizon Infinity", () => checkText(example, { horizon: Infinity }), "options.horizon"],
  ["horizon 2030.5", () => checkText(example, { horizon: 2030.5 }), "options.horizon"],
  ["horizon as text", () => checkText(example, { horizon: "2030" as never }), "options.horizon"],
  ["horizon before the data (2000)", () => checkText(example, { horizon: 2000 }), "options.horizon"],
  ["horizon the data's own year (2024)", () => checkText(example, { horizon: 2024 }), "options.horizon"],
  ["negative attrition", () => checkText(example, { attrition: -0.5 }), "options.attrition"],
  ["attrition NaN", () => checkText(example, { attrition: NaN }), "options.attrition"],
  ["attrition 1 (everyone leaves)", () => checkText(example, { attrition: 1 }), "options.attrition"],
  ["attrition as text 5%", () => checkText(example, { attrition: "5%" as never }), "options.attrition"],
  ["population growth Infinity", () => checkText(example, { populationGrowth: Infinity }), "options.populationGrowth"],
  ["population growth -1 (no one left)", () => checkText(example, { populationGrowth: -1 }), "options.populationGrowth"],
  ["population growth 1e308", () => checkText(example, { populationGrowth: 1e308 }), "options.populationGrowth"],
  ["plan mode xx", () => checkText(example, { plan: "xx" as never }), "options.plan"],
  ["check with plan mode xx", () => check(read(), bundledCatalogue(), { ...plan, plan: "xx" as never }), "options.plan"],
  ["lang xx", () => checkText(example, { lang: "xx" as never }), "options.lang"],
  ["templates as a string", () => checkText(example, { templates: "abc" as never }), "options.templates"],
  ["templates [1]", () => checkText(example, { templates: [1] as never }), "options.templates"],
  ["an unknown template", () => checkText(example, { templates: ["nope"] }), "options.templates[0]"],
  ["catalogue {}", () => checkText(example, { catalogue: {} as never }), "options.catalogue"],
  ["catalogue null", () => checkText(example, { catalogue: null as never }), "options.catalogue"],
  [
    "a catalogue with a target of value 1e308",
    () => {
      const c = bundledCatalogue();
      return checkText(example, { catalogue: { ...c, targets: c.targets.map((t, i) => (i === 0 ? { ...t, value: 1e308 } : t)) } });
    },
    "options.catalogue.targets[0].value",
  ],
  ["file 5", () => checkText(example, { file: 5 as never }), "options.file"],
  ["checkRows(null)", () => checkRows(null as never), "rows"],
  ["checkRows('abc')", () => checkRows("abc" as never), "rows"],
  ["checkRows([null])", () => checkRows([null] as never), "rows[0]"],
  ["a row holding a symbol", () => checkRows([{ region_code: Symbol() }] as never), "rows[0].region_code"],
  ["a row holding an object", () => checkRows([{ region_code: "530114" }, { 人口: {} }] as never), 'rows[1]["人口"]'],
  ["checkRows with horizon 1e9", () => checkRows([{ region_code: "530114" }], { horizon: 1e9 }), "options.horizon"],
  ["parseOverlay(null, null)", () => parseOverlay(null as never, null as never), "file"],
  ["parseOverlay('f', 5)", () => parseOverlay("f", 5 as never), "text"],
  ["applyOverlay(null, …)", () => applyOverlay(null as never, "f", []), "catalogue"],
  ["applyOverlay(…, null)", () => applyOverlay(bundledCatalogue(), "f", null as never), "targets"],
  ["applicableTargets(catalogue, null)", () => applicableTargets(bundledCatalogue(), null as never), "code"],
  ["levelOfCode(5)", () => levelOfCode(5 as never), "code"],
  ["regionPrefix(undefined)", () => regionPrefix(undefined as never), "code"],
  ["check(null, …)", () => check(null as never, bundledCatalogue(), plan), "read"],
  ["check(read, null, …)", () => check(read(), null as never, plan), "catalogue"],
  ["check(read, catalogue, null)", () => check(read(), bundledCatalogue(), null as never), "options"],
  ["check(read, catalogue, {})", () => check(read(), bundledCatalogue(), {} as never), "options.populationGrowth"],
  ["check with horizon 1e9", () => check(read(), bundledCatalogue(), { ...plan, horizon: 1e9 }), "options.horizon"],
  ["check with a horizon before the data", () => check(read(), bundledCatalogue(), { ...plan, horizon: 2020 }), "options.horizon"],
  ["new CheckRun(null, …)", () => new CheckRun(null as never, plan), "catalogue"],
  ["new CheckRun with negative attrition", () => new CheckRun(bundledCatalogue(), { ...plan, attrition: -1 }), "options.attrition"],
];

describe("hostile arguments to the library", () => {
  it.each(hostile)("%s: InvalidOptionError naming it", (_name, call, option) => {
    let thrown: unknown;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidOptionError);
    expect(thrown).toBeInstanceOf(GapError);
    expect((thrown as InvalidOptionError).option).toBe(option);
    expect((thrown as Error).message).toMatch(new RegExp(`^${option.replace(/[[\]().]/g, "\\$&")}: .+: expected .+`));
  });

  it.each<[string, unknown]>([
    ["null", null],
    ["an empty path", ""],
    ["a number", 123],
    ["a path with a NUL", "a\0b"],
  ])("checkFile with %s rejects with InvalidOptionError", async (_name, path) => {
    await expect(checkFile(path as never)).rejects.toBeInstanceOf(InvalidOptionError);
  });

  it("checkFile with a horizon of 1e9 rejects before reading", async () => {
    await expect(checkFile(examplePath, { horizon: 1e9 })).rejects.toMatchObject({ option: "options.horizon", value: 1e9 });
  });

  it("a missing file and an invalid input are GapErrors too", async () => {
    await expect(checkFile(join(root, "no-such-file.csv"))).rejects.toBeInstanceOf(GapError);
    expect(() => checkText("")).toThrow(InvalidInputError);
    expect(() => checkText("")).toThrow(GapError);
  });

  it("a huge string is read and refused as input, not a crash", () => {
    expect(() => checkRows([{ region_code: "x".repeat(20_000_000) }])).toThrow(InvalidInputError);
  });

  it("sane options still work: the plan runs to the horizon asked for", () => {
    const report = checkText(example, { horizon: 2030, attrition: 0.05, populationGrowth: 0.01, lang: "zh" });
    expect(report.regions[0]!.plan!.horizon).toBe(2030);
  });
});
