// Builds dist/cli.cjs (the single-file CLI the bin loads), dist/read-worker.cjs (its second reader of large files)
// and dist/index.js (the library), plus type declarations.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";

/**
 * commander requires child_process at load time for executable subcommands, which gap does not use; loading it
 * costs several milliseconds of every run. Give commander a stand-in that loads it on first use.
 */
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes("node_modules/commander") ? { path: "lazy-child-process", namespace: "lazy" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy" }, () => ({
      contents: 'let m; module.exports = new Proxy({}, { get(_, key) { m ??= require("node:child_process"); return m[key]; } });',
      loader: "js",
    }));
  },
};

/** Data files are embedded as JSON text and parsed at load: V8 parses JSON much faster than object literals. */
const jsonAsText = {
  name: "json-as-text",
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, async (args) => {
      const text = JSON.stringify(JSON.parse(await readFile(args.path, "utf8")));
      return { contents: `module.exports = JSON.parse(${JSON.stringify(text)});`, loader: "js" };
    });
  },
};

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  define: { GAP_VERSION: JSON.stringify(pkg.version) },
  legalComments: "none",
  logLevel: "warning",
};

// zod (most of the bundle) is only needed to check --targets overlays and to print `gap schema`: it stays in
// node_modules and is required on first use, so a plain `gap check` does not pay for parsing it
// exceljs reads workbooks: likewise left in node_modules and required when the first .xlsx is read (src/read/xlsx.ts,
// which finds it from __filename here and from import.meta.url in the library)
const cjs = { define: { ...common.define, "import.meta.url": "undefined" } };
await build({ ...common, ...cjs, entryPoints: ["src/cli/entry.ts"], outfile: "dist/cli.cjs", format: "cjs", minify: true, external: ["zod", "exceljs"], plugins: [lazyChildProcess, jsonAsText] });
// the second reader of a large file, on a worker thread (src/node.ts, readInTwo): the reader alone, beside the CLI
await build({ ...common, ...cjs, entryPoints: ["src/read/worker.ts"], outfile: "dist/read-worker.cjs", format: "cjs", minify: true, plugins: [jsonAsText] });
await build({ ...common, entryPoints: ["src/index.ts"], outfile: "dist/index.js", format: "esm", packages: "external" });
// a code cache for the CLI bundle, from one run of the default command (the table report) on the bundled example: the
// functions a short run needs are then in it (bin/gap.cjs uses it when V8 accepts it)
execFileSync(process.execPath, ["bin/gap.cjs", "check", "examples/chenggong-2024.csv", "--fail-on", "none"], {
  env: { ...process.env, GAP_WRITE_CODE_CACHE: "1" },
  stdio: ["ignore", "ignore", "inherit"],
});
if (!process.argv.includes("--no-types")) {
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
}
