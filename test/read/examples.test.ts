import { describe, expect, it } from "vitest";
import { ExampleStore } from "../../src/read/examples.js";
import { BLOCK_BYTES } from "../../src/read/memory.js";

/** a name of `bytes` ASCII bytes that says whose example it is */
function nameBytes(region: number, k: number, bytes: number): Uint8Array {
  const text = `r${region}e${k}-`.padEnd(bytes, "x");
  return new TextEncoder().encode(text);
}

interface Added {
  first: number;
  names: string[];
}

/** Adds `perRegion` examples of `bytes`-byte names to each region, region after region or one region's at a time in turn. */
function fill(store: ExampleStore, regions: number, perRegion: number, bytes: number, order: "grouped" | "interleaved"): Added[] {
  const added: Added[] = Array.from({ length: regions }, () => ({ first: 0, names: [] }));
  const last = new Array<number>(regions).fill(0);
  const add = (r: number, k: number) => {
    const name = nameBytes(r, k, bytes);
    const e = store.add(last[r]!, name, 0, name.length, undefined, 0, r * 1000 + k + 2, k);
    if (added[r]!.first === 0) added[r]!.first = e;
    last[r] = e;
    added[r]!.names.push(new TextDecoder().decode(name));
  };
  if (order === "grouped") for (let r = 0; r < regions; r++) for (let k = 0; k < perRegion; k++) add(r, k);
  else for (let k = 0; k < perRegion; k++) for (let r = 0; r < regions; r++) add(r, k);
  return added;
}

describe("ExampleStore release", () => {
  // names long enough that a chunk (a block) holds some 1,250 examples: 40 regions of 120 fill four chunks
  const regions = 40;
  const perRegion = 120;
  const bytes = Math.floor(BLOCK_BYTES / 1250) - 16;
  const chunks = Math.ceil((regions * perRegion) / Math.floor(BLOCK_BYTES / (bytes + 16)));

  it("lets each chunk go once the last region with an example in it is finished, in a file grouped by region", () => {
    const store = new ExampleStore();
    const added = fill(store, regions, perRegion, bytes, "grouped");
    expect(chunks).toBe(4);
    expect(store.chunksHeld).toBe(chunks);
    store.planRelease(added.map((a) => a.first));
    const held: number[] = [];
    for (let r = 0; r < regions; r++) {
      // every region reads its own examples whole, in file order, whatever went before it
      const list = store.list(added[r]!.first);
      expect(list.map((e) => e.name)).toEqual(added[r]!.names);
      expect(list.map((e) => e.line)).toEqual(added[r]!.names.map((_, k) => r * 1000 + k + 2));
      store.finished(r);
      held.push(store.chunksHeld);
    }
    // a chunk goes with the last region whose first example is in it or before it
    const chunkOf = (region: number) => Math.floor((added[region]!.first - 1) / BLOCK_BYTES);
    for (let r = 0; r < regions - 1; r++) expect(held[r]).toBe(chunks - chunkOf(r + 1));
    expect(held[regions - 1]).toBe(0);
  });

  it("keeps every chunk to the last region when the regions' examples are interleaved", () => {
    const store = new ExampleStore();
    const added = fill(store, regions, perRegion, bytes, "interleaved");
    store.planRelease(added.map((a) => a.first));
    for (let r = 0; r < regions; r++) {
      expect(store.list(added[r]!.first).map((e) => e.name)).toEqual(added[r]!.names);
      store.finished(r);
      expect(store.chunksHeld).toBe(r < regions - 1 ? 4 : 0);
    }
  });

  it("finishes regions without examples, and regions finished in another order than they came", () => {
    const store = new ExampleStore();
    const added = fill(store, regions, perRegion, bytes, "grouped");
    // finished from the last region to the first, with a region of no examples between each: nothing can go before the end
    const order = [...added].reverse().flatMap((a) => [a, { first: 0, names: [] }]);
    store.planRelease(order.map((a) => a.first));
    order.forEach((a, rank) => {
      expect(store.list(a.first).map((e) => e.name)).toEqual(a.names);
      store.finished(rank);
      expect(store.chunksHeld).toBe(rank < order.length - 2 ? 4 : 0);
    });
  });
});

describe("ExampleStore: a row below several thresholds", () => {
  it("keeps the row's name once and gives it to every threshold's example, across chunks, names held as text too", () => {
    const store = new ExampleStore();
    const thresholds = 3;
    const last = new Array<number>(thresholds).fill(0);
    const firsts = new Array<number>(thresholds).fill(0);
    const expected: Array<Array<{ name: string; line: number; value: number | null }>> = Array.from({ length: thresholds }, () => []);
    // enough rows to cross chunk boundaries; every fifth row's name held as text (as a workbook's cells are)
    const bytes = Math.floor(BLOCK_BYTES / 2000);
    for (let row = 0; row < 6000; row++) {
      const name = `机构${row}`.padEnd(bytes / 3, "院");
      const encoded = new TextEncoder().encode(name);
      const owned = row % 5 === 0 ? name : undefined;
      // the row is an example of the thresholds it is below: the first, then some of the others
      for (let t = 0; t < thresholds; t++) {
        if (t > 0 && (row + t) % 3 === 0) continue;
        const value = t === 2 ? Number.NaN : row % 7;
        const e = store.add(last[t]!, encoded, 0, encoded.length, owned, t, row + 2, value);
        if (firsts[t] === 0) firsts[t] = e;
        last[t] = e;
        expected[t]!.push({ name, line: row + 2, value: Number.isNaN(value) ? null : value });
      }
    }
    expect(store.chunksHeld).toBeGreaterThan(2);
    for (let t = 0; t < thresholds; t++) {
      expect(store.list(firsts[t]!).map(({ name, line, value }) => ({ name, line, value }))).toEqual(expected[t]);
    }
  });
});
