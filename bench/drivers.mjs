// How a variant drives the compiled workload once. A variant is { build, setup }: `build` names
// the compiled copy it loads (native, babel, stepwise; null for none) and `setup(ctx)` returns the
// function a sample calls, which gives { result, ...metrics }. ctx: { mod, size, rt, outDir }.
import { clock, heapUsed, time } from "./measure.mjs";

/** Native or Babel: call, await the promise. */
export const promised = (build, call) => ({ build, setup: ({ mod, size }) => () => time(() => call(mod, size)) });

/** Stepwise on the host-driven loop: `run(coro)` from uncompiled code (asyncio.run: a fresh loop). */
export const onHostLoop = (call) => ({ build: "stepwise", setup: ({ mod, size, rt }) => () => time(() => rt.run(call(mod, size))) });

/** Stepwise driven by hand: `runUntilComplete` on a fresh loop, synchronous. */
export const byHand = (call) => ({
  build: "stepwise",
  setup: ({ mod, size, rt }) => () => {
    const loop = new rt.EventLoop();
    try {
      return time(() => loop.runUntilComplete(call(mod, size)));
    } finally {
      loop.close();
    }
  },
});

/** The metrics of a run in two phases: CPU time of each and of both, wall time of both. */
const phases = (create, complete) => ({
  createCpuMs: create.cpuMs,
  completeCpuMs: complete.cpuMs,
  cpuMs: create.cpuMs + complete.cpuMs,
  wallMs: create.wallMs + complete.wallMs,
});

/**
 * Native or Babel: n calls of `start(gate, i)`, each suspending at once on one pending Promise.
 * Reports the time to create and suspend them, the heap per suspended task, and the time to
 * open the gate and collect every result.
 */
export const suspendedOnPromise = (build, start) => ({
  build,
  setup: ({ mod, size: n }) => async () => {
    let open;
    const gate = new Promise((resolve) => (open = resolve));
    const before = heapUsed();
    const creating = clock();
    const pending = new Array(n);
    for (let i = 0; i < n; i++) pending[i] = start(mod)(gate, i);
    const create = creating();
    const bytesPerTask = (heapUsed() - before) / n;
    const completing = clock();
    open(1);
    const result = await mod.sumAll(pending);
    return { result, ...phases(create, completing()), bytesPerTask };
  },
});

/**
 * Stepwise: the same on a fresh host-driven loop, a Task per call suspended on one pending Future.
 * Creating a Task only schedules its first step, so "create+suspend" ends once the host has run
 * the loop far enough for every task to reach its `await` (awaiting a sleep(0) task queued last).
 */
export const suspendedOnFuture = (start) => ({
  build: "stepwise",
  setup: ({ mod, size: n, rt }) => async () => {
    const loop = new rt.EventLoop();
    try {
      const gate = loop.createFuture();
      const before = heapUsed();
      const creating = clock();
      const tasks = new Array(n);
      for (let i = 0; i < n; i++) tasks[i] = loop.createTask(start(mod)(gate, i));
      await loop.createTask(rt.sleep(0));
      const create = creating();
      const bytesPerTask = (heapUsed() - before) / n;
      if (tasks.some((t) => t.done() || t.getCoro().state !== "suspended")) throw new Error("a task is not suspended on the gate before it opened");
      const completing = clock();
      gate.setResult(1);
      const result = await loop.createTask(mod.sumAll(tasks));
      return { result, ...phases(create, completing()), bytesPerTask };
    } finally {
      loop.close();
    }
  },
});
