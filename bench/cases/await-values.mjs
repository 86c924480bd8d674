// Awaiting what is already there, 1e6 times in one async function. Stepwise on the host-driven
// loop (what a program gets when uncompiled code awaits a coroutine); by hand as a separate row.
import { byHand, onHostLoop, promised } from "../drivers.mjs";
import { sumBelow } from "./expected.mjs";

const plain = (m, n) => m.awaitValues(n);
const resolved = (m, n) => m.awaitResolved(n);

export default [
  {
    id: "await-plain",
    workload: "await-values",
    title: "await a plain value in a loop",
    size: { full: 1_000_000, quick: 20_000 },
    label: (n) => `${n} x await i`,
    expected: sumBelow,
    variants: {
      native: promised("native", plain),
      babel: promised("babel", plain),
      stepwise: onHostLoop(plain),
      "stepwise-by-hand": byHand(plain),
    },
  },
  {
    id: "await-resolved",
    workload: "await-values",
    title: "await an already-resolved promise in a loop",
    size: { full: 1_000_000, quick: 20_000 },
    label: (n) => `${n} x await p, p = Promise.resolve(2) made once`,
    expected: (n) => 2 * n,
    variants: {
      native: promised("native", resolved),
      babel: promised("babel", resolved),
      stepwise: onHostLoop(resolved),
    },
  },
];
