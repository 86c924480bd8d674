// The performance issue's goals, each checked against one figure of a bench run. A time goal
// compares the paired ratio (median over rounds of variant/baseline in the same round) of CPU
// time, the figure a shared machine disturbs least (measure.mjs, clock()).
"use strict";

const GOALS = [
  { id: "hand-step", title: "hand-stepping: send(v) vs a raw generator's next(v)", case: "hand-step", metric: "cpuMs", variant: "stepwise-send", baseline: "generator", op: "<=", target: 1.3 },
  { id: "await-plain", title: "await a plain value, host-driven loop", case: "await-plain", metric: "cpuMs", variant: "stepwise", op: "<=", target: 1.0 },
  { id: "await-resolved", title: "await a resolved promise, host-driven loop", case: "await-resolved", metric: "cpuMs", variant: "stepwise", op: "<=", target: 1.3 },
  { id: "fib", title: "recursive async fib(n)", case: "fib", metric: "cpuMs", variant: "stepwise", op: "<", target: 1.0 },
  { id: "chain", title: "chain of nested async calls, run many times", case: "chain", metric: "cpuMs", variant: "stepwise", op: "<", target: 1.0 },
  { id: "tasks-3-deep", title: "tasks 3 calls deep: create+complete time", case: "tasks-3-deep", metric: "cpuMs", variant: "stepwise", op: "<", target: 1.0 },
  { id: "suspended-time", title: "suspended tasks: create+complete time", case: "suspended", metric: "cpuMs", variant: "stepwise", op: "<=", target: 1.2 },
  { id: "suspended-heap", title: "suspended tasks: heap bytes per task", case: "suspended", metric: "bytesPerTask", variant: "stepwise", op: "<=", target: 1.0 },
  { id: "throw", title: "throw through try/finally", case: "throw", metric: "cpuMs", variant: "stepwise", op: "<=", target: 1.5 },
  { id: "arrow", title: "async arrow created per call", case: "arrow", metric: "cpuMs", variant: "stepwise", op: "<=", target: 3.0 },
  { id: "for-await", title: "for await over an async generator", case: "for-await", metric: "cpuMs", variant: "stepwise", op: "<=", target: 1.5 },
  { id: "depth", title: "deepest await recursion, default stack", kind: "depth", variant: "stepwise", op: ">=", target: 200_000 },
  { id: "transform", title: "plugin speed: Babel+Stepwise vs Babel, no plugins", case: "transform", metric: "cpuMs", variant: "stepwise", baseline: "no-plugin", op: "<=", target: 1.15 },
];

// The variant whose figure is printed beside Stepwise's for comparison (none for hand-stepping).
const referenceOf = (goal) => (goal.kind === "depth" ? ["native", "babel"] : goal.case === "hand-step" ? [] : goal.case === "transform" ? ["async-to-generator"] : ["babel"]);

const meets = (value, op, target) => (op === "<=" ? value <= target : op === "<" ? value < target : value >= target);
const ratioText = (x) => `${x.toFixed(2)}x`;

/** What the goal's figure is compared with, as printed: "<= 1.30x", ">= 200,000". */
function targetText(goal) {
  return `${goal.op} ${goal.kind === "depth" ? goal.target.toLocaleString("en-US") : ratioText(goal.target)}`;
}

/**
 * { goal, mark: "pass" | "miss" | "pending" | "not measured", measured: text, value: number | null }.
 * `results` is the JSON run.mjs writes: `cases[id]` with `variants[v].status` and
 * `ratios[metric][v]`, and `depth[v]`.
 */
function evaluateGoal(goal, results) {
  const out = (mark, measured, value = null) => ({ goal, target: targetText(goal), mark, measured, value, reference: referenceText(goal, results) });
  if (goal.kind === "depth") {
    const depth = results.depth?.[goal.variant];
    if (!depth) return out("not measured", "not run");
    const text = `${depth.capped ? ">= " : ""}${depth.deepest.toLocaleString("en-US")}${depth.capped ? " (search cap)" : ""}`;
    return out(meets(depth.deepest, goal.op, goal.target) ? "pass" : "miss", text, depth.deepest);
  }
  const c = results.cases?.[goal.case];
  if (!c) return out("not measured", "not run");
  const variant = c.variants[goal.variant];
  const baseline = goal.baseline ?? c.baseline;
  if (!variant) return out("not measured", `no variant ${goal.variant}`);
  if (variant.status === "not compiled") return out("pending", "not compiled by Stepwise yet");
  if (variant.status === "overflow") return out("miss", "stack overflow");
  if (c.variants[baseline]?.status !== "measured") return out("not measured", `baseline ${baseline}: ${c.variants[baseline]?.status ?? "missing"}`);
  const ratio = c.ratios?.[goal.metric]?.[goal.variant];
  if (!ratio) return out("not measured", `no ${goal.metric} ratio`);
  return out(meets(ratio.median, goal.op, goal.target) ? "pass" : "miss", ratioText(ratio.median), ratio.median);
}

/** "babel 1.85x", "native 8,750, babel 1,100": the reference variants' figures, as printed. */
function referenceText(goal, results) {
  return referenceOf(goal)
    .map((name) => {
      if (goal.kind === "depth") {
        const d = results.depth?.[name];
        return d ? `${name} ${d.capped ? ">= " : ""}${d.deepest.toLocaleString("en-US")}` : null;
      }
      const c = results.cases?.[goal.case];
      const status = c?.variants[name]?.status;
      if (status === undefined) return null;
      if (status !== "measured") return `${name} ${status}`;
      const ratio = c.ratios?.[goal.metric]?.[name];
      return ratio ? `${name} ${ratioText(ratio.median)}` : null;
    })
    .filter((x) => x !== null)
    .join(", ");
}

const evaluateGoals = (results) => GOALS.map((goal) => evaluateGoal(goal, results));

module.exports = { GOALS, evaluateGoal, evaluateGoals, targetText };
