// --targets overlays at their extremes: numbers no region could need, endless files, and thousands of files.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyOverlay, applyOverlays, parseOverlay, OverlayError } from "../../src/catalogue/overlay.js";
import { bundledCatalogue } from "../../src/catalogue/bundled.js";
import type { Target } from "../../src/catalogue/schema.js";
import { bin, gap, root } from "../cli/run.js";

const example = join(root, "examples", "chenggong-2024.csv");

function target(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    id: "x-physicians-per-1000",
    title: { zh: "每千人口医师", en: "physicians per 1,000" },
    level: "county",
    region: "530114",
    kind: "density",
    metric: "physicians",
    per: 1000,
    basis: "population",
    comparator: "at_least",
    value: 3.2,
    year: 2030,
    binding: "binding",
    provenance: { document: "003", section: "一", locator: "每千人口" },
    ...fields,
  };
}

const overlayFile = (targets: unknown[]) => {
  const path = join(mkdtempSync(join(tmpdir(), "gap-overlay-")), "targets.json");
  writeFileSync(path, JSON.stringify({ targets }));
  return path;
};

/** The first problem parseOverlay finds, as "path: message". */
function problem(targets: unknown[]): string {
  try {
    parseOverlay("t.json", JSON.stringify({ targets }));
  } catch (error) {
    expect(error).toBeInstanceOf(OverlayError);
    const first = (error as OverlayError).problems[0]!;
    return `${first.path}: ${first.message}`;
  }
  return "accepted";
}

describe("overlay numbers are bounded, with a located error", () => {
  it.each([
    ["a density of 1e308 per 1,000", { value: 1e308 }, /^targets\[0\]\.value: /],
    ["a density of 1e300 per 1,000", { value: 1e300 }, /^targets\[0\]\.value: /],
    ["more staff than people (2,000 per 1,000)", { value: 2000 }, /^targets\[0\]\.value: .*at most 1000/],
    ["a range whose max is 1e308", { comparator: "range", value: 1, max: 1e308 }, /^targets\[0\]\.max: /],
    ["a total of 1e12 people", { kind: "total", per: undefined, basis: undefined, value: 1e12 }, /^targets\[0\]\.value: /],
    ["a ratio of 1e6 nurses per physician", { kind: "ratio", per: undefined, basis: undefined, of: "nurses", value: 1e6 }, /^targets\[0\]\.value: .*at most/],
    ["a growth of 1e6 % a year", { kind: "growth", per: undefined, basis: undefined, value: 1e6 }, /^targets\[0\]\.value: .*at most/],
    ["a flow of 1e9 recruits a year", { kind: "flow", per: undefined, basis: undefined, flow: "recruits", value: 1e9 }, /^targets\[0\]\.value: .*at most/],
    ["a baseline of 1e308", { baseline: { value: 1e308, year: 2020 } }, /^targets\[0\]\.baseline\.value: /],
    ["a baseline year of 1e15", { baseline: { value: 1, year: 1e15 } }, /^targets\[0\]\.baseline\.year: /],
  ])("%s is refused", (_name, fields, expected) => {
    expect(problem([target(fields)])).toMatch(expected);
  });

  it("ordinary figures are still accepted", () => {
    expect(problem([target({ value: 3.2 })])).toBe("accepted");
    expect(problem([target({ kind: "total", per: undefined, basis: undefined, value: 4_500_000 })])).toBe("accepted");
  });

  it.each([1e308, 1e300])("gap check --targets with value %s: one line, exit 2, no internal error", (value) => {
    const run = gap(["check", example, "--targets", overlayFile([target({ value })])]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^gap: bad targets file .*targets\.json: targets\[0\]\.value: [^\n]*\n$/);
  });
});

describe("reading an overlay is bounded", () => {
  it.skipIf(process.platform === "win32")("--targets /dev/zero is refused in one line rather than read forever", () => {
    // a run that reads forever is ended, and fails the test, after half a minute
    const run = spawnSync(process.execPath, [bin, "check", example, "--targets", "/dev/zero"], { cwd: root, encoding: "utf8", timeout: 30_000, env: { PATH: process.env.PATH ?? "", LANG: "C" } });
    expect(run.signal).toBe(null);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^gap: bad targets file \/dev\/zero: larger than \d+ bytes\n$/);
  });
});

describe("many overlays", () => {
  it("are applied in order, once each: the last file to name a target wins", () => {
    const bundled = bundledCatalogue();
    const files = Array.from({ length: 3000 }, (_, i) => ({ file: `t${i}.json`, targets: [target({ id: `x-${i % 1000}`, value: i }) as unknown as Target] }));
    const catalogue = applyOverlays(bundled, files);
    expect(catalogue.targets.length).toBe(bundled.targets.length + 1000);
    const x7 = catalogue.targets.find((t) => t.id === "x-7")!;
    expect("value" in x7 && x7.value).toBe(2007);
    expect(catalogue.origin.get("x-7")).toBe("t2007.json");
    // one at a time gives the same catalogue
    const stepwise = files.reduce((c, f) => applyOverlay(c, f.file, f.targets), bundled);
    expect(stepwise.targets).toEqual(catalogue.targets);
    expect([...stepwise.origin]).toEqual([...catalogue.origin]);
  });
});
