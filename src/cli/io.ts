// the synchronous calls: node:fs/promises costs a few milliseconds of every run to load
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UsageError, describeFsError } from "../errors.js";

/**
 * Writes the result, a string or a sequence of parts, each written before the next is taken: to standard output, or
 * to PATH through a temporary file in the same folder renamed over it, so a reader of PATH sees the old content or
 * the new, never half of it, and a failed run leaves PATH as it was.
 */
export async function writeOutput(output: string | Iterable<string | Uint8Array>, path: string | undefined): Promise<void> {
  const parts = typeof output === "string" ? [output] : output;
  if (path === undefined || path === "-") {
    // each part is written before the next is taken: a producer may reuse its buffer; a failed write (EPIPE) is
    // handled by the stream's error listener
    for (const part of parts) await new Promise<void>((resolve) => process.stdout.write(part, () => resolve()));
    return;
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    const fd = openSync(temporary, "wx");
    try {
      for (const part of parts) {
        const bytes = typeof part === "string" ? Buffer.from(part, "utf8") : part;
        for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
      }
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // never made, or already gone
    }
    throw new UsageError(`cannot write ${path}: ${describeFsError(error)}`);
  }
}
