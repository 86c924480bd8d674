// Many tasks alive at once, suspended on one gate: what creating, holding and finishing them costs.
import { suspendedOnFuture, suspendedOnPromise } from "../drivers.mjs";
import { sumBelow } from "./expected.mjs";

const waiter = (m) => m.waiter;
const waiterChain = (m) => m.waiterChain;

export default [
  {
    id: "suspended",
    workload: "suspended",
    title: "tasks suspended on one gate",
    size: { full: 100_000, quick: 10_000 },
    // Every run forces full collections (the heap figure) with the tasks alive: fewer runs keep
    // the process short. One warm-up run already makes 100k calls.
    warmup: { runs: 1, ms: 0 },
    samples: { full: 3 },
    label: (n) => `${n} tasks`,
    expected: (n) => n + sumBelow(n),
    variants: {
      native: suspendedOnPromise("native", waiter),
      babel: suspendedOnPromise("babel", waiter),
      stepwise: suspendedOnFuture(waiter),
    },
  },
  {
    id: "tasks-3-deep",
    workload: "suspended",
    title: "tasks each 3 async calls deep, suspended at the bottom on one gate",
    size: { full: 50_000, quick: 5_000 },
    warmup: { runs: 1, ms: 0 },
    samples: { full: 3 },
    label: (n) => `${n} tasks`,
    expected: (n) => 3 * n + sumBelow(n),
    variants: {
      native: suspendedOnPromise("native", waiterChain),
      babel: suspendedOnPromise("babel", waiterChain),
      stepwise: suspendedOnFuture(waiterChain),
    },
  },
];
