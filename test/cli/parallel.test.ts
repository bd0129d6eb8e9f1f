// gap reads a large file in two parts at once (a worker thread reads the second). Whatever happens at the seam, the
// output must be what reading on one thread gives, byte for byte.
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error the benchmark's generator is plain JavaScript
import { generateInstitutions } from "../../bench/generate.mjs";
import { gap } from "./run.js";

const ONE_THREAD = { GAP_PARALLEL_MIN_BYTES: String(Number.MAX_SAFE_INTEGER) };
const TWO_THREADS = { GAP_PARALLEL_MIN_BYTES: "0" };
let folder: string;
let clean: string;
let duplicated: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "gap-parallel-"));
  clean = join(folder, "institutions.csv");
  generateInstitutions({ out: clean, rows: 40_000, seed: 7 });
  // an institution of the file's first part again at its very end: a duplicate the two readers must not miss
  duplicated = join(folder, "duplicated.csv");
  const text = readFileSync(clean, "utf8");
  const lines = text.split("\n");
  appendFileSync(duplicated, `${text}${lines.find((l, i) => i > 200 && l.split(",")[3] !== "")}\n`);
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("reading on two threads", () => {
  it("check --format json gives the same report", () => {
    const one = gap(["check", clean, "--format", "json"], { env: ONE_THREAD });
    const two = gap(["check", clean, "--format", "json"], { env: TWO_THREADS });
    expect(one.status).toBe(1);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout).summary.regions).toBeGreaterThan(100);
  });

  it("a duplicate across the two parts is found, with its first line, as on one thread", () => {
    const one = gap(["validate", duplicated, "--format", "json"], { env: ONE_THREAD });
    const two = gap(["validate", duplicated, "--format", "json"], { env: TWO_THREADS });
    expect(one.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    const report = JSON.parse(two.stdout);
    expect(report.diagnostics.map((d: { code: string }) => d.code)).toEqual(["duplicate-row"]);
    expect(report.stats.rows).toBe(40_001);
  });
});
