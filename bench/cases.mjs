// What is measured: each case names a workload source, its sizes, its variants and how each
// variant drives the compiled functions once (returning { result, ...metrics }).
import { heapUsed, now, time } from "./measure.mjs";

const sumBelow = (n) => (n * (n - 1)) / 2;
const fibOf = (n) => { let a = 0, b = 1; for (let i = 0; i < n; i++) [a, b] = [b, a + b]; return a; };

// Native and Babel: call, await the promise.
const awaitIt = (call) => () => time(call);
// Stepwise: a fresh loop, driven explicitly by runUntilComplete (synchronous).
const onLoop = (rt, call) => () => {
  const loop = new rt.EventLoop();
  try {
    return time(() => loop.runUntilComplete(call()));
  } finally {
    loop.close();
  }
};

export const CASES = [
  {
    id: "hand-step",
    workload: "hand-step",
    title: "hand-stepping: send(v) after every await",
    size: { full: 1_000_000, quick: 50_000 },
    label: (n) => `${n} awaits`,
    expected: sumBelow,
    baseline: "generator",
    variants: {
      generator: (m, n) => () => time(() => {
        const gen = m.counterGenerator(n);
        let r = gen.next();
        while (!r.done) r = gen.next(r.value);
        return r.value;
      }),
      "stepwise-send": (m, n, rt) => () => time(() => {
        const co = m.counter(n);
        try {
          for (let v = co.send(undefined); ; ) v = co.send(v);
        } catch (e) {
          if (e instanceof rt.StopIteration) return e.value;
          throw e;
        }
      }),
      "stepwise-next": (m, n) => () => time(() => {
        const co = m.counter(n);
        let r = co.next(undefined);
        while (!r.done) r = co.next(r.value);
        return r.value;
      }),
    },
  },
  {
    id: "await-values",
    workload: "await-values",
    title: "await plain values in a loop",
    size: { full: 100_000, quick: 10_000 },
    label: (n) => `${n} x await i`,
    expected: sumBelow,
    variants: {
      native: (m, n) => awaitIt(() => m.awaitValues(n)),
      babel: (m, n) => awaitIt(() => m.awaitValues(n)),
      stepwise: (m, n, rt) => onLoop(rt, () => m.awaitValues(n)),
    },
  },
  {
    id: "fib",
    workload: "recursion",
    title: "recursive async calls: fib(n)",
    size: { full: 22, quick: 16 },
    label: (n) => `fib(${n}), ${2 * fibOf(n + 1) - 1} calls`,
    expected: fibOf,
    variants: {
      native: (m, n) => awaitIt(() => m.fib(n)),
      babel: (m, n) => awaitIt(() => m.fib(n)),
      stepwise: (m, n, rt) => onLoop(rt, () => m.fib(n)),
    },
  },
  {
    id: "deep-chain",
    workload: "recursion",
    title: "a deep chain of awaits, suspending at the bottom",
    size: { full: { depth: 500, steps: 10_000 }, quick: { depth: 200, steps: 1000 } },
    label: ({ depth, steps }) => `depth ${depth}, ${steps} awaits at the bottom`,
    expected: ({ depth, steps }) => depth + sumBelow(steps),
    variants: {
      native: (m, s) => awaitIt(() => m.chain(s.depth, s.steps)),
      babel: (m, s) => awaitIt(() => m.chain(s.depth, s.steps)),
      stepwise: (m, s, rt) => onLoop(rt, () => m.chain(s.depth, s.steps)),
    },
  },
  {
    id: "suspended",
    workload: "suspended",
    title: "many suspended tasks on one gate",
    size: { full: 100_000, quick: 10_000 },
    label: (n) => `${n} tasks`,
    expected: (n) => n + sumBelow(n),
    samples: { full: 7, quick: 3 },
    // Native/Babel: each call runs to `await gate` at once, leaving a pending promise.
    variants: {
      native: (m, n) => () => suspendNative(m, n),
      babel: (m, n) => () => suspendNative(m, n),
      stepwise: (m, n, rt) => () => suspendStepwise(m, n, rt),
    },
  },
];

async function suspendNative(m, n) {
  let open;
  const gate = new Promise((resolve) => (open = resolve));
  const before = heapUsed();
  const t0 = now();
  const pending = new Array(n);
  for (let i = 0; i < n; i++) pending[i] = m.waiter(gate, i);
  const createMs = now() - t0;
  const bytesPerTask = (heapUsed() - before) / n;
  const t1 = now();
  open(1);
  const result = await m.sumAll(pending);
  const completeMs = now() - t1;
  return { result, createMs, completeMs, bytesPerTask };
}

function suspendStepwise(m, n, rt) {
  const loop = new rt.EventLoop();
  try {
    const gate = loop.createFuture();
    const before = heapUsed();
    const t0 = now();
    const tasks = new Array(n);
    for (let i = 0; i < n; i++) tasks[i] = loop.createTask(m.waiter(gate, i));
    loop.runUntilComplete(rt.sleep(0)); // one iteration: every task steps to `await gate`
    const createMs = now() - t0;
    const bytesPerTask = (heapUsed() - before) / n;
    if (tasks.some((t) => t.done())) throw new Error("a task finished before its gate opened");
    const t1 = now();
    gate.setResult(1);
    const result = loop.runUntilComplete(m.sumAll(tasks));
    const completeMs = now() - t1;
    return { result, createMs, completeMs, bytesPerTask };
  } finally {
    loop.close();
  }
}
