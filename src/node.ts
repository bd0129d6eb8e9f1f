/** Node conveniences around the pure core: reading a statistics file from a path or standard input. */
import { StatisticsReader, type ReadResult } from "./read/reader.js";
import type { InstitutionCheckSpec } from "./read/record.js";
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { UsageError, describeFsError } from "./errors.js";
import { WorkbookError, containerOf, workbookRows, type Container } from "./read/xlsx.js";

/** How to read a statistics file beyond its bytes: the sheet of a workbook, the regions wanted. */
export interface InputOptions {
  /** the sheet of an .xlsx workbook to read (default: the first) */
  sheet?: string;
  /** only regions whose code starts with one of these (--region) */
  regions?: readonly string[];
}

export async function readStatisticsFile(
  path: string,
  institutionChecks: readonly InstitutionCheckSpec[] = [],
  input: InputOptions = {},
): Promise<{ result: ReadResult; name: string }> {
  const { reader, name } = await openStatisticsFile(path, institutionChecks, input);
  return { result: reader.end(), name };
}

/**
 * Reads a statistics file to its end and returns the closed reader (and, for a workbook, the sheet it read), whose regions are finished one at a time as
 * they are taken (`finishedRegions()`): for callers that handle a country's worth of regions without holding them.
 */
export async function openStatisticsFile(
  path: string,
  institutionChecks: readonly InstitutionCheckSpec[] = [],
  input: InputOptions = {},
): Promise<{ reader: StatisticsReader; name: string; sheet?: string }> {
  const name = inputName(path);
  const options = { institutionChecks, ...(input.regions ? { regions: input.regions } : {}) };
  const container = path === "-" ? undefined : fileContainer(path);
  if (container === "ole2") refuseContainer(path, container);
  if (container === "zip") return readWorkbook(readWhole(path), name, options, input.sheet);
  const reader = new StatisticsReader({ file: name, ...options });
  if (container === undefined) {
    // standard input: its first bytes say whether it is text or a workbook, which is then read whole
    const held: Uint8Array[] = [];
    let kind: Container | undefined;
    await streamInput(path, (chunk) => {
      if (kind === "text") {
        reader.push(chunk);
        return !reader.stopped;
      }
      held.push(chunk.slice());
      const head = Buffer.concat(held);
      if (kind === undefined && head.length < 8) return;
      kind ??= containerOf(head);
      if (kind === "ole2") refuseContainer(name, kind);
      if (kind === "text") {
        held.length = 0;
        reader.push(head);
      }
    });
    if (kind === "zip") return readWorkbook(Buffer.concat(held), name, options, input.sheet);
    if (kind === undefined && held.length > 0) reader.push(Buffer.concat(held));
  } else {
    // a fatal problem (bytes that are not text, a missing key column …) ends the reading: gap validate /dev/zero ends
    await streamInput(path, (chunk) => {
      reader.push(chunk);
      return !reader.stopped;
    });
  }
  reader.close();
  return { reader, name };
}

/** A workbook's sheet through the same reader: diagnostics are located as `file.xlsx!Sheet:row:column`. */
async function readWorkbook(
  bytes: Uint8Array,
  name: string,
  options: { institutionChecks: readonly InstitutionCheckSpec[]; regions?: readonly string[] },
  sheet: string | undefined,
): Promise<{ reader: StatisticsReader; name: string; sheet?: string }> {
  let rows;
  try {
    rows = await workbookRows(bytes, sheet);
  } catch (error) {
    if (error instanceof WorkbookError) throw new UsageError(`${name}: ${error.message}`);
    throw error;
  }
  const located = `${name}!${rows.sheet}`;
  const reader = new StatisticsReader({ file: located, ...options });
  for (const row of rows.rows) reader.pushRow(row.cells, row.line);
  reader.close();
  return { reader, name: located, sheet: rows.sheet };
}

function refuseContainer(name: string, container: Container): never {
  throw new UsageError(
    container === "ole2"
      ? `${name}: a legacy Excel workbook (.xls) or other OLE2 file, which gap cannot read: save it as CSV UTF-8 or .xlsx`
      : `${name}: not a table gap can read: save it as CSV UTF-8 or .xlsx`,
  );
}

/** What a file's first bytes say it is (an unreadable file is left for the read to report). */
function fileContainer(path: string): Container {
  let fd: number | undefined;
  try {
    if (!statSync(path).isFile()) return "text";
    fd = openSync(path, "r");
    const head = new Uint8Array(8);
    const read = readSync(fd, head, 0, 8, 0);
    return containerOf(head.subarray(0, read));
  } catch {
    return "text";
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readWhole(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${describeFsError(error)}`);
  }
}

/** the file is read 64 KB at a time: the scanner's and decoder's buffers, as large as a chunk, stay small (see read/memory.ts) */
const CHUNK = 1 << 16;

/**
 * Streams a file (or standard input for "-") to `onChunk`. Unreadable input is a UsageError. A file is read into one
 * buffer, reused for every chunk, so reading a large file allocates nothing per chunk: `onChunk` must copy what it
 * keeps.
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

