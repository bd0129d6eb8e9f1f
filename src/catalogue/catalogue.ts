import type { Target } from "./schema.js";
import { InvalidOptionError } from "../errors.js";

export type Level = Target["level"];

export interface Catalogue {
  version: string;
  published: string;
  /** relative tolerance of 左右 (about) where a target sets none */
  aboutTolerance: number;
  targets: readonly Target[];
  /** where each target came from: "bundled" or the overlay file that added or replaced it */
  origin: ReadonlyMap<string, string>;
}

export const LEVELS: readonly Level[] = ["national", "provincial", "municipal", "county"];

/** The code prefix a region code stands for: 000000 → "", 530000 → "53", 530100 → "5301", 530114 → "530114". */
export function regionPrefix(code: string): string {
  if (typeof code !== "string") throw new InvalidOptionError("code", code, "a 6-digit region code");
  if (code === "000000") return "";
  if (code.endsWith("0000")) return code.slice(0, 2);
  if (code.endsWith("00")) return code.slice(0, 4);
  return code;
}

export function levelOfCode(code: string): Level {
  const prefix = regionPrefix(code);
  return prefix.length === 0 ? "national" : prefix.length === 2 ? "provincial" : prefix.length === 4 ? "municipal" : "county";
}

/**
 * Whether a target set for `region` (and, with `levels`, only for regions of those levels) covers the region `code`:
 * every region whose code prefix covers it (nation, province, prefecture, county).
 */
export function coversRegion(region: string, levels: readonly Level[] | undefined, code: string): boolean {
  return (levels === undefined || levels.includes(levelOfCode(code))) && code.startsWith(regionPrefix(region));
}

export interface Selection {
  /** named templates asked for (--template): their targets apply to every region */
  templates?: readonly string[];
}

/**
 * The targets that apply to a region: those of every region whose code prefix covers it (nation, province,
 * prefecture, county), plus the templates asked for. Absolute totals apply only to their own region.
 */
export function applicableTargets(catalogue: Catalogue, code: string, selection: Selection = {}): Target[] {
  if (typeof code !== "string") throw new InvalidOptionError("code", code, "a 6-digit region code");
  const templates = new Set(selection.templates ?? []);
  return catalogue.targets.filter((t) => {
    if (t.template !== undefined) return templates.has(t.template);
    if (t.kind === "total") return t.region === code && coversRegion(t.region, t.regionLevels, code);
    return coversRegion(t.region, t.regionLevels, code);
  });
}

export function templatesOf(catalogue: Catalogue): string[] {
  return [...new Set(catalogue.targets.flatMap((t) => (t.template ? [t.template] : [])))].sort();
}
