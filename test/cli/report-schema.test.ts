// The JSON report against the JSON Schema `gap schema --which report` prints, checked by an independent validator.
import { Ajv2020 } from "ajv/dist/2020.js";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gap, root } from "./run.js";

const example = join(root, "examples", "chenggong-2024.csv");

function validator() {
  const run = gap(["schema", "--which", "report"]);
  expect(run.status).toBe(0);
  return new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(run.stdout));
}

describe("gap schema --which report", () => {
  const validate = validator();

  it.each([
    ["the bundled example, in English", ["--lang", "en"]],
    ["the bundled example, in Chinese, with a plan to 2030, attrition and growth", ["--lang", "zh", "--horizon", "2030", "--attrition", "5%", "--population-growth", "1%"]],
    ["with a template's targets", ["--template", "xx-district-grassroots"]],
    ["a prefecture and its districts over two years (trends, nested categories, placement)", [join(root, "test", "fixtures", "check", "kunming-2023-2024.csv")]],
    ["a national file", [join(root, "test", "fixtures", "check", "national-2020.csv")]],
  ])("validates the JSON report of %s", (_name, args) => {
    const file = args[0]?.endsWith(".csv") ? [] : [example];
    const run = gap(["check", ...file, "--format", "json", "--fail-on", "shortfall", ...args]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it("is closed: a key the schema does not list fails validation", () => {
    const report = JSON.parse(gap(["check", example, "--format", "json"]).stdout);
    expect(validate({ ...report, extra: 1 })).toBe(false);
    report.regions[0].results[0].newKey = true;
    expect(validate(report)).toBe(false);
  });

  it("rejects a report with a wrong type where the schema says what it is", () => {
    const report = JSON.parse(gap(["check", example, "--format", "json"]).stdout);
    report.regions[0].counts.short = "22";
    expect(validate(report)).toBe(false);
  });

  it("is part of `gap schema` (all)", () => {
    const all = JSON.parse(gap(["schema"]).stdout);
    expect(Object.keys(all).sort()).toEqual(["input", "report", "targets"]);
  });
});
