// Driving by hand: no loop, no promises, only the cost of the coroutine layer itself.
import { time } from "../measure.mjs";
import { sumBelow } from "./expected.mjs";

export default [
  {
    id: "hand-step",
    workload: "hand-step",
    title: "hand-stepping: send(v) after every await",
    size: { full: 1_000_000, quick: 50_000 },
    label: (n) => `${n} awaits`,
    expected: sumBelow,
    baseline: "generator",
    variants: {
      generator: {
        build: "native",
        setup: ({ mod, size }) => () => time(() => {
          const gen = mod.counterGenerator(size);
          let r = gen.next();
          while (!r.done) r = gen.next(r.value);
          return r.value;
        }),
      },
      "stepwise-send": {
        build: "stepwise",
        setup: ({ mod, size, rt }) => () => time(() => {
          const co = mod.counter(size);
          try {
            for (let v = co.send(undefined); ; ) v = co.send(v);
          } catch (e) {
            if (e instanceof rt.StopIteration) return e.value;
            throw e;
          }
        }),
      },
      "stepwise-next": {
        build: "stepwise",
        setup: ({ mod, size }) => () => time(() => {
          const co = mod.counter(size);
          let r = co.next(undefined);
          while (!r.done) r = co.next(r.value);
          return r.value;
        }),
      },
    },
  },
];
