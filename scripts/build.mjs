// Builds dist/cli.cjs (the single-file CLI the bin loads), the library as dist/index.js (ESM, for import) and
// dist/index.cjs (CommonJS, for require), each with its source map, and the library's type declarations (for both
// module systems).
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

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

/**
 * The CLI reads a provenance record (seeds/*.json) only for its document's title and number (src/i18n/labels.ts, the
 * sources under a report): those fields alone are embedded, a thirtieth of the records, which would otherwise be
 * parsed and carried in the code cache at every start. Any other module importing a record stops the build.
 */
const SEED_FIELDS_READ = ["document", "title", "number"];
const SEED_READER = join("src", "i18n", "labels.ts");

/** Data files are embedded as JSON text and parsed at load: V8 parses JSON much faster than object literals. */
const jsonAsText = {
  name: "json-as-text",
  setup(b) {
    b.onResolve({ filter: /[/\\]seeds[/\\][^/\\]+\.json$/ }, (args) => {
      if (!args.importer.endsWith(SEED_READER)) return { errors: [{ text: `${args.importer} imports ${args.path}: the CLI bundle embeds only ${SEED_FIELDS_READ.join(", ")} of the records, for ${SEED_READER} (scripts/build.mjs)` }] };
      return undefined;
    });
    b.onLoad({ filter: /\.json$/ }, async (args) => {
      let data = JSON.parse(await readFile(args.path, "utf8"));
      if (/[/\\]seeds[/\\][^/\\]+\.json$/.test(args.path)) data = Object.fromEntries(SEED_FIELDS_READ.map((field) => [field, data[field]]));
      const text = JSON.stringify(data);
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
  // a stack trace (node --enable-source-maps) points into src/, which the package does not ship: the maps carry it
  sourcemap: true,
};
rmSync("dist", { recursive: true, force: true });

// zod (most of the bundle) is only needed to check --targets overlays and to print `gap schema`: it stays in
// node_modules and is required on first use, so a plain `gap check` does not pay for parsing it
// exceljs reads workbooks: likewise left in node_modules and required when the first .xlsx is read (src/read/xlsx.ts,
// which finds it from __filename here and from import.meta.url in the library)
const cjs = { define: { ...common.define, "import.meta.url": "undefined" } };
// the CLI file is the function Node would wrap a CommonJS module in (Module.wrap), already wrapped: bin/gap.cjs
// compiles it as it is read, where wrapping it there would copy the whole text once more at every start
const moduleWrapper = { banner: { js: "(function (exports, require, module, __filename, __dirname) {" }, footer: { js: "\n});" } };
await build({ ...common, ...cjs, ...moduleWrapper, entryPoints: ["src/cli/entry.ts"], outfile: "dist/cli.cjs", format: "cjs", minify: true, external: ["zod", "exceljs"], plugins: [lazyChildProcess, jsonAsText] });
await asciiOnly("dist/cli.cjs");
// the library, for `import` and for `require`: dependencies stay the user's own packages
await build({ ...common, entryPoints: ["src/index.ts"], outfile: "dist/index.js", format: "esm", packages: "external" });
await build({ ...common, ...cjs, entryPoints: ["src/index.ts"], outfile: "dist/index.cjs", format: "cjs", packages: "external" });
// a code cache for the CLI bundle, from one run of the default command (the table report) on the bundled example: the
// functions a short run needs are then in it (bin/gap.cjs uses it when V8 accepts it)
execFileSync(process.execPath, ["bin/gap.cjs", "check", "examples/chenggong-2024.csv", "--fail-on", "none"], {
  env: { ...process.env, GAP_WRITE_CODE_CACHE: "1" },
  stdio: ["ignore", "ignore", "inherit"],
});
if (!process.argv.includes("--no-types")) {
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
  await commonJsDeclarations("dist/types");
}

/**
 * TypeScript reads a .d.ts of a "type": "module" package as ESM, which a CommonJS user cannot require: each
 * declaration file gets a .d.cts twin whose relative imports name the twins.
 */
async function commonJsDeclarations(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await commonJsDeclarations(path);
    else if (entry.name.endsWith(".d.ts")) {
      const text = await readFile(path, "utf8");
      await writeFile(path.replace(/\.d\.ts$/, ".d.cts"), text.replace(/((?:from |import\()["']\.{1,2}\/[^"']*)\.js(["'])/g, "$1.cjs$2"));
    }
  }
}

/**
 * esbuild escapes non-ASCII characters in strings but leaves them in regular expression literals (年, （, —): a
 * single one makes V8 decode the whole bundle as UTF-8 into a two-byte string at every start. Escaped as \uXXXX,
 * which means the same character in a regular expression, the bundle is ASCII and is taken as it is. (On the few
 * lines with such a character, the source map's columns after it are off by five per character.)
 */
async function asciiOnly(file) {
  const code = await readFile(file, "utf8");
  const escaped = code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (escaped !== code) await writeFile(file, escaped);
}
