import { closeSync, openSync, readSync } from "node:fs";
import { bundledCatalogue } from "../catalogue/bundled.js";
import { templatesOf, type Catalogue } from "../catalogue/catalogue.js";
import type { Target } from "../catalogue/schema.js";
import { UsageError, describeFsError } from "../errors.js";

/** The bundled catalogue with the user's overlays applied in order (--targets FILE, repeatable). */
export async function loadCatalogue(overlays: readonly string[] = []): Promise<Catalogue> {
  const catalogue = bundledCatalogue();
  if (overlays.length === 0) return catalogue;
  // zod is loaded only when an overlay needs checking
  const { parseOverlay, applyOverlays, OverlayError, MAX_OVERLAY_BYTES } = await import("../catalogue/overlay.js");
  const parsed: Array<{ file: string; targets: Target[] }> = [];
  for (const file of overlays) {
    const text = readBounded(file, MAX_OVERLAY_BYTES);
    if (text === undefined) throw new UsageError(`bad targets file ${file}: larger than ${MAX_OVERLAY_BYTES} bytes`);
    try {
      parsed.push({ file, targets: parseOverlay(file, text) });
    } catch (error) {
      if (!(error instanceof OverlayError)) throw error;
      throw new UsageError(error.problems.length === 1 ? `bad targets file ${error.message}` : `bad targets file:\n${error.message}`);
    }
  }
  return applyOverlays(catalogue, parsed);
}

/**
 * A file's text, or undefined when it holds more than `limit` bytes: reading stops there, so a device that never
 * ends (/dev/zero, a pipe left open) is refused rather than read forever.
 */
function readBounded(file: string, limit: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const buffer = Buffer.allocUnsafe(Math.min(limit + 1, 1 << 16));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      chunks.push(Buffer.from(buffer.subarray(0, n)));
      total += n;
      if (total > limit) return undefined;
    }
    return Buffer.concat(chunks, total).toString("utf8");
  } catch (error) {
    throw new UsageError(`cannot read targets file ${file}: ${describeFsError(error)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function checkTemplates(catalogue: Catalogue, asked: readonly string[]): void {
  const known = templatesOf(catalogue);
  for (const name of asked) {
    if (!known.includes(name)) throw new UsageError(`unknown template «${name}»: known templates are ${known.join(", ") || "(none)"}`);
  }
}
