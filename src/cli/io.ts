// the synchronous calls: node:fs/promises costs a few milliseconds of every run to load
import { closeSync, fchmodSync, fchownSync, fstatSync, fsyncSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UsageError, describeFsError } from "../errors.js";
import { writeAllSync, writeStdout } from "./stdout.js";
import { holdTemporary, releaseTemporary, removeStale, temporaryName, unlinkQuietly } from "./temporary.js";

/** how much is written to a temporary file between two turns of the event loop, where a Ctrl-C is handled */
const SIGNAL_CHECK_BYTES = 8 << 20;

/**
 * Writes the result, a string or a sequence of parts, each written before the next is taken: to standard output, or
 * to PATH. A regular file (or a new one) is written through a temporary file in the same folder, synced to disk and
 * renamed over it, so a reader of PATH sees the old content or the new, never half of it, and a failed or
 * interrupted run leaves PATH as it was and no temporary file; the new file keeps the old one's permissions. A
 * symbolic link keeps pointing where it did, at the new content; a link to nothing is refused, not replaced, and so
 * is a file with other names (hard links). A device or a named pipe (/dev/stdout, a FIFO) is written into, never
 * replaced; a folder is refused.
 */
export async function writeOutput(output: string | Iterable<string | Uint8Array>, path: string | undefined): Promise<void> {
  const parts = typeof output === "string" ? [output] : output;
  if (path === undefined || path === "-") {
    // each part is written before the next is taken: a producer may reuse its buffer
    for (const part of parts) await writeStdout(part);
    return;
  }
  const existing = existingTarget(path);
  if (existing && !existing.stats.isFile()) return writeInto(existing.path, parts, path);
  if (existing) refuseHardLinked(path, existing.stats);
  const target = existing?.path ?? path;
  const folder = dirname(target);
  removeStale(folder, basename(target));
  const temporary = join(folder, temporaryName(basename(target)));
  let fd: number | undefined;
  try {
    fd = openSync(temporary, "wx", 0o666);
    holdTemporary(temporary);
    if (existing) keepPermissions(fd, existing.stats);
    let sinceTurn = 0;
    for (const part of parts) {
      writeAllSync(fd, part);
      sinceTurn += part.length;
      if (sinceTurn >= SIGNAL_CHECK_BYTES) {
        sinceTurn = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, target);
    releaseTemporary(temporary);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    unlinkQuietly(temporary);
    releaseTemporary(temporary);
    throw new UsageError(`cannot write ${path}: ${describeFsError(error)}`);
  }
  syncFolder(folder);
}

/** The replaced file's mode (a 0600 report stays private) and, where the system lets us, its owner. */
function keepPermissions(fd: number, old: Stats): void {
  fchmodSync(fd, old.mode & 0o7777);
  const mine = fstatSync(fd);
  if (mine.uid === old.uid && mine.gid === old.gid) return;
  try {
    fchownSync(fd, old.uid, old.gid);
  } catch {
    // only the superuser may give a file away: it stays ours, with the old mode
  }
}

/** The rename is durable once the folder's entry is on disk; some file systems cannot sync a folder, which is no error. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, "r");
    fsyncSync(fd);
  } catch {
    // not supported here
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * What PATH names when it exists: the file at the end of any symbolic links, and its status. A link to nothing is
 * refused: renaming over it would replace the link, and following it would make a file wherever it points.
 */
function existingTarget(path: string): { path: string; stats: Stats } | undefined {
  let link: Stats;
  try {
    link = lstatSync(path);
  } catch {
    return undefined; // a new file (or an unreadable folder, which the write reports)
  }
  try {
    const resolved = realpathSync(path);
    return { path: resolved, stats: statSync(resolved) };
  } catch (error) {
    if (link.isSymbolicLink()) {
      throw new UsageError(`cannot write ${path}: it is a symbolic link to ${linkText(path)}, which does not exist (not replaced)`);
    }
    throw new UsageError(`cannot write ${path}: ${describeFsError(error)}`);
  }
}

/**
 * A file with other names (hard links) is refused, not replaced: the rename would give this name the new report and
 * leave the others on the old one, silently. Writing through it instead (truncating and rewriting in place, so every
 * name sees the new content) would lose what the rename gives: a failed or interrupted run would leave the file
 * half written under all its names. A user who wants that can redirect standard output onto the file (> FILE).
 */
function refuseHardLinked(path: string, stats: Stats): void {
  if (stats.nlink > 1) {
    throw new UsageError(`cannot write ${path}: it has ${stats.nlink} names (hard links), and replacing it would leave the others on the old content (not replaced)`);
  }
}

function linkText(path: string): string {
  try {
    return JSON.stringify(readlinkSync(path));
  } catch {
    return "a missing file";
  }
}

function writeInto(target: string, parts: Iterable<string | Uint8Array>, path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(target, "w");
    for (const part of parts) writeAllSync(fd, part);
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${describeFsError(error)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Refuses an output that is one of the inputs (`gap check data.csv -o data.csv` would replace the statistics with
 * the report), by what the paths name rather than how they are spelled: through links, `./`, or another hard link.
 * Only regular files: /dev/stdin and /dev/stdout may well be the same terminal. An output with other names is
 * refused here as well (see refuseHardLinked).
 */
export function refuseOutputOntoInput(output: string | undefined, inputs: readonly string[]): void {
  if (output === undefined || output === "-") return;
  let out: Stats;
  try {
    out = statSync(output);
  } catch {
    return; // nothing there yet, so no input either
  }
  if (!out.isFile()) return;
  for (const input of inputs) {
    try {
      // "-": standard input, which may be the very file (gap check - < data.csv -o data.csv)
      const stats = input === "-" ? fstatSync(0) : statSync(input);
      if (stats.dev === out.dev && stats.ino === out.ino) {
        throw new UsageError(`-o ${output}: it is the input ${input === "-" ? "(standard input)" : input}; write the result to another file`);
      }
    } catch (error) {
      if (error instanceof UsageError) throw error;
      // an unreadable input is reported when it is read
    }
  }
  // refused before a long run too, as writeOutput would refuse it at its end
  refuseHardLinked(output, out);
}
