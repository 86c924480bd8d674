const { deepestDepth } = require("../logic/depth-search.cjs");

/** An attempt that overflows beyond `limit`, recording the depths it was asked for. */
function stackOf(limit) {
  const asked = [];
  const attempt = async (depth) => {
    asked.push(depth);
    return depth <= limit ? { ok: true } : { ok: false, reason: "stack overflow" };
  };
  return { attempt, asked };
}

describe("deepestDepth", () => {
  test("doubles to the first failure, then bisects to within the precision", async () => {
    const { attempt, asked } = stackOf(8750);
    const r = await deepestDepth(attempt, { start: 250, cap: 400_000, precision: 0.01 });
    expect(asked.slice(0, 7)).toEqual([250, 500, 1000, 2000, 4000, 8000, 16000]);
    expect(r.deepest).toBeLessThanOrEqual(8750);
    expect(r.firstFailure).toBeGreaterThan(8750);
    expect(r.firstFailure - r.deepest).toBeLessThanOrEqual(Math.floor(r.deepest * 0.01));
    expect(r).toMatchObject({ capped: false, reason: "stack overflow" });
    expect(r.attempts.map((a) => a.depth)).toEqual(asked);
  });

  test("stops at the cap and says so when nothing failed", async () => {
    const { attempt, asked } = stackOf(Infinity);
    const r = await deepestDepth(attempt, { start: 250, cap: 200_000, precision: 0.05 });
    expect(r).toMatchObject({ deepest: 200_000, firstFailure: null, capped: true });
    expect(asked.at(-2)).toBe(128_000);
    expect(asked.at(-1)).toBe(200_000);
  });

  test("finds a limit below the starting depth", async () => {
    const { attempt } = stackOf(100);
    const r = await deepestDepth(attempt, { start: 250, cap: 1000, precision: 0.01 });
    expect(r.deepest).toBeLessThanOrEqual(100);
    expect(r.deepest).toBeGreaterThanOrEqual(99);
  });

  test("passes on an error from an attempt (a wrong result ends the search)", async () => {
    const attempt = async () => {
      throw new Error("computed 3, expected 250");
    };
    await expect(deepestDepth(attempt, { start: 250, cap: 1000, precision: 0.01 })).rejects.toThrow("computed 3");
  });

  test("refuses a search that cannot end", async () => {
    await expect(deepestDepth(async () => ({ ok: true }), { start: 0, cap: 10, precision: 0.01 })).rejects.toThrow(RangeError);
  });
});
