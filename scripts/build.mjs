// Builds dist/cli.cjs (the single-file CLI the bin loads) and dist/index.js (the library), plus type declarations.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  define: { GAP_VERSION: JSON.stringify(pkg.version) },
  legalComments: "none",
  logLevel: "warning",
};

await build({ ...common, entryPoints: ["src/cli/entry.ts"], outfile: "dist/cli.cjs", format: "cjs", minify: true });
await build({ ...common, entryPoints: ["src/index.ts"], outfile: "dist/index.js", format: "esm", packages: "external" });
if (!process.argv.includes("--no-types")) {
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
}
