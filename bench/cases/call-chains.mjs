// Async functions awaiting async functions: a call tree, and a deep chain run many times.
import { onHostLoop, promised } from "../drivers.mjs";
import { fibOf } from "./expected.mjs";

const fib = (m, n) => m.fib(n);
const chains = (m, { runs, depth }) => m.chains(runs, depth);

export default [
  {
    id: "fib",
    workload: "recursion",
    title: "recursive async fib(n)",
    size: { full: 25, quick: 16 },
    label: (n) => `fib(${n}), ${2 * fibOf(n + 1) - 1} calls`,
    expected: fibOf,
    variants: { native: promised("native", fib), babel: promised("babel", fib), stepwise: onHostLoop(fib) },
  },
  {
    id: "chain",
    workload: "recursion",
    title: "a chain of nested async calls, suspending once at the bottom",
    size: { full: { depth: 1000, runs: 300 }, quick: { depth: 1000, runs: 10 } },
    label: ({ depth, runs }) => `depth ${depth}, the whole chain ${runs} times`,
    expected: ({ depth, runs }) => depth * runs,
    // Babel's output needs several frames per call and overflows the stack near depth 1000.
    mayOverflow: true,
    variants: { native: promised("native", chains), babel: promised("babel", chains), stepwise: onHostLoop(chains) },
  },
];
