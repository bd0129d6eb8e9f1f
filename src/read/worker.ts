/**
 * The second reader of a large file, on a worker thread: reads the file from `offset` (just after a line break) to
 * its end with a continuation reader and posts what it read. The main thread reads up to `offset` meanwhile, checks
 * that a record ends there, and absorbs this part (see StatisticsReader.absorb).
 */
import { closeSync, openSync, readSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { countLineBreaks } from "./csv.js";
import { StatisticsReader, type ReaderPart } from "./reader.js";
import type { InstitutionCheckSpec } from "./record.js";

export interface WorkerInput {
  path: string;
  file: string;
  offset: number;
  header: string[];
  headerLine: number;
  /** the byte between cells */
  delimiter: number;
  institutionChecks: InstitutionCheckSpec[];
  regions?: string[];
}

export interface WorkerOutput {
  /** the line the part starts on, counted from the file's start */
  firstLine: number;
  part: ReaderPart;
}

const CHUNK = 1 << 20;

/** 1 + the line breaks (LF, CRLF, lone CR) before `offset`: the line a record starting there is on. */
function lineAt(fd: number, offset: number, buffer: Uint8Array): number {
  // counted as the scanner counts them, so the two readers agree on every line number
  let breaks = 0;
  let lastWasCr = false;
  for (let position = 0; position < offset; ) {
    const read = readSync(fd, buffer, 0, Math.min(CHUNK, offset - position), position);
    if (read === 0) break;
    breaks += countLineBreaks(buffer, 0, read);
    // a CR that ended the last chunk was counted as lone: with this LF it is one CRLF
    if (lastWasCr && buffer[0] === 10) breaks--;
    lastWasCr = buffer[read - 1] === 13;
    position += read;
  }
  return 1 + breaks;
}

function run({ path, file, offset, header, headerLine, delimiter, institutionChecks, regions }: WorkerInput): WorkerOutput {
  const fd = openSync(path, "r");
  try {
    const buffer = new Uint8Array(CHUNK);
    const firstLine = lineAt(fd, offset, buffer);
    const reader = new StatisticsReader({ file, institutionChecks, ...(regions ? { regions } : {}), continuation: { header, headerLine, firstLine, offset, delimiter } });
    // chunks end where the first reader's would, on whole megabytes of the file
    for (let position = offset, read; ; position += read) {
      read = readSync(fd, buffer, 0, CHUNK - (position % CHUNK), position);
      if (read === 0) break;
      reader.push(buffer.subarray(0, read));
    }
    reader.close();
    return { firstLine, part: reader.exportPart() };
  } finally {
    closeSync(fd);
  }
}

if (parentPort && workerData) {
  const output = run(workerData as WorkerInput);
  const buffers = new Set<ArrayBuffer>();
  for (const r of output.part.regions) {
    buffers.add(r.names.buffer as ArrayBuffer);
    buffers.add(r.totals.buffer as ArrayBuffer);
  }
  parentPort.postMessage(output, [...buffers]);
}
