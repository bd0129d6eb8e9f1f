// --output against the user's own files: permissions kept, inputs never overwritten, links never replaced, and no
// temporary file left behind by an interrupted or killed run.
import { createRequire } from "node:module";
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, linkSync, mkdirSync, openSync, lstatSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { describe, expect, it } from "vitest";
import { bin, gap, root } from "./run.js";

const example = join(root, "examples", "chenggong-2024.csv");
const folder = () => mkdtempSync(join(tmpdir(), "gap-out-"));

describe("--output keeps what the user had", () => {
  it("a 0600 report stays 0600 when it is replaced", () => {
    const dir = folder();
    const out = join(dir, "report.json");
    writeFileSync(out, "old");
    chmodSync(out, 0o600);
    expect(gap(["check", example, "--format", "json", "-o", out]).status).toBe(1);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(out, "utf8")).tool).toBe("gap");
  });

  it.each([
    ["the input itself", (dir: string, input: string) => ({ args: ["check", input], out: input })],
    ["the input by another spelling", (dir: string, input: string) => ({ args: ["check", input], out: join(dir, ".", "..", dir.split("/").pop()!, "in.csv") })],
    ["a link to the input", (dir: string, input: string) => (symlinkSync(input, join(dir, "link.csv")), { args: ["check", input], out: join(dir, "link.csv") })],
    ["a hard link to the input", (dir: string, input: string) => (linkSync(input, join(dir, "also.csv")), { args: ["check", input], out: join(dir, "also.csv") })],
    ["the input of validate", (dir: string, input: string) => ({ args: ["validate", input], out: input })],
    ["a --targets file", (dir: string, input: string) => (writeFileSync(join(dir, "t.json"), '{"targets":[]}'), { args: ["check", input, "--targets", join(dir, "t.json")], out: join(dir, "t.json") })],
  ])("-o naming %s is refused in one line, exit 2, and the file is untouched", (_name, setUp) => {
    const dir = folder();
    const input = join(dir, "in.csv");
    writeFileSync(input, readFileSync(example));
    const { args, out } = setUp(dir, input);
    const before = readFileSync(out);
    const run = gap([...args, "-o", out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^gap: -o .*: it is the input .*; write the result to another file\n$/);
    expect(readFileSync(out)).toEqual(before);
    expect(readFileSync(input)).toEqual(readFileSync(example));
  });

  it("-o naming the file standard input reads from is refused", () => {
    const dir = folder();
    const input = join(dir, "in.csv");
    writeFileSync(input, readFileSync(example));
    const r = spawnSync(process.execPath, [bin, "check", "-", "-o", input], { cwd: root, encoding: "utf8", stdio: [openSync(input, "r"), "pipe", "pipe"], env: { PATH: process.env.PATH ?? "", LANG: "C" } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^gap: -o .*in\.csv: it is the input \(standard input\); write the result to another file\n$/);
    expect(readFileSync(input)).toEqual(readFileSync(example));
  });

  it("a link to a file that does not exist is refused, not replaced", () => {
    const dir = folder();
    symlinkSync("missing.json", join(dir, "latest.json"));
    const run = gap(["check", example, "--format", "json", "-o", join(dir, "latest.json")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^gap: cannot write .*latest\.json: it is a symbolic link to "missing\.json", which does not exist \(not replaced\)\n$/);
    expect(lstatSync(join(dir, "latest.json")).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir)).toEqual(["latest.json"]);
  });

  it.each([
    ["a file with a second name", (dir: string) => (writeFileSync(join(dir, "report.txt"), "old report\n"), linkSync(join(dir, "report.txt"), join(dir, "copy.txt")), join(dir, "report.txt")), 2],
    ["a file with three names", (dir: string) => (writeFileSync(join(dir, "report.txt"), "old report\n"), linkSync(join(dir, "report.txt"), join(dir, "copy.txt")), linkSync(join(dir, "report.txt"), join(dir, "b.txt")), join(dir, "copy.txt")), 3],
    [
      "a symbolic link to a file with a second name",
      (dir: string) => (writeFileSync(join(dir, "report.txt"), "old report\n"), linkSync(join(dir, "report.txt"), join(dir, "copy.txt")), symlinkSync("report.txt", join(dir, "latest.txt")), join(dir, "latest.txt")),
      2,
    ],
  ])("-o onto %s (hard links) is refused in one line, exit 2: every name keeps the old report", (_name, setUp, names) => {
    const dir = folder();
    const out = setUp(dir);
    const before = readdirSync(dir).sort();
    const run = gap(["check", example, "-o", out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`gap: cannot write ${out}: it has ${names} names (hard links), and replacing it would leave the others on the old content (not replaced)\n`);
    for (const name of ["report.txt", "copy.txt"]) expect(readFileSync(join(dir, name), "utf8")).toBe("old report\n");
    expect(statSync(join(dir, "report.txt")).nlink).toBe(names);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it("-o onto a folder is refused in one line, exit 2, and the folder is untouched", () => {
    const dir = folder();
    mkdirSync(join(dir, "reports"));
    writeFileSync(join(dir, "reports", "a.txt"), "a");
    const run = gap(["check", example, "-o", join(dir, "reports")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^gap: cannot write .*reports: it is a directory\n$/);
    expect(readdirSync(join(dir, "reports"))).toEqual(["a.txt"]);
    expect(readdirSync(dir)).toEqual(["reports"]);
  });

  it("-o onto a symbolic link to a folder is refused the same way", () => {
    const dir = folder();
    mkdirSync(join(dir, "reports"));
    symlinkSync("reports", join(dir, "latest"));
    const run = gap(["check", example, "-o", join(dir, "latest")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^gap: cannot write .*latest: it is a directory\n$/);
    expect(lstatSync(join(dir, "latest")).isSymbolicLink()).toBe(true);
    expect(readdirSync(join(dir, "reports"))).toEqual([]);
  });

  it("a hard-link refusal is in Chinese under --lang zh", () => {
    const dir = folder();
    writeFileSync(join(dir, "r.txt"), "old");
    linkSync(join(dir, "r.txt"), join(dir, "s.txt"));
    const run = gap(["check", example, "--lang", "zh", "-o", join(dir, "r.txt")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/：它有 2 个名称（硬链接），替换会使其他名称仍是旧内容（未替换）\n$/);
  });

  it("standard output to a file (-o -) is not an input", () => {
    expect(gap(["check", example, "--format", "json", "-o", "-"]).status).toBe(1);
  });
});

describe("temporary files", () => {
  it("one left by a killed run is removed by the next run that writes there; one of a live process is not", () => {
    const dir = folder();
    const out = join(dir, "report.json");
    // no process has pid 2^22 + 1 on Linux (pid_max is at most 2^22)
    const stale = `.report.json.${(1 << 22) + 1}.k3j4h5g6.gap-tmp`;
    const live = `.report.json.${process.pid}.a1b2c3d4.gap-tmp`;
    const unrelated = ".report.json.notes";
    for (const name of [stale, live, unrelated]) writeFileSync(join(dir, name), "x");
    expect(gap(["check", example, "--format", "json", "-o", out]).status).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([live, unrelated, "report.json"].sort());
  });

  /** A process holding a temporary file the way --output does, bundled from the CLI's own module. */
  function holder(): string {
    const dir = folder();
    const script = join(dir, "hold.cjs");
    buildSync({
      stdin: {
        contents: `import { holdTemporary } from "./src/cli/temporary.ts";
          import { writeFileSync } from "node:fs";
          const path = process.argv[2];
          writeFileSync(path, "partial report");
          holdTemporary(path);
          process.stdout.write("ready\\n");
          setInterval(() => {}, 1000);`,
        resolveDir: root,
        loader: "ts",
      },
      bundle: true,
      platform: "node",
      format: "cjs",
      outfile: script,
      logLevel: "silent",
    });
    return script;
  }

  it.each(["SIGINT", "SIGTERM", "SIGHUP"] as const)("%s removes it, and the process still ends by that signal", async (signal) => {
    const script = holder();
    const temporary = join(folder(), ".report.json.1.abc.gap-tmp");
    const child = spawn(process.execPath, [script, temporary], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    expect(existsSync(temporary)).toBe(true);
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, by) => resolve(by)));
    child.kill(signal);
    expect(await ended).toBe(signal);
    expect(existsSync(temporary)).toBe(false);
  });
});

describe("a country's worth of regions in every format", () => {
  /** A file of `count` county rows (region-years) under English headers. */
  function counties(count: number): string {
    const dir = folder();
    const rows = Array.from({ length: count }, (_, i) => `${110101 + Math.floor(i / 99) * 100 + (i % 99)},2024,${100000 + i},${300 + (i % 97)}`);
    writeFileSync(join(dir, "counties.csv"), `region_code,year,population,physicians\n${rows.join("\n")}\n`);
    return join(dir, "counties.csv");
  }

  it("are each written region by region: the workbook, the page and the annotations of 5,001 counties", { timeout: 120_000 }, async () => {
    const file = counties(5_001);
    const report = JSON.parse(gap(["check", file, "--format", "json"]).stdout) as { regions: Array<{ line: number; counts: Record<string, number> }> };
    expect(report.regions).toHaveLength(5_001);
    const workbook = join(folder(), "report.xlsx");
    expect(gap(["check", file, "-o", workbook]).status).toBe(1);
    const require = createRequire(import.meta.url);
    const ExcelJS = require("exceljs") as typeof import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(workbook);
    // a summary row for each county (each is planned), and a results row for each county and target
    expect(book.getWorksheet("summary")!.rowCount).toBe(5_002);
    const targets = report.regions.reduce((n, r) => n + Object.values(r.counts).reduce((a, b) => a + b, 0), 0);
    expect(book.getWorksheet("results")!.rowCount).toBe(targets + 1);
    const page = join(folder(), "report.html");
    expect(gap(["check", file, "-o", page]).status).toBe(1);
    expect(readFileSync(page, "utf8").match(/<section class="region"/g)).toHaveLength(5_001);
    // annotations on the row of every region with a target not met, as the JSON report counts them
    const annotations = gap(["check", file, "--format", "github"]);
    expect(annotations.status).toBe(1);
    const annotated = new Set([...annotations.stdout.matchAll(/^::(?:error|warning) file=[^,]+,line=(\d+),/gm)].map((m) => Number(m[1])));
    const unmet = report.regions.filter((r) => r.counts.short! + r.counts.overdue! + r.counts.advisory! > 0).map((r) => r.line);
    expect(unmet.length).toBeGreaterThan(1_000);
    expect(annotated).toEqual(new Set(unmet));
  });
});
