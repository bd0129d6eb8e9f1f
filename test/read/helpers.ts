import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../../src/read/diagnostics.js";
import { readStatistics, type ReadResult } from "../../src/read/reader.js";
import type { InstitutionCheckSpec } from "../../src/read/record.js";

export const FIXTURES = join(import.meta.dirname, "..", "fixtures", "input");

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

export function readFixture(name: string, institutionChecks?: readonly InstitutionCheckSpec[]): ReadResult {
  return readStatistics(fixtureBytes(name), { file: name, ...(institutionChecks ? { institutionChecks } : {}) });
}

/** One diagnostic as a short line: "E constraint-error 3:11 physicians" (W for warnings). */
export function brief(d: Diagnostic): string {
  return `${d.severity === "error" ? "E" : "W"} ${d.code} ${d.line}:${d.column}${d.field ? ` ${d.field}` : ""}`;
}

/** Every public-health-physician check the catalogue could ask for, over the grassroots types. */
export const PUBLIC_HEALTH_PHYSICIAN_CHECKS: InstitutionCheckSpec[] = [
  { id: "township-public-health-physician", metric: "public_health_physicians", min: 1, unitTypes: ["township_hospital"] },
  { id: "chc-public-health-physician", metric: "public_health_physicians", min: 1, unitTypes: ["community_health_center"] },
];
