import { targetFileSchema, type Target } from "./schema.js";
import type { Catalogue } from "./catalogue.js";

export interface OverlayProblem {
  file: string;
  /** JSON path of the offending value, e.g. targets[3].value */
  path: string;
  message: string;
}

export class OverlayError extends Error {
  constructor(readonly problems: OverlayProblem[]) {
    super(problems.map((p) => `${p.file}: ${p.path || "(file)"}: ${p.message}`).join("\n"));
  }
}

const MAX_OVERLAY_BYTES = 10 * 1024 * 1024;

function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`))
    .join("");
}

/** Parses and validates one overlay file's text; throws OverlayError with located problems. */
export function parseOverlay(file: string, text: string): Target[] {
  if (text.length > MAX_OVERLAY_BYTES) {
    throw new OverlayError([{ file, path: "", message: `larger than ${MAX_OVERLAY_BYTES} bytes` }]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (error) {
    const message = error instanceof RangeError ? "nested too deeply" : `not valid JSON (${(error as Error).message})`;
    throw new OverlayError([{ file, path: "", message }]);
  }
  let parsed;
  try {
    parsed = targetFileSchema.safeParse(data);
  } catch (error) {
    if (error instanceof RangeError) throw new OverlayError([{ file, path: "", message: "nested too deeply" }]);
    throw error;
  }
  if (!parsed.success) {
    throw new OverlayError(
      parsed.error.issues.slice(0, 20).map((issue) => ({ file, path: jsonPath(issue.path), message: issue.message })),
    );
  }
  const problems: OverlayProblem[] = [];
  const seen = new Map<string, number>();
  parsed.data.targets.forEach((t, i) => {
    if (seen.has(t.id)) problems.push({ file, path: `targets[${i}].id`, message: `id ${t.id} already used by targets[${seen.get(t.id)}]` });
    seen.set(t.id, i);
    problems.push(...checkTarget(t).map((message) => ({ file, path: `targets[${i}]`, message })));
  });
  if (problems.length) throw new OverlayError(problems);
  return parsed.data.targets;
}

/** Rules the schema cannot state: a range needs its upper bound above the lower, and so on. */
export function checkTarget(t: Target): string[] {
  const problems: string[] = [];
  if ("comparator" in t && t.comparator === "range") {
    if (!("max" in t) || t.max === undefined) problems.push("a range needs max");
    else if ("value" in t && t.max < t.value) problems.push("max is below value");
  }
  if (t.kind === "share" && t.comparator !== "range" && t.value > 100) problems.push("a share is at most 100 (percent)");
  if (t.kind === "institution_share" && t.value > 100) problems.push("a share is at most 100 (percent)");
  if (t.kind === "share" && t.metric === t.of) problems.push("metric and of are the same");
  if (t.kind === "ratio" && t.metric === t.of) problems.push("metric and of are the same");
  return problems;
}

/** Adds an overlay's targets to the catalogue; a target whose id already exists replaces it. */
export function applyOverlay(catalogue: Catalogue, file: string, targets: readonly Target[]): Catalogue {
  const byId = new Map(catalogue.targets.map((t) => [t.id, t]));
  const origin = new Map(catalogue.origin);
  for (const t of targets) {
    byId.set(t.id, t);
    origin.set(t.id, file);
  }
  return { ...catalogue, targets: [...byId.values()], origin };
}
