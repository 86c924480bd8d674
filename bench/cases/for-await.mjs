// `for await` over an async generator. While the Stepwise build still holds them native, the
// Stepwise variant is reported as not compiled yet (run.mjs, logic/native-left.cjs); it is measured
// as soon as the plugin compiles both, with no edit here.
import { onHostLoop, promised } from "../drivers.mjs";
import { sumBelow } from "./expected.mjs";

const sumValues = (m, n) => m.sumValues(n);

export default [
  {
    id: "for-await",
    workload: "for-await",
    title: "for await over an async generator",
    size: { full: 100_000, quick: 10_000 },
    label: (n) => `${n} values yielded`,
    expected: sumBelow,
    pendingStepwiseSupport: true,
    variants: { native: promised("native", sumValues), babel: promised("babel", sumValues), stepwise: onHostLoop(sumValues) },
  },
];
