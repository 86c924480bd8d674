// Two paths besides the straight await: an error unwinding through awaiting callers, and a
// fresh async closure per call.
import { onHostLoop, promised } from "../drivers.mjs";
import { sumBelow } from "./expected.mjs";

const throwMany = (m, n) => m.throwMany(n);
const arrows = (m, n) => m.arrowsPerCall(n);

export default [
  {
    id: "throw",
    workload: "throw",
    title: "an error thrown through 3 awaiting callers with try/finally",
    size: { full: 20_000, quick: 2_000 },
    label: (n) => `${n} throws`,
    expected: (n) => sumBelow(n) + 3 * n,
    variants: { native: promised("native", throwMany), babel: promised("babel", throwMany), stepwise: onHostLoop(throwMany) },
  },
  {
    id: "arrow",
    workload: "arrow",
    title: "an async arrow created per call, capturing a local, awaited",
    size: { full: 100_000, quick: 10_000 },
    label: (n) => `${n} calls`,
    expected: (n) => n * n,
    variants: { native: promised("native", arrows), babel: promised("babel", arrows), stepwise: onHostLoop(arrows) },
  },
];
