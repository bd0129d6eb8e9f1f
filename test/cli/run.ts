import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const root = join(import.meta.dirname, "..", "..");
export const bin = join(root, "bin", "gap.cjs");

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, with no colour and a fixed language unless the test sets one. */
export function gap(args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): Run {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    input: options.input,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { PATH: process.env.PATH ?? "", LANG: "C", ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
