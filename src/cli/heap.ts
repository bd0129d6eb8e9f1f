import { statSync } from "node:fs";
import { createRequire } from "node:module";

/** Input of at least this many bytes (about 12,000 institution rows) is large enough for the heap to be held small. */
const LARGE_INPUT = 1 << 20;

/**
 * V8's settings for a batch run over a large input: what the run keeps alive is small (a region's figures while it is
 * checked, the stores indexed by region), and everything else is garbage within a region. Left to its defaults, V8
 * grows its young generation to 32 MB as objects survive and lets the old generation fill with promoted garbage to
 * four times what is live before it marks: over a country's 3,000 counties that is some 30 MB of memory holding
 * nothing, a quarter of the run's peak. So:
 *   - the young generation stays at its first size (a semi-space growth factor of 1), collected more often;
 *     what a region has in hand when a collection comes is promoted, so collecting costs more (some 0.1 s of the
 *     2.7 s check of a 1M-row file, for 13 to 22 MB less at its peak);
 *   - the old generation is marked once it has grown by half of what was live after the last marking;
 *   - a young-generation collection runs on the main thread alone: with the young generation that small, each
 *     copies some 100 KB, and waking V8's helper threads to share it cost more than it saved (measured on the 100k
 *     rows over 3,000 counties, six runs each: 7% less wall time, 5% less CPU);
 *   - the old generation is marked in one pause, not in steps between the program's work: memory a store gives back
 *     (read/memory.ts) while a marking in steps is under way is kept until a marking after it, which in a run that
 *     keeps so little may not come before the end. The reader's 17 MB of names for a 1M-row file then stayed to the
 *     end in about one run in seven, and the check peaked some 15 MB higher; in one pause, a heap of some 10 MB is
 *     marked in a few milliseconds.
 * The flags are read by V8 each time it sizes a space or collects, so they take effect when set after start-up;
 * node's own command-line flags (--max-semi-space-size) cannot be given by `gap`'s bin script. Only the CLI sets
 * them: a program that imports the library keeps its own heap settings.
 */
export function holdHeapSmallFor(files: readonly string[]): void {
  if (!largeInput(files)) return;
  // required only here, not imported: node:v8 brings Node's stream modules with it, a few milliseconds of a
  // one-district run (and the CLI bundle runs as a vm script, which has no dynamic import)
  const from = typeof __filename === "string" ? __filename : import.meta.url;
  const { setFlagsFromString } = createRequire(from)("node:v8") as typeof import("node:v8");
  setFlagsFromString("--semi-space-growth-factor=1");
  setFlagsFromString("--heap-growing-percent=50");
  setFlagsFromString("--no-parallel-scavenge");
  setFlagsFromString("--no-incremental-marking");
}

/** Whether the files are large enough together for the heap to be held small; standard input always is. */
export function largeInput(files: readonly string[]): boolean {
  let bytes = 0;
  for (const file of files) {
    // standard input: its size is not known, and a pipeline's input is often a whole export
    if (file === "-") return true;
    bytes += sizeOf(file);
  }
  return bytes >= LARGE_INPUT;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // reading it will say what is wrong
  }
}
