// Damaged and amplified files: the bundled example and the test fixtures, mutated and repeated at random, through
// the reader, the library's checkText and (a few) the CLI. Whatever the damage: located diagnostics or the library's
// own typed errors, never an internal error; exit codes 0, 1 or 2; the JSON output always parses.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GapError, checkText } from "../../src/index.js";
import { readStatistics } from "../../src/read/reader.js";
import { LIMITS } from "../../src/read/limits.js";
import { gap, root } from "../cli/run.js";
import { FIXTURES } from "./helpers.js";

const encoder = new TextEncoder();
const SEEDS: Uint8Array[] = [
  readFileSync(join(root, "examples", "chenggong-2024.csv")),
  ...readdirSync(FIXTURES)
    .filter((f) => /\.(csv|txt)$/.test(f))
    .map((f) => readFileSync(join(FIXTURES, f))),
].map((b) => new Uint8Array(b));

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const insertAt = (bytes: Uint8Array, at: number, piece: Uint8Array) => concat([bytes.subarray(0, at), piece, bytes.subarray(at)]);
const lineStarts = (bytes: Uint8Array): number[] => {
  const starts = bytes.length ? [0] : [];
  for (let i = bytes.indexOf(10); i !== -1 && i + 1 < bytes.length; i = bytes.indexOf(10, i + 1)) starts.push(i + 1);
  return starts;
};

/** One damage or amplification, at a position given as a fraction of the file (so it applies to any seed). */
type Mutation = (bytes: Uint8Array) => Uint8Array;
const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const at = (bytes: Uint8Array, p: number) => Math.floor(p * (bytes.length + 1));
const pieces = (texts: string[]) => fc.constantFrom(...texts.map((t) => encoder.encode(t)));
const raw = (bytes: number[]) => Uint8Array.from(bytes);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(position, fc.integer({ min: 0, max: 255 })).map(([p, b]): Mutation => (s) => {
    const out = s.slice();
    if (out.length) out[Math.min(at(s, p), out.length - 1)] = b;
    return out;
  }),
  fc.tuple(position, pieces(['"', '""', "\r", "\n", "\r\n", ",", "\0", "\uFEFF", "合计", ",合计,,,", "小计"])).map(
    ([p, piece]): Mutation => (s) => insertAt(s, at(s, p), piece),
  ),
  // GBK bytes (呈贡), a lone continuation byte, a truncated UTF-8 character, a UTF-16 BOM
  fc.tuple(position, fc.constantFrom(raw([0xb3, 0xca, 0xb9, 0xb1]), raw([0x80]), raw([0xe5, 0x91]), raw([0xff, 0xfe]))).map(
    ([p, piece]): Mutation => (s) => insertAt(s, at(s, p), piece),
  ),
  // CR and LF swapped everywhere
  fc.constant<Mutation>((s) => s.map((b) => (b === 10 ? 13 : b === 13 ? 10 : b))),
  // truncated
  position.map((p): Mutation => (s) => s.subarray(0, at(s, p))),
  // a line repeated, or every line repeated (rows amplified)
  fc.tuple(position, fc.integer({ min: 2, max: 100 })).map(([p, times]): Mutation => (s) => {
    const starts = lineStarts(s);
    if (starts.length === 0) return s;
    const i = Math.min(Math.floor(p * starts.length), starts.length - 1);
    const line = s.subarray(starts[i], starts[i + 1] ?? s.length);
    return insertAt(s, starts[i + 1] ?? s.length, concat(Array.from({ length: times }, () => line)));
  }),
  fc.integer({ min: 2, max: 4 }).map((times): Mutation => (s) => {
    const starts = lineStarts(s);
    const body = s.subarray(starts[1] ?? s.length);
    return concat([s, ...Array.from({ length: times - 1 }, () => body)]);
  }),
  // a huge cell (past the cell limit, or past the row limit: hostile.test.ts reads those), quoted or not; many cells on one line
  fc.tuple(position, fc.constantFrom(LIMITS.cellLength + 1, LIMITS.rowBytes + 1), fc.boolean()).map(([p, length, quoted]): Mutation => (s) => {
    const cell = "院".repeat(Math.ceil(length / 3));
    return insertAt(s, at(s, p), encoder.encode(quoted ? `"${cell}"` : cell));
  }),
  fc.tuple(position, fc.integer({ min: 10, max: 2000 })).map(([p, cells]): Mutation => (s) => insertAt(s, at(s, p), encoder.encode(',"a"b'.repeat(cells)))),
);

/** amplification stops here: the point is the shapes, not the bulk (the reader's speed on bulk is in bench/) */
const MAX_BYTES = 1 << 20;
const damaged = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([seed, ms]) => ms.reduce((s, m) => (s.length > MAX_BYTES ? s : m(s)), seed));

/** What a caller may see: a result, or one of the library's own errors (never a TypeError, RangeError …). */
function libraryOutcome(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof GapError)) throw error;
    expect(error.message).not.toMatch(/\n\s+at /);
  }
}

describe("mutated and amplified files", () => {
  it("read and checked in-process: diagnostics with lines, or the library's typed errors, never an internal error", () => {
    fc.assert(
      fc.property(damaged, (bytes) => {
        const read = readStatistics(bytes, { file: "f.csv" });
        expect(read.errors).toBeGreaterThanOrEqual(read.diagnostics.filter((d) => d.severity === "error").length);
        for (const d of read.diagnostics) expect(d.line).toBeGreaterThanOrEqual(0);
        libraryOutcome(() => JSON.stringify(checkText(bytes, { file: "f.csv" })));
      }),
      { numRuns: 30 },
    );
  });

  it("through the CLI: exit 0, 1 or 2, no internal error, and --format json always parses", () => {
    const dir = mkdtempSync(join(tmpdir(), "gap-mutations-"));
    fc.assert(
      fc.property(damaged, fc.constantFrom("validate", "check"), (bytes, command) => {
        const file = join(dir, "f.csv");
        writeFileSync(file, bytes);
        const run = gap([command, file, "--format", "json"]);
        expect([0, 1, 2]).toContain(run.status);
        expect(run.stderr).not.toMatch(/internal error|\n\s+at |node:internal/);
        if (run.status !== 2) expect(() => JSON.parse(run.stdout)).not.toThrow();
      }),
      { numRuns: 6 },
    );
  });
});
