import { join } from "node:path";
import type { ParallelRead } from "../node.js";

/**
 * How the CLI may read a large file: in two halves at once, the second on a worker thread running read-worker.cjs,
 * which the build puts beside the CLI bundle. GAP_PARALLEL_MIN_BYTES sets the size from which it does; unset, every
 * file is read on one thread. On the 2-core benchmark machine two threads took 0–8% off a 1M-row check and added
 * 20–100 MiB to its peak memory, in a run that is mostly finishing, checking and formatting on the main thread.
 */
export function parallelRead(): ParallelRead | undefined {
  // only the bundle knows where it is; run from the sources (tests), files are read on one thread
  if (typeof __dirname !== "string") return undefined;
  const setting = process.env.GAP_PARALLEL_MIN_BYTES;
  if (setting === undefined || !/^\d+$/.test(setting)) return undefined;
  return { workerFile: join(__dirname, "read-worker.cjs"), minBytes: Number(setting) };
}
