// the synchronous calls: node:fs/promises costs a few milliseconds of every run to load
import { closeSync, openSync, realpathSync, renameSync, statSync, unlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UsageError, describeFsError } from "../errors.js";
import { writeAllSync, writeStdout } from "./stdout.js";

/**
 * Writes the result, a string or a sequence of parts, each written before the next is taken: to standard output, or
 * to PATH. A regular file (or a new one) is written through a temporary file in the same folder renamed over it, so a
 * reader of PATH sees the old content or the new, never half of it, and a failed run leaves PATH as it was; a
 * symbolic link keeps pointing where it did, at the new content. A device or a named pipe (/dev/stdout, a FIFO) is
 * written into, never replaced.
 */
export async function writeOutput(output: string | Iterable<string | Uint8Array>, path: string | undefined): Promise<void> {
  const parts = typeof output === "string" ? [output] : output;
  if (path === undefined || path === "-") {
    // each part is written before the next is taken: a producer may reuse its buffer
    for (const part of parts) await writeStdout(part);
    return;
  }
  const existing = existingTarget(path);
  if (existing && !existing.regular) return writeInto(existing.path, parts, path);
  const target = existing?.path ?? path;
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    const fd = openSync(temporary, "wx");
    try {
      writeParts(fd, parts);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // never made, or already gone
    }
    throw new UsageError(`cannot write ${path}: ${describeFsError(error)}`);
  }
}

/** What PATH names when it exists: the file at the end of any symbolic links, and whether it is a regular file. */
function existingTarget(path: string): { path: string; regular: boolean } | undefined {
  try {
    const resolved = realpathSync(path);
    return { path: resolved, regular: statSync(resolved).isFile() };
  } catch {
    return undefined; // a new file (or an unreadable folder, which the write reports)
  }
}

function writeInto(target: string, parts: Iterable<string | Uint8Array>, path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(target, "w");
    writeParts(fd, parts);
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${describeFsError(error)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeParts(fd: number, parts: Iterable<string | Uint8Array>): void {
  for (const part of parts) writeAllSync(fd, part);
}
