import { asyncFn } from "./helpers";
import { Future, TestLoop, TimeoutError, asCompleted, createTask, run, sleep } from "../src/index";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => loop.close());

const after = asyncFn("after", function* <T>(ms: number, value: T) {
  yield sleep(ms);
  return value;
});

test("plain iteration gives coroutines resolving in completion order", () => {
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    const got: unknown[] = [];
    for (const next of asCompleted([after(30, "slow"), after(10, "fast"), after(20, "mid")])) {
      got.push([yield next, loop.time()]);
    }
    return got;
  })());
  expect(r).toEqual([["fast", 10], ["mid", 20], ["slow", 30]]);
});

test("an error comes out of the coroutine for its turn", () => {
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    const got: string[] = [];
    for (const next of asCompleted([after(20, "ok"), asyncFn("bad", function* () { yield sleep(10); throw new RangeError("bad"); })()])) {
      try {
        got.push(String(yield next));
      } catch (e) {
        got.push(`error ${(e as Error).message}`);
      }
    }
    return got;
  })());
  expect(r).toEqual(["error bad", "ok"]);
});

test("past the timeout, each remaining turn throws TimeoutError", () => {
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    const got: string[] = [];
    for (const next of asCompleted([after(5, "a"), after(50, "b"), after(60, "c")], { timeout: 20 })) {
      try {
        got.push(String(yield next));
      } catch (e) {
        got.push(`${(e as Error).name} at ${loop.time()}`);
      }
    }
    return got;
  })());
  expect(r).toEqual(["a", "TimeoutError at 20", "TimeoutError at 20"]);
});

test("for await (uncompiled code) gives the Futures themselves", async () => {
  const main = asyncFn("main", function* () {
    return yield (async () => {
      const a = createTask(after(20, "a"));
      const b = createTask(after(10, "b"));
      const got: unknown[] = [];
      // TypeScript types for-await values as Awaited<Future<T>>; at run time they are the Futures.
      for await (const f of asCompleted([a, b]) as AsyncIterable<unknown>) got.push(f === a ? "task a" : f === b ? "task b" : f);
      return got;
    })();
  });
  await expect(run(main())).resolves.toEqual(["task b", "task a"]);
});

test("refuses a single awaitable or a bad timeout, naming asCompleted()", () => {
  const fut = loop.createFuture();
  expect(() => asCompleted(fut as never)).toThrow("asCompleted(): expects an iterable of awaitables, not <Future pending>");
  expect(() => asCompleted([fut as Future<unknown>], { timeout: "1" as never })).toThrow('asCompleted(): timeout must be a number of milliseconds or null, got "1"');
  expect(new TimeoutError()).toBeInstanceOf(Error);
});
