// The store a streamed report sets region texts aside in: every text comes back whole, in the order asked for.
import fc from "fast-check";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { TextStore } from "../../src/cli/spill.js";

const decoder = new TextDecoder();
const savedTmp = process.env.TMPDIR;

afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});

/** Each chunk is read before the next is asked for, as the writer does: the chunks share a buffer. */
function readBack(store: TextStore, order: number[], separator: string): string {
  const copies: Uint8Array[] = [];
  for (const chunk of store.inOrder(order, separator)) copies.push(Uint8Array.from(chunk));
  return decoder.decode(Buffer.concat(copies));
}

const texts = fc.array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 300 }), fc.constant(""), fc.constant("卫生人员,执业医师\r\n")), {
  minLength: 1,
  maxLength: 60,
});

function thirds(text: string): string[] {
  const characters = Array.from(text);
  const third = Math.floor(characters.length / 3);
  return [characters.slice(0, third), characters.slice(third, 2 * third), characters.slice(2 * third)].map((part) => part.join(""));
}

describe("TextStore", () => {
  for (const where of ["a temporary file", "memory"] as const) {
    it(`gives every text back in any order (${where})`, () => {
      if (where === "memory") process.env.TMPDIR = join(tmpdir(), "gap-no-such-folder", "deeper");
      fc.assert(
        fc.property(
          texts.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray([...list.keys()], { minLength: list.length }))),
          fc.constantFrom("", ",", "\n"),
          ([list, order], separator) => {
            const store = new TextStore();
            try {
              // every other text given as its pieces (cut between characters, as a format's pieces are)
              const indexes = list.map((text, i) => store.add(i % 2 ? thirds(text) : text));
              expect(indexes).toEqual([...list.keys()]);
              expect(readBack(store, order, separator)).toBe(order.map((i) => list[i]).join(separator));
            } finally {
              store.close();
            }
          },
        ),
        { numRuns: 40 },
      );
    });
  }

  it("takes texts larger than its buffer and across many buffers, and removes its file", () => {
    const folder = mkdtempSync(join(tmpdir(), "gap-store-"));
    process.env.TMPDIR = folder;
    const store = new TextStore();
    const large = "呈贡区人民医院,".repeat(200_000); // 4.4 MB of UTF-8: larger than the store's 1 MB buffer
    const small = Array.from({ length: 5_000 }, (_, i) => `{"code":"53${String(i).padStart(4, "0")}","name":"区${i}"}`);
    const first = store.add(large);
    const rest = small.map((text) => store.add(text));
    const order = [...rest].reverse().concat(first);
    expect(readBack(store, order, ",")).toBe([...small].reverse().concat(large).join(","));
    store.close();
    expect(readdirSync(folder)).toEqual([]);
  });
});
