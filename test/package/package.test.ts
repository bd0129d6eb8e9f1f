// The package as its users get it: loaded by name from CommonJS and ESM, and what `npm pack` would ship.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../cli/run.js";

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const example = join(root, "examples", "chenggong-2024.csv");

/** Runs a script in the package's folder, where Node resolves the package's own name through its exports. */
function node(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the package", () => {
  it("has a scoped name that can be published, and the command is still gap", () => {
    expect(pkg.name).toMatch(/^@[a-z0-9-]+\/gap$/);
    expect(Object.keys(pkg.bin)).toEqual(["gap"]);
    expect(pkg.license).toBe("MIT");
    expect(readFileSync(join(root, "LICENSE"), "utf8")).toMatch(/^MIT License/);
    expect(pkg.repository.url).toMatch(/^git\+https:\/\//);
  });

  it("loads with require() from CommonJS", () => {
    const script = `require(${JSON.stringify(pkg.name)}).checkFile(${JSON.stringify(example)}).then((r) => console.log(r.regions[0].code))`;
    const r = node(["-e", script]);
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("530114");
  });

  it("loads with import from ESM", () => {
    const script = `const { checkFile } = await import(${JSON.stringify(pkg.name)}); console.log((await checkFile(${JSON.stringify(example)})).regions[0].code)`;
    const r = node(["--input-type=module", "-e", script]);
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("530114");
  });

  it("require and import give the same exports", () => {
    const r = node(["--input-type=module", "-e", `import { createRequire } from "node:module"; const esm = Object.keys(await import(${JSON.stringify(pkg.name)})).sort(); const cjs = Object.keys(createRequire(process.cwd() + "/")(${JSON.stringify(pkg.name)})).sort(); console.log(JSON.stringify([esm, cjs]))`]);
    const [esm, cjs] = JSON.parse(r.stdout) as [string[], string[]];
    expect(cjs).toEqual(esm);
    expect(esm).toContain("checkFile");
  });

  it("its declarations type-check from a CommonJS and an ESM TypeScript module", () => {
    const dir = mkdtempSync(join(tmpdir(), "gap-types-"));
    const use = `import { checkText, InvalidOptionError, type Report } from ${JSON.stringify(pkg.name)};\nconst report: Report = checkText("");\nconst n: number = report.summary.regions;\nexport const e = new InvalidOptionError("x", n, "y");\n`;
    writeFileSync(join(dir, "use.cts"), use);
    writeFileSync(join(dir, "use.mts"), use);
    // the package resolves by its name from a node_modules beside the modules, as in a user's project
    mkdirSync(join(dir, "node_modules", dirname(pkg.name)), { recursive: true });
    symlinkSync(root, join(dir, "node_modules", pkg.name));
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "node16", moduleResolution: "node16", strict: true, noEmit: true, types: [] }, files: ["use.cts", "use.mts"] }));
    const r = spawnSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", dir], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 180_000);

  it("ships the built library with source maps and declarations for both module systems, the examples, and no CLI declarations", () => {
    const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })) as Array<{ files: Array<{ path: string }> }>;
    const files = packed!.files.map((f) => f.path);
    for (const needed of [
      "LICENSE",
      "README.md",
      "bin/gap.cjs",
      "dist/cli.cjs",
      "dist/index.js",
      "dist/index.js.map",
      "dist/index.cjs",
      "dist/index.cjs.map",
      "dist/types/src/index.d.ts",
      "dist/types/src/index.d.cts",
      "examples/chenggong-2024.csv",
    ]) {
      expect(files).toContain(needed);
    }
    expect(files.filter((f) => f.startsWith("dist/types/src/cli/"))).toEqual([]);
    expect(files.filter((f) => f.startsWith("test/") || f.startsWith("src/"))).toEqual([]);
  });
});
