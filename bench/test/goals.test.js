const { GOALS, evaluateGoal, evaluateGoals } = require("../logic/goals.cjs");

const goal = (id) => GOALS.find((g) => g.id === id);
const ratio = (median) => ({ median, min: median, max: median, n: 5, perRound: [median] });
const measured = { status: "measured" };

/** A results object as run.mjs writes it, with one case. */
function withCase(id, { variants, ratios, baseline = "native" }) {
  return { cases: { [id]: { id, baseline, variants, ratios } } };
}

describe("goals", () => {
  test("cover every goal of the performance issue, each once", () => {
    expect(GOALS.map((g) => g.id)).toEqual([
      "hand-step",
      "await-plain",
      "await-resolved",
      "fib",
      "chain",
      "tasks-3-deep",
      "suspended-time",
      "suspended-heap",
      "throw",
      "arrow",
      "for-await",
      "depth",
      "transform",
    ]);
  });

  test("with nothing measured, every goal is still listed, as not measured", () => {
    const all = evaluateGoals({ cases: {} });
    expect(all).toHaveLength(GOALS.length);
    expect(new Set(all.map((e) => e.mark))).toEqual(new Set(["not measured"]));
  });

  test("<= passes at the target and misses above it", () => {
    const at = withCase("hand-step", { baseline: "generator", variants: { generator: measured, "stepwise-send": measured }, ratios: { cpuMs: { "stepwise-send": ratio(1.3) } } });
    expect(evaluateGoal(goal("hand-step"), at)).toMatchObject({ mark: "pass", measured: "1.30x", target: "<= 1.30x" });
    at.cases["hand-step"].ratios.cpuMs["stepwise-send"] = ratio(1.31);
    expect(evaluateGoal(goal("hand-step"), at).mark).toBe("miss");
  });

  test("< misses at the target itself", () => {
    const r = withCase("fib", { variants: { native: measured, babel: measured, stepwise: measured }, ratios: { cpuMs: { babel: ratio(2.3), stepwise: ratio(1.0) } } });
    expect(evaluateGoal(goal("fib"), r)).toMatchObject({ mark: "miss", reference: "babel 2.30x" });
    r.cases.fib.ratios.cpuMs.stepwise = ratio(0.99);
    expect(evaluateGoal(goal("fib"), r).mark).toBe("pass");
  });

  test("read the goal's own metric", () => {
    const r = withCase("suspended", {
      variants: { native: measured, stepwise: measured },
      ratios: { cpuMs: { stepwise: ratio(1.1) }, bytesPerTask: { stepwise: ratio(1.54) } },
    });
    expect(evaluateGoal(goal("suspended-time"), r).mark).toBe("pass");
    expect(evaluateGoal(goal("suspended-heap"), r)).toMatchObject({ mark: "miss", measured: "1.54x" });
  });

  test("a variant the plugin does not compile yet is pending, not a ratio", () => {
    const r = withCase("for-await", {
      variants: { native: measured, babel: measured, stepwise: { status: "not compiled", reason: "the output still holds ..." } },
      ratios: { cpuMs: { babel: ratio(1.4) } },
    });
    expect(evaluateGoal(goal("for-await"), r)).toMatchObject({ mark: "pending", measured: "not compiled by Stepwise yet", value: null });
  });

  test("a stack overflow of Stepwise misses; of the reference is shown as such", () => {
    const r = withCase("chain", {
      variants: { native: measured, babel: { status: "overflow" }, stepwise: { status: "overflow" } },
      ratios: { cpuMs: {} },
    });
    expect(evaluateGoal(goal("chain"), r)).toMatchObject({ mark: "miss", measured: "stack overflow", reference: "babel overflow" });
  });

  test("without a measured baseline there is nothing to compare", () => {
    const r = withCase("chain", { variants: { native: { status: "overflow" }, stepwise: measured }, ratios: {} });
    expect(evaluateGoal(goal("chain"), r)).toMatchObject({ mark: "not measured", measured: "baseline native: overflow" });
  });

  test("the depth goal compares Stepwise's deepest depth and shows the others", () => {
    const depth = {
      native: { deepest: 8750, capped: false },
      babel: { deepest: 929, capped: false },
      stepwise: { deepest: 400_000, capped: true },
    };
    expect(evaluateGoal(goal("depth"), { cases: {}, depth })).toMatchObject({
      mark: "pass",
      measured: ">= 400,000 (search cap)",
      reference: "native 8,750, babel 929",
    });
    depth.stepwise = { deepest: 199_999, capped: false };
    expect(evaluateGoal(goal("depth"), { cases: {}, depth })).toMatchObject({ mark: "miss", measured: "199,999" });
  });

  test("the transform goal compares with Babel without plugins, async-to-generator for reference", () => {
    const r = withCase("transform", {
      baseline: "no-plugin",
      variants: { "no-plugin": measured, "async-to-generator": measured, stepwise: measured },
      ratios: { cpuMs: { "async-to-generator": ratio(1.27), stepwise: ratio(1.12) } },
    });
    expect(evaluateGoal(goal("transform"), r)).toMatchObject({ mark: "pass", measured: "1.12x", reference: "async-to-generator 1.27x" });
  });
});
