/** Node conveniences around the pure core: reading a statistics file from a path or standard input. */
import { StatisticsReader, type ReadResult } from "./read/reader.js";
import type { InstitutionCheckSpec } from "./read/record.js";
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { UsageError, describeFsError } from "./errors.js";

export async function readStatisticsFile(
  path: string,
  institutionChecks: readonly InstitutionCheckSpec[] = [],
): Promise<{ result: ReadResult; name: string }> {
  const { reader, name } = await openStatisticsFile(path, institutionChecks);
  return { result: reader.end(), name };
}

/**
 * Reads a statistics file to its end and returns the closed reader, whose regions are finished one at a time as
 * they are taken (`finishedRegions()`): for callers that handle a country's worth of regions without holding them.
 */
export async function openStatisticsFile(
  path: string,
  institutionChecks: readonly InstitutionCheckSpec[] = [],
): Promise<{ reader: StatisticsReader; name: string }> {
  const name = inputName(path);
  const reader = new StatisticsReader({ file: name, institutionChecks });
  await readInto(reader, path);
  return { reader, name };
}

/**
 * Pushes a file (or standard input for "-") into a reader and closes it. A fatal problem (bytes that are not text, a
 * missing key column …) ends the reading: `gap validate /dev/zero` ends.
 */
export async function readInto(reader: StatisticsReader, path: string): Promise<void> {
  await streamInput(path, (chunk) => {
    reader.push(chunk);
    return !reader.stopped;
  });
  reader.close();
}

const CHUNK = 1 << 20;

/**
 * Streams a file (or standard input for "-") to `onChunk` until the input ends or `onChunk` returns false. Unreadable
 * input is a UsageError. A file is read into one buffer, reused for every chunk, so reading a large file allocates
 * nothing per chunk: `onChunk` must copy what it keeps.
 */
export async function streamInput(path: string, onChunk: (bytes: Uint8Array) => boolean | void): Promise<void> {
  if (path === "-") {
    if (process.stdin.isTTY) throw new UsageError("reading standard input (-), but it is a terminal: pipe a file in");
    for await (const chunk of process.stdin) if (onChunk(chunk as Uint8Array) === false) break;
    return;
  }
  try {
    const info = statSync(path);
    if (info.isDirectory()) throw new UsageError(`cannot read ${path}: it is a directory`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${path}: ${describeFsError(error)}`);
  }
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const buffer = new Uint8Array(CHUNK);
    for (let read; (read = readSync(fd, buffer, 0, CHUNK, null)) > 0; ) if (onChunk(buffer.subarray(0, read)) === false) break;
  } catch (error) {
    if (fd === undefined || isFsError(error)) throw new UsageError(`cannot read ${path}: ${describeFsError(error)}`);
    throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function isFsError(error: unknown): boolean {
  return typeof error === "object" && error !== null && "syscall" in error;
}

export function inputName(path: string): string {
  return path === "-" ? "<stdin>" : path;
}

