// The order of the overview and of the regions' details, worked out from a few figures kept per region: the same
// whatever order the regions were checked in, so a streamed report and one held in memory agree.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detailsOrder, overviewOrder, type RegionKey } from "../../src/cli/formatters/check/summary.js";

const regions = fc
  .uniqueArray(
    fc.record({
      code: fc.constantFrom("530102", "530103", "530111", "530114", "530181"),
      year: fc.integer({ min: 2020, max: 2024 }),
      peopleNeeded: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
    }),
    { selector: (k) => `${k.code}/${k.year}`, maxLength: 25 },
  )
  .chain((keys) => fc.tuple(fc.constant(keys as RegionKey[]), fc.shuffledSubarray([...keys.keys()], { minLength: keys.length })));

describe("overview and details order", () => {
  it("hand-worked: most people first; a code's years together, latest first; unplanned years not in the overview", () => {
    const keys: RegionKey[] = [
      { code: "530102", year: 2024, peopleNeeded: 3 },
      { code: "530102", year: 2023, peopleNeeded: undefined },
      { code: "530103", year: 2024, peopleNeeded: 9 },
      { code: "530111", year: 2024, peopleNeeded: 3 },
    ];
    expect(overviewOrder(keys, [0, 1, 2, 3])).toEqual([2, 0, 3]);
    expect(detailsOrder(keys, [0, 1, 2, 3])).toEqual([2, 0, 1, 3]);
  });

  it("does not depend on the order the regions come in", () => {
    fc.assert(
      fc.property(regions, ([keys, shuffled]) => {
        const natural = keys.map((_, i) => i);
        expect(overviewOrder(keys, shuffled)).toEqual(overviewOrder(keys, natural));
        expect(detailsOrder(keys, shuffled)).toEqual(detailsOrder(keys, natural));
        const needed = overviewOrder(keys, natural).map((i) => keys[i]!.peopleNeeded!);
        expect(needed).toEqual([...needed].sort((a, b) => b - a));
        expect(detailsOrder(keys, natural).sort((a, b) => a - b)).toEqual(natural);
      }),
    );
  });
});
