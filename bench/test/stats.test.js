const { median, summarize, pairedRatios } = require("../logic/stats.cjs");

describe("median", () => {
  test("is the middle value of an odd count, whatever the order", () => {
    expect(median([5, 1, 3])).toBe(3);
  });

  test("is the mean of the middle two of an even count", () => {
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });

  test("of no values is an error that says a round must have a figure", () => {
    expect(() => median([])).toThrow(/at least one round/);
  });
});

describe("summarize", () => {
  test("leaves out rounds without a figure", () => {
    expect(summarize([3, null, 1, 2, undefined])).toEqual({ median: 2, min: 1, max: 3, n: 3 });
  });

  test("is null when no round has a figure", () => {
    expect(summarize([null, null])).toBeNull();
  });
});

describe("pairedRatios", () => {
  test("divides within each round, then takes the median of those ratios", () => {
    // Rounds got slower and faster for both variants; per round the variant is 1x, 2x, 3x.
    const r = pairedRatios([10, 40, 21], [10, 20, 7]);
    expect(r.perRound).toEqual([1, 2, 3]);
    expect(r.median).toBe(2);
    expect([r.min, r.max, r.n]).toEqual([1, 3, 3]);
    // Not the ratio of the medians, 21 / 10.
    expect(median([10, 40, 21]) / median([10, 20, 7])).toBe(2.1);
  });

  test("skips a round where either side has no figure", () => {
    const r = pairedRatios([2, null, 9], [1, 5, 3]);
    expect(r.perRound).toEqual([2, null, 3]);
    expect(r.median).toBe(2.5);
    expect(r.n).toBe(2);
  });

  test("is null when no round has both figures", () => {
    expect(pairedRatios([null], [1])).toBeNull();
  });

  test("refuses rounds that do not line up", () => {
    expect(() => pairedRatios([1, 2], [1])).toThrow("2 rounds of the variant but 1 of the baseline");
  });
});
