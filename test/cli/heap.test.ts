import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { largeInput } from "../../src/cli/heap.js";

const dir = mkdtempSync(join(tmpdir(), "gap-heap-"));
const file = (name: string, bytes: number) => {
  const path = join(dir, name);
  writeFileSync(path, Buffer.alloc(bytes, 0x61));
  return path;
};

describe("largeInput: when the CLI holds V8's heap small", () => {
  const mebibyte = 1 << 20;
  it.each([
    ["a district's file", [["small.csv", 4_041]], false],
    ["a file one byte short of a mebibyte", [["under.csv", mebibyte - 1]], false],
    ["a file of a mebibyte", [["exact.csv", mebibyte]], true],
    ["two files that are a mebibyte together", [["half-a.csv", mebibyte / 2], ["half-b.csv", mebibyte / 2]], true],
  ] as const)("%s", (_, files, expected) => {
    expect(largeInput(files.map(([name, bytes]) => file(name, bytes)))).toBe(expected);
  });

  it("standard input, whose size is not known, is taken as large", () => {
    expect(largeInput([file("tiny.csv", 10), "-"])).toBe(true);
  });

  it("a file that cannot be read counts for nothing (reading it says what is wrong)", () => {
    expect(largeInput([join(dir, "missing.csv")])).toBe(false);
  });
});
