import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bundledCatalogue } from "../../src/catalogue/bundled.js";
import { check, type CheckResult } from "../../src/check.js";
import { institutionChecks } from "../../src/evaluate/engine.js";
import { readStatistics } from "../../src/read/reader.js";
import { root } from "./run.js";

/** A check of a file of the repository, held in memory, for the formatters' own tests. */
export function checked(file: string, options: { horizon?: number; attrition?: number } = {}): CheckResult {
  const catalogue = bundledCatalogue();
  const read = readStatistics(readFileSync(join(root, file)), { file, institutionChecks: institutionChecks(catalogue) });
  if (read.errors > 0) throw new Error(`${file} has errors`);
  return check(read, catalogue, { populationGrowth: 0, attrition: options.attrition ?? 0, ...(options.horizon ? { horizon: options.horizon } : {}) });
}
