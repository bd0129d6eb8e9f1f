import { targetFileSchema, type Target } from "./schema.js";
import type { Catalogue } from "./catalogue.js";
import { GapError, InvalidOptionError } from "../errors.js";

export interface OverlayProblem {
  file: string;
  /** JSON path of the offending value, e.g. targets[3].value */
  path: string;
  message: string;
}

export class OverlayError extends GapError {
  override name = "OverlayError";
  constructor(readonly problems: OverlayProblem[]) {
    super(problems.map((p) => `${p.file}: ${p.path || "(file)"}: ${p.message}`).join("\n"));
  }
}

export const MAX_OVERLAY_BYTES = 10 * 1024 * 1024;

function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`))
    .join("");
}

/** The offending value, when it is short enough to quote: `1e+308: at most …`. */
function shown(input: unknown): string {
  if (typeof input === "number" || typeof input === "boolean") return `${input}: `;
  if (typeof input === "string" && input.length <= 40) return `${JSON.stringify(input)}: `;
  return "";
}

/** Parses and validates one overlay file's text; throws OverlayError with located problems. */
export function parseOverlay(file: string, text: string): Target[] {
  if (typeof file !== "string") throw new InvalidOptionError("file", file, "the overlay's name, a string");
  if (typeof text !== "string") throw new InvalidOptionError("text", text, "the overlay's JSON text, a string");
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
    parsed = targetFileSchema.safeParse(data, { reportInput: true });
  } catch (error) {
    if (error instanceof RangeError) throw new OverlayError([{ file, path: "", message: "nested too deeply" }]);
    throw error;
  }
  if (!parsed.success) {
    throw new OverlayError(
      parsed.error.issues.slice(0, 20).map((issue) => ({ file, path: jsonPath(issue.path), message: `${shown(issue.input)}${issue.message}` })),
    );
  }
  const problems: OverlayProblem[] = [];
  const seen = new Map<string, number>();
  parsed.data.targets.forEach((t, i) => {
    if (seen.has(t.id)) problems.push({ file, path: `targets[${i}].id`, message: `id ${t.id} already used by targets[${seen.get(t.id)}]` });
    seen.set(t.id, i);
    problems.push(...checkTarget(t).map(({ field, message }) => ({ file, path: `targets[${i}]${field ? `.${field}` : ""}`, message })));
  });
  if (problems.length) throw new OverlayError(problems);
  return parsed.data.targets;
}

/**
 * The most a target of each kind can sensibly ask: more staff than people, or a million nurses per physician, is a
 * typing error, and planning for it would only print absurd hires.
 */
const KIND_BOUNDS: Partial<Record<Target["kind"], (t: Target) => { most: number; what: string }>> = {
  density: (t) => ({ most: "per" in t ? t.per : 1000, what: "people per its population" }),
  ratio: () => ({ most: 100, what: "people per person" }),
  growth: () => ({ most: 1000, what: "percent a year" }),
  flow: () => ({ most: 1_000_000, what: "people a year" }),
};

/** Rules the schema cannot state: a range needs its upper bound above the lower, and so on. `field` locates each. */
export function checkTarget(t: Target): Array<{ field?: string; message: string }> {
  const problems: Array<{ field?: string; message: string }> = [];
  if ("comparator" in t && t.comparator === "range") {
    if (!("max" in t) || t.max === undefined) problems.push({ message: "a range needs max" });
    else if ("value" in t && t.max < t.value) problems.push({ field: "max", message: "max is below value" });
  }
  const bound = KIND_BOUNDS[t.kind]?.(t);
  if (bound && "value" in t) {
    for (const field of ["value", "max"] as const) {
      const figure = (t as { value?: number; max?: number })[field];
      if (figure !== undefined && figure > bound.most) problems.push({ field, message: `${figure}: a ${t.kind} target is at most ${bound.most} (${bound.what})` });
    }
  }
  if (t.kind === "share" && t.comparator !== "range" && t.value > 100) problems.push({ field: "value", message: "a share is at most 100 (percent)" });
  if (t.kind === "institution_share" && t.value > 100) problems.push({ field: "value", message: "a share is at most 100 (percent)" });
  if (t.kind === "share" && t.metric === t.of) problems.push({ field: "of", message: "metric and of are the same" });
  if (t.kind === "ratio" && t.metric === t.of) problems.push({ field: "of", message: "metric and of are the same" });
  return problems;
}

/** Adds an overlay's targets to the catalogue; a target whose id already exists replaces it. */
export function applyOverlay(catalogue: Catalogue, file: string, targets: readonly Target[]): Catalogue {
  return applyOverlays(catalogue, [{ file, targets }]);
}

/**
 * Adds several overlays' targets in order, the catalogue copied once for all of them (thousands of --targets files
 * cost their own size, not thousands of catalogues): a later file's target replaces an earlier one of the same id.
 */
export function applyOverlays(catalogue: Catalogue, overlays: ReadonlyArray<{ file: string; targets: readonly Target[] }>): Catalogue {
  if (typeof catalogue !== "object" || catalogue === null || !Array.isArray(catalogue.targets) || !(catalogue.origin instanceof Map)) {
    throw new InvalidOptionError("catalogue", catalogue, "a catalogue (bundledCatalogue(), or one with overlays applied)");
  }
  overlays.forEach(({ targets }, i) => {
    if (!Array.isArray(targets)) throw new InvalidOptionError(overlays.length === 1 ? "targets" : `overlays[${i}].targets`, targets, "the targets parseOverlay returned");
  });
  const byId = new Map(catalogue.targets.map((t) => [t.id, t]));
  const origin = new Map(catalogue.origin);
  for (const { file, targets } of overlays) {
    for (const t of targets) {
      byId.set(t.id, t);
      origin.set(t.id, file);
    }
  }
  return { ...catalogue, targets: [...byId.values()], origin };
}
