// `start: "eager"`: a call creates a Task on the current loop and runs the body at once, up to its
// first real suspension, as asyncio's eager tasks; the result is thenable and cancellable.
import { CancelledError, EventLoop, Task, TestLoop, currentTask, setEventLoop, type Future } from "@stepwise/runtime";
import { load } from "./helpers";

const mod = load(
  `
  import { sleep, currentTask } from "@stepwise/runtime";
  export const log = [];
  export async function quick(x) { log.push("quick " + x); return x * 2; }
  export async function slow(ms) {
    log.push("slow start");
    try { await sleep(ms); log.push("slow end"); return "slept"; }
    finally { log.push("slow finally"); }
  }
  export async function parent() {
    const me = currentTask();
    const child = slow(10);            // an eager Task of its own
    log.push("parent is current again: " + (currentTask() === me));
    const q = await quick(1);          // finished at the call: no suspension
    return [q, await child];
  }
  export async function fails() { throw new Error("eager failure"); }
  export async function* gen() { log.push("gen body"); yield 1; yield 2; }
  export async function loopOver() { const out = []; for await (const x of gen()) out.push(x); return out; }
  `,
  { start: "eager" },
) as Record<string, (...args: unknown[]) => unknown> & { log: string[] };

let loop: TestLoop;
beforeEach(() => {
  mod.log.length = 0;
  loop = new TestLoop();
  setEventLoop(loop);
});
afterEach(() => {
  setEventLoop(null);
  loop.close();
});

test("the body runs at the call; a body that never suspends gives a Task already done", () => {
  const t = mod.quick(21) as Task<number>;
  expect(mod.log).toEqual(["quick 21"]);
  expect(t).toBeInstanceOf(Task);
  expect(t.getLoop()).toBe(loop);
  expect(t.done()).toBe(true);
  expect(t.result()).toBe(42);
});

test("the body runs up to its first real suspension, and the loop finishes it", () => {
  const t = mod.slow(100) as Task<string>;
  expect(mod.log).toEqual(["slow start"]);
  expect(t.done()).toBe(false);
  expect(loop.runUntilComplete(t)).toBe("slept");
  expect(loop.time()).toBe(100);
});

test("an eager call inside a task is a Task of its own; the caller stays the current task", () => {
  const t = mod.parent() as Task<unknown>;
  expect(mod.log).toEqual(["slow start", "parent is current again: true", "quick 1"]);
  expect(currentTask(loop)).toBeNull();
  expect(loop.runUntilComplete(t)).toEqual([2, "slept"]);
});

test("the Task is cancellable: CancelledError at its await, finally blocks run", () => {
  const t = mod.slow(1000) as Task<string>;
  t.cancel();
  expect(() => loop.runUntilComplete(t)).toThrow(CancelledError);
  expect(mod.log).toEqual(["slow start", "slow finally"]);
});

test("an error in the body fails the Task instead of throwing at the call", () => {
  const t = mod.fails() as Future<never>;
  expect(t.done()).toBe(true);
  expect(() => t.result()).toThrow("eager failure");
});

test("the Task is thenable: uncompiled code awaits it on a host-driven loop", async () => {
  setEventLoop(new EventLoop());
  try {
    await expect(mod.slow(5) as Promise<string>).resolves.toBe("slept");
  } finally {
    setEventLoop(loop);
  }
});

test("an eager async generator starts its body when next() is called, as a native one does", () => {
  const g = mod.gen() as { next: () => Task<IteratorResult<number>> };
  expect(mod.log).toEqual([]);
  const first = g.next();
  expect(mod.log).toEqual(["gen body"]);
  expect(first).toBeInstanceOf(Task);
  expect(loop.runUntilComplete(first)).toEqual({ value: 1, done: false });
  expect(loop.runUntilComplete(mod.loopOver() as Task<number[]>)).toEqual([1, 2]);
});
