import { readdirSync, unlinkSync } from "node:fs";
import { join } from "node:path";

/**
 * Temporary files the CLI has made and not yet renamed or removed. While there is one, SIGINT, SIGTERM and SIGHUP
 * remove them all before the process ends as the signal would have ended it; with none, signals keep their default.
 * A SIGKILL or a power cut cannot be caught: the names say which process made them (temporaryName), and a later run
 * that writes beside them removes those whose process is gone (removeStale).
 */
const live = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const path of live) unlinkQuietly(path);
  live.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // ended by the signal itself, so the caller sees 130 for Ctrl-C, 143 for SIGTERM, as with no handler
  process.kill(process.pid, signal);
}

export function holdTemporary(path: string): void {
  if (live.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  live.add(path);
}

/** The file was renamed into place or removed: nothing to clean up any more. */
export function releaseTemporary(path: string): void {
  if (!live.delete(path) || live.size > 0) return;
  for (const s of SIGNALS) process.removeListener(s, onSignal);
}

export function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // never made, or already gone
  }
}

const MARK = "gap-tmp";

/** `.NAME.<pid>.<random>.gap-tmp`: hidden beside NAME, and naming the process that made it. */
export function temporaryName(name: string): string {
  return `.${name}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.${MARK}`;
}

/** Removes the temporary files for NAME in FOLDER left by runs that were killed: their process is no longer alive. */
export function removeStale(folder: string, name: string): void {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return;
  }
  const prefix = `.${name}.`;
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith(`.${MARK}`)) continue;
    const match = /^(\d+)\.[0-9a-z]+$/.exec(entry.slice(prefix.length, -(MARK.length + 1)));
    if (match && !alive(Number(match[1]))) unlinkQuietly(join(folder, entry));
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
