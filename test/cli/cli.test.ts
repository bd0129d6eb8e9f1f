import { spawn, spawnSync } from "node:child_process";
import { closeSync, createReadStream, existsSync, lstatSync, mkdtempSync, openSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { bin, gap, root } from "./run.js";

const example = "examples/chenggong-2024.csv";
const golden = join(root, "test", "golden");

/** Compares with a golden file; UPDATE_GOLDEN=1 rewrites it. */
/** A golden file that is missing fails: it is written only when asked (UPDATE_GOLDEN=1), after reading the diff. */
function matchGolden(name: string, actual: string): void {
  const path = join(golden, name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
  expect(existsSync(path), `golden file ${path} is missing: write it with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

describe("gap check on the bundled example", () => {
  const formats = ["table", "json", "csv", "markdown", "html", "github"] as const;
  for (const lang of ["zh", "en"] as const) {
    for (const format of formats) {
      it(`--format ${format} --lang ${lang} matches its golden file and exits 1 (shortfalls)`, () => {
        const run = gap(["check", example, "--format", format, "--lang", lang, "--horizon", "2026", "--attrition", "5%", "--population-growth", "0.01"]);
        expect(run.stderr).toBe("");
        expect(run.status).toBe(1);
        matchGolden(`check-${lang}.${format === "table" ? "txt" : format === "markdown" ? "md" : format === "github" ? "github.txt" : format}`, run.stdout);
      });
    }
  }

  it("prints sources, shortfalls in people, the plan and its assumptions (the README's main command)", () => {
    const run = gap(["check", example, "--width", "160"], { env: { LANG: "zh_CN.UTF-8" } });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("呈贡区 530114");
    expect(run.stdout).toContain("[000] 二、（三）「每千人口执业（助理）医师数达到3.20人」");
    expect(run.stdout).toContain("[000] 《“十四五”卫生健康人才发展规划》");
    expect(run.stdout).toMatch(/│ 928名执业\(助理\)医师 +│/);
    expect(run.stdout).toContain("招聘计划");
    expect(run.stdout).toContain("假设");
  });

  it("gives byte-identical JSON across runs", () => {
    const a = gap(["check", example, "--format", "json"]);
    const b = gap(["check", example, "--format", "json"]);
    expect(a.stdout).toBe(b.stdout);
    const parsed = JSON.parse(a.stdout);
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.catalogue.version).toMatch(/^\d{4}\.\d+\.\d+$/);
  });

  it("--fail-on none exits 0; --fail-on advisory exits 1", () => {
    expect(gap(["check", example, "--fail-on", "none"]).status).toBe(0);
    expect(gap(["check", example, "--fail-on", "advisory"]).status).toBe(1);
  });

  it("reads standard input", () => {
    const run = gap(["check", "-", "--format", "json"], { input: readFileSync(join(root, example)) });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).file).toBe("<stdin>");
  });

  it("applies a template only when asked", () => {
    const without = JSON.parse(gap(["check", example, "--format", "json"]).stdout);
    const withTemplate = JSON.parse(gap(["check", example, "--format", "json", "--template", "xx-district-grassroots"]).stdout);
    const ids = (r: { regions: Array<{ results: Array<{ target: string }> }> }) => r.regions[0]!.results.map((x) => x.target);
    expect(ids(without).some((id: string) => id.startsWith("xxd-"))).toBe(false);
    expect(ids(withTemplate)).toContain("xxd-grassroots-staff-per-10000-2026");
  });
});

describe("exit code 2: the command could not run", () => {
  it("an input with validation errors prints its diagnostics and no results", () => {
    const bad = "行政区划代码,地区,年份,常住人口,执业(助理)医师\n530114,呈贡区,2024,728600,-3\n";
    const run = gap(["check", "-"], { input: bad });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^<stdin>:2:5 {2}error {2}.*«-3».*constraint-error/m);
  });

  it("a missing file is one line, no stack trace", () => {
    const run = gap(["check", "no-such-file.csv"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("gap: cannot read no-such-file.csv: no such file or directory\n");
  });

  it("bad usage", () => {
    expect(gap(["check"]).status).toBe(2);
    expect(gap(["check", example, "--format", "xml"]).status).toBe(2);
    expect(gap(["check", example, "--attrition", "lots"]).stderr).toBe("gap: --attrition «lots»: expected a rate such as 0.02 or 2%\n");
    expect(gap(["check", example, "--template", "nope"]).status).toBe(2);
    expect(gap(["frobnicate"]).status).toBe(2);
  });

  it("a bad targets overlay names the file and the JSON path", () => {
    const dir = mkdtempSync(join(tmpdir(), "gap-"));
    const overlay = join(dir, "bad.json");
    writeFileSync(overlay, JSON.stringify({ targets: [{ id: "x", kind: "density", metric: "doctors" }] }));
    const run = gap(["check", example, "--targets", overlay]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${overlay}: targets[0]`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("--output writes atomically", () => {
  it("replaces the file whole and leaves no temporary behind", () => {
    const dir = mkdtempSync(join(tmpdir(), "gap-"));
    const out = join(dir, "result.json");
    writeFileSync(out, "old");
    const run = gap(["check", example, "--format", "json", "--output", out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8")).tool).toBe("gap");
    expect(readdirSync(dir)).toEqual(["result.json"]);
  });

  it("an unwritable destination exits 2 and touches nothing", () => {
    const run = gap(["check", example, "--output", "/nonexistent-dir/x.txt"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^gap: cannot write \/nonexistent-dir\/x.txt: /);
  });

  it("through a symbolic link, replaces the linked file and keeps the link", () => {
    const dir = mkdtempSync(join(tmpdir(), "gap-"));
    writeFileSync(join(dir, "report-2024.json"), "old");
    symlinkSync("report-2024.json", join(dir, "latest.json"));
    const run = gap(["check", example, "--format", "json", "--output", join(dir, "latest.json")]);
    expect(run.status).toBe(1);
    expect(lstatSync(join(dir, "latest.json")).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "report-2024.json"), "utf8")).tool).toBe("gap");
    expect(readdirSync(dir).sort()).toEqual(["latest.json", "report-2024.json"]);
  });

  it.skipIf(spawnSync("mkfifo", ["--version"]).status !== 0)("writes into a named pipe rather than replacing it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gap-"));
    const fifo = join(dir, "report.pipe");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const child = spawn(process.execPath, [bin, "check", example, "--format", "csv", "--output", fifo], { cwd: root, env: { PATH: process.env.PATH ?? "", LANG: "C" } });
    // listened for before the pipe is read: the process may have ended by the time the reading has
    const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
    const chunks: Buffer[] = [];
    for await (const chunk of createReadStream(fifo)) chunks.push(chunk as Buffer);
    const status = await closed;
    expect(status).toBe(1);
    expect(Buffer.concat(chunks).toString("utf8")).toContain("cn-physicians-per-1000-2025");
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(["report.pipe"]);
  });

  it("an invalid input leaves an existing output as it was", () => {
    const dir = mkdtempSync(join(tmpdir(), "gap-"));
    const out = join(dir, "result.json");
    writeFileSync(out, "previous result");
    const run = gap(["check", "-", "--output", out], { input: "region_code,year,population\n530114,2024,0\n" });
    expect(run.status).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("previous result");
  });
});

describe("standard output", () => {
  /** Runs the CLI with standard output going to the file at `path` (as `gap … > path` does). */
  function gapTo(path: string, args: string[]): { status: number | null; stderr: string } {
    const fd = openSync(path, "w");
    try {
      const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: ["ignore", fd, "pipe"], encoding: "utf8", env: { PATH: process.env.PATH ?? "", LANG: "C" } });
      return { status: result.status, stderr: result.stderr };
    } finally {
      closeSync(fd);
    }
  }

  /** The exit status of a run whose reader takes its first chunk and closes the pipe (gap … | head -1). */
  async function statusWhenReaderCloses(args: string[]): Promise<number | null> {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ["ignore", "pipe", "ignore"], env: { PATH: process.env.PATH ?? "", LANG: "C" } });
    child.stdout.once("data", () => child.stdout.destroy());
    return new Promise<number | null>((resolve) => child.on("close", resolve));
  }

  it("closed early by its reader, keeps the run's exit status (1: shortfalls; 2: an invalid input)", async () => {
    const many = join(mkdtempSync(join(tmpdir(), "gap-")), "regions.csv");
    const rows = Array.from({ length: 400 }, (_, i) => `${530100 + i},2024,${100000 + i},${200 + (i % 50)}`);
    writeFileSync(many, `region_code,year,population,physicians\n${rows.join("\n")}\n`);
    expect(await statusWhenReaderCloses(["check", many])).toBe(1);
    expect(await statusWhenReaderCloses(["check", many, "--format", "json"])).toBe(1);
    const bad = join(dirname(many), "bad.csv");
    writeFileSync(bad, `region_code,year,population\n${Array.from({ length: 3000 }, (_, i) => `${530100 + i},2024,0`).join("\n")}\n`);
    expect(await statusWhenReaderCloses(["validate", bad])).toBe(1);
  });

  it("redirected to a file gets the same bytes as a pipe", () => {
    const out = join(mkdtempSync(join(tmpdir(), "gap-")), "report.json");
    const args = ["check", example, "--format", "json"];
    const run = gapTo(out, args);
    expect(run).toEqual({ status: 1, stderr: "" });
    expect(readFileSync(out, "utf8")).toBe(gap(args).stdout);
  });

  it.skipIf(!existsSync("/dev/full"))("a failed write (a full device) is one line and exit 2", () => {
    const run = gapTo("/dev/full", ["check", example, "--format", "json"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^gap: cannot write standard output: .*\n$/);
  });
});

describe("gap validate", () => {
  it("the example is valid", () => {
    const run = gap(["validate", example]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("✓ examples/chenggong-2024.csv is valid");
  });

  it("json envelope and github annotations for a bad file; --strict fails on warnings", () => {
    const bad = "行政区划代码,地区,年份,常住人口,注册护仕\n530114,呈贡区,2024,728600,5\n";
    const json = JSON.parse(gap(["validate", "-", "--format", "json"], { input: bad }).stdout);
    expect(json).toMatchObject({ valid: true, errors: 0, warnings: 1 });
    expect(json.diagnostics[0]).toMatchObject({ code: "unknown-header", line: 1, column: 5, value: "注册护仕" });
    expect(json.diagnostics[0].message).toContain("注册护士");
    const strict = gap(["validate", "-", "--strict"], { input: bad });
    expect(strict.status).toBe(1);
    const gh = gap(["validate", "-", "--format", "github"], { input: "region_code,year,population\n530114,2024,1,5\n" });
    expect(gh.status).toBe(1);
    expect(gh.stdout).toMatch(/^::error file=<stdin>,line=2,col=4,title=gap extra-cell::/m);
  });

  it("no ANSI codes when piped, even with colour asked of a terminal-less run", () => {
    expect(gap(["check", example]).stdout).not.toMatch(/\u001b\[/);
    expect(gap(["check", example], { env: { FORCE_COLOR: "1" } }).stdout).toMatch(/\u001b\[/);
    expect(gap(["check", example], { env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stdout).not.toMatch(/\u001b\[/);
  });
});

describe("template, schema, targets", () => {
  it("template prints the headers in either language", () => {
    const zh = gap(["template", "--lang", "zh", "--no-bom"]).stdout.split("\n")[0]!;
    const en = gap(["template", "--lang", "en", "--no-bom"]).stdout.split("\n")[0]!;
    expect(zh.startsWith("行政区划代码,地区,年份,机构名称,机构类别")).toBe(true);
    expect(en.startsWith("region_code,region,year,unit,unit_type")).toBe(true);
    expect(zh.split(",").length).toBe(en.split(",").length);
  });

  it("a filled-in template validates, with its BOM", () => {
    const template = gap(["template", "--lang", "zh"]).stdout.split("\n")[0]!;
    expect(template.startsWith("\uFEFF")).toBe(true);
    const cells = template.replace(/^\uFEFF/, "").split(",").map((h) => (h === "行政区划代码" ? "530114" : h === "年份" ? "2024" : h === "常住人口" ? "728600" : ""));
    const run = gap(["validate", "-"], { input: `${template}\n${cells.join(",")}\n` });
    expect(run.status).toBe(0);
  });

  it("schema prints both JSON Schemas", () => {
    const schema = JSON.parse(gap(["schema"]).stdout);
    expect(Object.keys(schema.input.properties)).toContain("physicians");
    expect(JSON.stringify(schema.targets)).toContain("per_institution");
  });

  it("targets --region 530114 shows the national and the district's targets with sources (Kunming's levels are benchmarks of the district's plan)", () => {
    const run = gap(["targets", "--region", "530114", "--format", "json"]);
    expect(run.status).toBe(0);
    const list = JSON.parse(run.stdout).targets as Array<{ level: string; provenance: { locator: string } }>;
    expect(new Set(list.map((t) => t.level))).toEqual(new Set(["national", "county"]));
    expect(list.every((t) => t.provenance.locator.length > 0)).toBe(true);
    const table = gap(["targets", "--region", "530114", "--lang", "zh"]).stdout;
    for (const heading of ["国家目标", "县（区）级目标"]) expect(table).toContain(heading);
  });

  it("--version and --help exit 0", () => {
    expect(gap(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(gap(["--help"]).status).toBe(0);
  });
});
