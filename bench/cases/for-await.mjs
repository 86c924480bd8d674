// `for await` over an async generator, each compiled by every build (a Stepwise build that left
// either native would fail the bench: logic/native-left.cjs).
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
    variants: { native: promised("native", sumValues), babel: promised("babel", sumValues), stepwise: onHostLoop(sumValues) },
  },
];
