import { readFileSync } from "node:fs";
import { bundledCatalogue } from "../catalogue/bundled.js";
import { templatesOf, type Catalogue } from "../catalogue/catalogue.js";
import { UsageError, describeFsError } from "../errors.js";

/** The bundled catalogue with the user's overlays applied in order (--targets FILE, repeatable). */
export async function loadCatalogue(overlays: readonly string[] = []): Promise<Catalogue> {
  let catalogue = bundledCatalogue();
  if (overlays.length === 0) return catalogue;
  // zod is loaded only when an overlay needs checking
  const { parseOverlay, applyOverlay, OverlayError } = await import("../catalogue/overlay.js");
  for (const file of overlays) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new UsageError(`cannot read targets file ${file}: ${describeFsError(error)}`);
    }
    try {
      catalogue = applyOverlay(catalogue, file, parseOverlay(file, text));
    } catch (error) {
      if (error instanceof OverlayError) throw new UsageError(`bad targets file:\n${error.message}`);
      throw error;
    }
  }
  return catalogue;
}

export function checkTemplates(catalogue: Catalogue, asked: readonly string[]): void {
  const known = templatesOf(catalogue);
  for (const name of asked) {
    if (!known.includes(name)) throw new UsageError(`unknown template «${name}»: known templates are ${known.join(", ") || "(none)"}`);
  }
}
