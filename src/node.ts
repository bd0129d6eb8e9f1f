/** Node conveniences around the pure core: reading a statistics file from a path or standard input. */
import { StatisticsReader, type ReadResult } from "./read/reader.js";
import type { InstitutionCheckSpec } from "./read/record.js";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { UsageError, describeFsError } from "./errors.js";

export async function readStatisticsFile(
  path: string,
  institutionChecks: readonly InstitutionCheckSpec[] = [],
): Promise<{ result: ReadResult; name: string }> {
  const name = inputName(path);
  const reader = new StatisticsReader({ file: name, institutionChecks });
  await streamInput(path, (chunk) => reader.push(chunk));
  return { result: reader.end(), name };
}

const CHUNK = 1 << 20;

/** Streams a file (or standard input for "-") to `onChunk`. Unreadable input is a UsageError. */
export async function streamInput(path: string, onChunk: (bytes: Uint8Array) => void): Promise<void> {
  if (path === "-") {
    if (process.stdin.isTTY) throw new UsageError("reading standard input (-), but it is a terminal: pipe a file in");
    for await (const chunk of process.stdin) onChunk(chunk as Uint8Array);
    return;
  }
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UsageError(`cannot read ${path}: it is a directory`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${path}: ${describeFsError(error)}`);
  }
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) onChunk(chunk as Uint8Array);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${describeFsError(error)}`);
  }
}

export function inputName(path: string): string {
  return path === "-" ? "<stdin>" : path;
}

