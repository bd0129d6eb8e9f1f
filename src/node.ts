/** Node conveniences around the pure core: reading a statistics file from a path or standard input. */
import { StatisticsReader, type ReadResult } from "./read/reader.js";
import type { InstitutionCheckSpec } from "./read/record.js";
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import type { WorkerInput, WorkerOutput } from "./read/worker.js";
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
  const { reader, name } = await openStatisticsFile(path, institutionChecks, undefined, input);
  return { result: reader.end(), name };
}

/**
 * Reads a statistics file to its end and returns the closed reader, whose regions are finished one at a time as
 * they are taken (`finishedRegions()`): for callers that handle a country's worth of regions without holding them.
 */
export async function openStatisticsFile(
  path: string,
  institutionChecks: readonly InstitutionCheckSpec[] = [],
  parallel?: ParallelRead,
  input: InputOptions = {},
): Promise<{ reader: StatisticsReader; name: string }> {
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
      if (kind === "text") return reader.push(chunk);
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
  } else if (!parallel || !(await readInTwo(path, name, reader, institutionChecks, parallel, input.regions))) {
    await streamInput(path, (chunk) => reader.push(chunk));
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
): Promise<{ reader: StatisticsReader; name: string }> {
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
  return { reader, name: located };
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

/** Reading a large file on two threads: the second part by a worker running `workerFile` (dist/read-worker.cjs). */
export interface ParallelRead {
  workerFile: string;
  /** files smaller than this are read on one thread */
  minBytes: number;
}

/**
 * Reads a file in two parts at once: a worker reads from the first line break past 55% of it to the end while
 * this thread reads up to it; this reader then absorbs the worker's part, which gives exactly what reading the whole
 * file here gives. Where it cannot (the point falls inside a quoted cell, the parts share an institution, the worker
 * fails …), this thread reads the second part too. Returns false, having read nothing, when the file is not worth
 * splitting.
 */
async function readInTwo(
  path: string,
  name: string,
  reader: StatisticsReader,
  institutionChecks: readonly InstitutionCheckSpec[],
  { workerFile, minBytes }: ParallelRead,
  regions: readonly string[] | undefined,
): Promise<boolean> {
  let fd: number | undefined;
  let worker: Worker | undefined;
  try {
    const info = statSync(path);
    if (!info.isFile() || info.size < minBytes || availableParallelism() < 2 || !existsSync(workerFile)) return false;
    fd = openSync(path, "r");
    const buffer = new Uint8Array(CHUNK);
    // the worker starts later (a thread, the line count up to its part): it takes a little less than half
    const split = lineStartAfter(fd, Math.floor(info.size * 0.55), info.size, buffer);
    let position = 0;
    // chunks end on whole megabytes of the file, as streamInput's do
    const readUpTo = (end: number) => {
      for (let read; position < end && (read = readSync(fd!, buffer, 0, Math.min(CHUNK - (position % CHUNK), end - position), position)) > 0; position += read) {
        reader.push(buffer.subarray(0, read));
      }
    };
    readUpTo(Math.min(CHUNK, split));
    const header = reader.headerForContinuation();
    if (split < info.size && header) {
      const input: WorkerInput = { path, file: name, offset: split, ...header, institutionChecks: [...institutionChecks], ...(regions ? { regions: [...regions] } : {}) };
      let output: Promise<WorkerOutput | undefined> = Promise.resolve(undefined);
      try {
        const { Worker } = workerThreads();
        const started = (worker = new Worker(workerFile, { workerData: input }));
        output = new Promise((resolve) => {
          started.once("message", (message: WorkerOutput) => resolve(message));
          started.once("error", () => resolve(undefined));
          started.once("exit", () => resolve(undefined));
        });
      } catch {
        // no thread to be had: this one reads on
      }
      readUpTo(split);
      const handOver = reader.handOver();
      if (handOver) {
        const done = await output;
        if (done && done.firstLine === handOver.nextLine && reader.absorb(done.part)) return true;
      }
    }
    readUpTo(Infinity);
    return true;
  } catch (error) {
    if (isFsError(error)) throw new UsageError(`cannot read ${path}: ${describeFsError(error)}`);
    throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
    if (worker) void worker.terminate();
  }
}

/**
 * node:worker_threads, loaded on first use: most runs never start a thread. (A require, not import(): the CLI bundle
 * runs as a vm script, which has no dynamic import.)
 */
function workerThreads(): typeof import("node:worker_threads") {
  return createRequire(join(process.cwd(), "gap.cjs"))("node:worker_threads") as typeof import("node:worker_threads");
}

/** The offset just after the first LF at or after `from` (the file's size when there is none). */
function lineStartAfter(fd: number, from: number, size: number, buffer: Uint8Array): number {
  for (let position = from; position < size; ) {
    const read = readSync(fd, buffer, 0, Math.min(buffer.length, size - position), position);
    if (read === 0) break;
    const at = buffer.subarray(0, read).indexOf(10);
    if (at !== -1) return position + at + 1;
    position += read;
  }
  return size;
}

const CHUNK = 1 << 20;

/**
 * Streams a file (or standard input for "-") to `onChunk`. Unreadable input is a UsageError. A file is read into one
 * buffer, reused for every chunk, so reading a large file allocates nothing per chunk: `onChunk` must copy what it
 * keeps.
 */
export async function streamInput(path: string, onChunk: (bytes: Uint8Array) => void): Promise<void> {
  if (path === "-") {
    if (process.stdin.isTTY) throw new UsageError("reading standard input (-), but it is a terminal: pipe a file in");
    for await (const chunk of process.stdin) onChunk(chunk as Uint8Array);
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
    for (let read; (read = readSync(fd, buffer, 0, CHUNK, null)) > 0; ) onChunk(buffer.subarray(0, read));
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

