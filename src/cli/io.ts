import { rename, writeFile, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { UsageError, describeFsError } from "../errors.js";

/**
 * Writes the result: to standard output, or to PATH through a temporary file in the same folder renamed over it,
 * so a reader of PATH sees the old content or the new, never half of it, and a failed run leaves PATH as it was.
 */
export async function writeOutput(text: string, path: string | undefined): Promise<void> {
  if (path === undefined || path === "-") {
    process.stdout.write(text);
    return;
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await writeFile(temporary, text, { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new UsageError(`cannot write ${path}: ${describeFsError(error)}`);
  }
}

