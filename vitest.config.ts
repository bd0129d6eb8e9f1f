import { defineConfig } from "vitest/config";

// Tests assert results, never timings: the time limit only catches a test that hangs. The large-file tests (two
// threads, a 5 MB cell, a file read in two parts) take seconds, and many times that on a busy machine.
export default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 120_000 } });
