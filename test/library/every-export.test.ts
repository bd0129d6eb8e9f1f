// Every function and class the library exports, called with each argument (and each option of an options object,
// and the first element of a list) replaced in turn by something a caller should not give: the call either works or
// throws one of the library's own errors (a GapError) in one line; an InvalidOptionError names the argument it is
// about. Never a raw TypeError or RangeError, a hang, or an exhausted heap.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as gap from "../../src/index.js";

const root = join(import.meta.dirname, "..", "..");
const examplePath = join(root, "examples", "chenggong-2024.csv");
const example = readFileSync(examplePath);
const catalogue = gap.bundledCatalogue();
const read = gap.readStatistics(example, { file: "example.csv", institutionChecks: gap.institutionChecks(catalogue) });
const region = read.regions[0]!;
const targets = gap.applicableTargets(catalogue, region.code);
const context = { applicable: targets, aboutTolerance: catalogue.aboutTolerance };
const plan = { populationGrowth: 0.01, attrition: 0.05 };
const result = gap.check(read, catalogue, plan);
const diagnostic = gap.readStatistics("region_code,year\n53011x,2024\n", { file: "bad.csv" }).diagnostics[0]!;
const source = () => {
  const reader = gap.readerFor("example.csv", catalogue);
  reader.push(example);
  reader.close();
  return reader;
};
const input = { files: ["example.csv"], name: "example.csv", lang: "en" as const };

const HOSTILE: Array<[string, unknown]> = [
  ["undefined", undefined],
  ["null", null],
  ["NaN", NaN],
  ["Infinity", Infinity],
  ["-1", -1],
  ["1e9", 1e9],
  ["1e308", 1e308],
  ["2030.5", 2030.5],
  ['""', ""],
  ['"x"', "x"],
  ["true", true],
  ["{}", {}],
  ["[]", []],
  ["[null]", [null]],
  ["a sparse array", new Array(2)],
  ["a symbol", Symbol("s")],
  ["a function", () => 1],
  ["bytes", new Uint8Array([0xff, 0xfe, 0x00])],
  ["a Map", new Map([["a", 1]])],
  ["a bigint", 10n],
  ["an object of the wrong shape", { code: 5, year: "2024", regions: "x", targets: 1 }],
];

/** [the export, the names of its arguments, a call with good arguments (made afresh for each call), the call] */
type Entry = [string, string[], () => unknown[], (...args: never[]) => unknown];
const entries: Entry[] = [
  ["readStatistics", ["input", "options"], () => [example, { file: "x.csv", institutionChecks: gap.institutionChecks(catalogue), regions: ["53"] }], gap.readStatistics],
  ["new StatisticsReader", ["options"], () => [{ file: "x.csv", regions: ["53"] }], (o) => new gap.StatisticsReader(o)],
  ["StatisticsReader.push", ["bytes"], () => [example], (b) => new gap.StatisticsReader({ file: "x.csv" }).push(b)],
  ["StatisticsReader.pushRow", ["cells", "line"], () => [["region_code", "year"], 1], (c, l) => new gap.StatisticsReader({ file: "x.csv" }).pushRow(c, l)],
  ["diagnosticMessage", ["diagnostic", "lang"], () => [{ ...diagnostic }, "zh"], gap.diagnosticMessage],
  ["applicableTargets", ["catalogue", "code", "selection"], () => [catalogue, "530114", { templates: [] }], gap.applicableTargets],
  ["levelOfCode", ["code"], () => ["530114"], gap.levelOfCode],
  ["regionPrefix", ["code"], () => ["530100"], gap.regionPrefix],
  ["parseOverlay", ["file", "text"], () => ["o.json", '{"targets": []}'], gap.parseOverlay],
  ["applyOverlay", ["catalogue", "file", "targets"], () => [catalogue, "o.json", [targets[0]]], gap.applyOverlay],
  ["evaluateRegion", ["region", "targets", "catalogue", "history", "mode"], () => [{ ...region }, [...targets], catalogue, [], "own"], gap.evaluateRegion],
  ["institutionChecks", ["catalogue"], () => [{ ...catalogue }], gap.institutionChecks],
  ["decidingTargets", ["targets", "mode"], () => [[...targets], "own"], gap.decidingTargets],
  ["measureKey", ["target"], () => [{ ...targets[0] }], gap.measureKey],
  ["supersededTargets", ["targets"], () => [[...targets]], gap.supersededTargets],
  ["planRegion", ["region", "targets", "context", "options", "history"], () => [{ ...region }, [...targets], { ...context }, { ...plan, horizon: 2030 }, []], gap.planRegion],
  ["selectPlanTargets", ["targets"], () => [[...targets]], gap.selectPlanTargets],
  ["planYears", ["dataYear", "targetYears", "options"], () => [2024, [2025, 2030], { horizon: 2030, currentYear: 2026 }], gap.planYears],
  ["currentYear", ["sourceDateEpoch", "now"], () => ["1700000000", Date.now()], gap.currentYear],
  ["check", ["read", "catalogue", "options"], () => [{ ...read }, catalogue, { ...plan, horizon: 2030, plan: "own", templates: [] }], gap.check],
  ["new CheckRun", ["catalogue", "options"], () => [catalogue, { ...plan }], (c, o) => new gap.CheckRun(c, o)],
  ["CheckRun.addCode", ["code", "records"], () => [region.code, [{ ...region }]], (c, r) => new gap.CheckRun(catalogue, plan).addCode(c, r)],
  ["codeGroups", ["records"], () => [[...read.regions]], gap.codeGroups],
  ["compareRegions", ["a", "b"], () => [gap.orderKey(result.regions[0]!), gap.orderKey(result.regions[0]!)], gap.compareRegions],
  ["orderKey", ["result"], () => [{ ...result.regions[0]! }], gap.orderKey],
  ["hasFindings", ["result", "failOn"], () => [{ counts: { ...result.counts } }, "advisory"], gap.hasFindings],
  ["checkSource", ["source", "catalogue", "options", "input", "keep", "invalid"], () => [source(), catalogue, { ...plan }, { ...input }, () => 0, () => {}], gap.checkSource],
  ["checkInMemory", ["source", "catalogue", "options", "input"], () => [source(), catalogue, { ...plan }, { ...input }], gap.checkInMemory],
  ["checkReport", ["source", "catalogue", "options", "input"], () => [source(), catalogue, { ...plan }, { ...input }], gap.checkReport],
  ["validateSource", ["source"], () => [source()], gap.validateSource],
  ["readerFor", ["file", "catalogue"], () => ["x.csv", catalogue], gap.readerFor],
  ["report", ["result", "file", "lang"], () => [{ ...result }, "x.csv", "en"], gap.report],
  ["readStatisticsFile", ["path", "institutionChecks", "input"], () => [examplePath, [], { regions: ["53"] }], gap.readStatisticsFile],
  ["openStatisticsFile", ["path", "institutionChecks", "input"], () => [examplePath, [], { regions: ["53"] }], gap.openStatisticsFile],
  ["new SeveralReads", ["reads"], () => [[{ reader: source(), name: "a.csv" }]], (r) => new gap.SeveralReads(r)],
  ["checkText", ["input", "options"], () => [example, { ...plan }], gap.checkText],
  ["checkRows", ["rows", "options"], () => [[{ region_code: "530114", year: 2024, population: 1000 }], { ...plan }], gap.checkRows],
  ["checkFile", ["path", "options"], () => [examplePath, { ...plan }], gap.checkFile],
];

/** The argument lists to try: each argument, each key of an options object and the first of a list, replaced in turn. */
function variants(names: string[], good: () => unknown[]): Array<{ where: string; args: unknown[] }> {
  const out: Array<{ where: string; args: unknown[] }> = [];
  const sample = good();
  sample.forEach((arg, i) => {
    for (const [label, value] of HOSTILE) {
      const args = good();
      args[i] = value;
      out.push({ where: `${names[i]} = ${label}`, args });
      if (arg !== null && typeof arg === "object" && !(arg instanceof Uint8Array) && !Array.isArray(arg) && Object.getPrototypeOf(arg) === Object.prototype) {
        for (const key of Object.keys(arg)) {
          const args = good();
          args[i] = { ...(args[i] as object), [key]: value };
          out.push({ where: `${names[i]}.${key} = ${label}`, args });
        }
      }
      if (Array.isArray(arg) && arg.length > 0) {
        const args = good();
        args[i] = [value, ...(args[i] as unknown[]).slice(1)];
        out.push({ where: `${names[i]}[0] = ${label}`, args });
      }
    }
  });
  return out;
}

/** What a call did: undefined when it worked (a generator run to its end, a promise settled), else what it threw. */
async function outcome(call: () => unknown): Promise<unknown> {
  try {
    let value = call();
    if (value instanceof Promise) value = await value;
    if (value !== null && typeof value === "object" && typeof (value as Generator).next === "function" && typeof (value as Generator)[Symbol.iterator] === "function") {
      for (const _ of value as Generator);
    }
    return undefined;
  } catch (error) {
    return error;
  }
}

/** Why a thrown value is not what the library promises, or undefined when it is. */
function wrongError(error: unknown, where: string): string | undefined {
  if (error === undefined) return undefined;
  if (!(error instanceof gap.GapError)) return `${(error as Error)?.name ?? typeof error}: ${(error as Error)?.message ?? String(error)}`;
  if (error.message.includes("\n") || error.message.length > 400) return `not one line: ${error.message.slice(0, 200)}`;
  if (error instanceof gap.InvalidOptionError) {
    const argument = where.split(" = ")[0]!;
    const named = error.option === argument || error.option.startsWith(`${argument}.`) || error.option.startsWith(`${argument}[`);
    const parent = argument.replace(/(\.[^.[]+|\[0\])$/, "");
    if (!named && error.option !== parent) return `names ${error.option}, not ${argument}: ${error.message}`;
  }
  return undefined;
}

describe("every export given hostile arguments", () => {
  it("covers every function and class the library exports", () => {
    const covered = new Set(entries.map(([name]) => name.replace(/^new /, "").replace(/\..*/, "")));
    const notCalled = new Set(["bundledCatalogue", "reportJsonSchema", "GapError", "UsageError", "InvalidOptionError", "InvalidInputError", "OverlayError"]);
    const functions = Object.entries(gap).filter(([, v]) => typeof v === "function").map(([k]) => k);
    expect(functions.filter((name) => !covered.has(name) && !notCalled.has(name))).toEqual([]);
  });

  it.each(entries)("%s: good arguments work", async (_name, _names, good, call) => {
    expect(await outcome(() => call(...(good() as never[])))).toBeUndefined();
  });

  it.each(entries)("%s: each hostile argument works or is a one-line GapError naming it", async (_name, names, good, call) => {
    const wrong: string[] = [];
    for (const { where, args } of variants(names, good)) {
      const problem = wrongError(await outcome(() => call(...(args as never[]))), where);
      if (problem) wrong.push(`${where}: ${problem}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("every export given anything at all", () => {
  it.each(entries)("%s: any value for any argument works or is a one-line GapError naming it", async (_name, names, good, call) => {
    await fc.assert(
      fc.asyncProperty(fc.nat(names.length - 1), fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true }), async (i, value) => {
        const args = good();
        args[i] = value;
        expect(wrongError(await outcome(() => call(...(args as never[]))), names[i]!)).toBeUndefined();
      }),
      { numRuns: 30 },
    );
  });

  it("openStatisticsFile's reader is a StatisticsReader", async () => {
    const { reader } = await gap.openStatisticsFile(examplePath);
    expect(reader).toBeInstanceOf(gap.StatisticsReader);
  });
});

describe("the checks accept what the library itself makes", () => {
  const files = ["input", "check"].flatMap((dir) => readdirSync(join(root, "test", "fixtures", dir)).map((f) => join(root, "test", "fixtures", dir, f))).concat([examplePath]);
  it.each(files.map((f) => [f.slice(root.length + 1), f]))("%s: every region, result and diagnostic of it passes the stages' checks", (_name, file) => {
    const bytes = readFileSync(file);
    const read = gap.readStatistics(bytes, { file: "f.csv", institutionChecks: gap.institutionChecks(catalogue) });
    for (const d of read.diagnostics) expect(typeof gap.diagnosticMessage(d, "en")).toBe("string");
    const years = read.regions.reduce((y, r) => Math.max(y, r.year), 0);
    const result = gap.check(read, catalogue, { ...plan, currentYear: 2026, horizon: Math.max(2030, years + 1) });
    for (const [code, records] of gap.codeGroups(gap.readStatistics(bytes, { file: "f.csv" }).regions)) {
      expect(new gap.CheckRun(catalogue, plan).addCode(code, records).length).toBe(records.length);
    }
    expect(gap.report(result, "f.csv", "zh").regions.length).toBe(read.regions.length);
    for (const region of result.regions) expect(gap.compareRegions(gap.orderKey(region), gap.orderKey(region))).toBe(0);
  });
});
