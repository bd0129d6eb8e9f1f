import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const root = join(import.meta.dirname, "..", "..");
export const bin = join(root, "bin", "gap.cjs");

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** 2026-01-01T00:00:00Z: the year the tests take as this year, so the plan's first year does not move with the clock */
export const PINNED_EPOCH = "1767225600";

/** Runs the built CLI as a user would, with no colour, a fixed language and year unless the test sets them. */
export function gap(args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): Run {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    input: options.input,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { PATH: process.env.PATH ?? "", LANG: "C", SOURCE_DATE_EPOCH: PINNED_EPOCH, ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
