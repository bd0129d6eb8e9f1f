import { join } from "node:path";
import type { ParallelRead } from "../node.js";

const DEFAULT_MIN_BYTES = 16 << 20;

/**
 * How the CLI reads a large file: in two halves at once, the second on a worker thread running read-worker.cjs, which
 * the build puts beside the CLI bundle. GAP_PARALLEL_MIN_BYTES sets the size from which it does (default 16 MiB).
 */
export function parallelRead(): ParallelRead | undefined {
  // only the bundle knows where it is; run from the sources (tests), files are read on one thread
  if (typeof __dirname !== "string") return undefined;
  const setting = process.env.GAP_PARALLEL_MIN_BYTES;
  const minBytes = setting !== undefined && /^\d+$/.test(setting) ? Number(setting) : DEFAULT_MIN_BYTES;
  return { workerFile: join(__dirname, "read-worker.cjs"), minBytes };
}
