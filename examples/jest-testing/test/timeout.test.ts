import { CancelledError, Task, TestLoop, coroutine, setEventLoop, sleep } from "@stepwise/runtime";
import { TimeoutError, withTimeout } from "../src/timeout";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
  setEventLoop(loop);
});
afterEach(() => {
  setEventLoop(null);
  loop.close();
});

test("work that finishes in time gives its result; the timer is cancelled", () => {
  expect(loop.runUntilComplete(withTimeout(sleep(50, "fast"), 100))).toBe("fast");
  expect(loop.time()).toBe(50);
  loop.advance(1000); // the cancelled timer does nothing
});

test("work that takes too long is cancelled at the deadline, and its finally blocks run", () => {
  const log: string[] = [];
  const slowQuery = async (): Promise<string> => {
    try {
      await sleep(5000);
      return "rows";
    } finally {
      log.push(`cleanup at ${loop.time()}`);
    }
  };
  expect(() => loop.runUntilComplete(withTimeout(slowQuery(), 100))).toThrow(TimeoutError);
  expect(loop.time()).toBe(100);
  expect(log).toEqual(["cleanup at 100"]);
});

test("errors from the work pass through unchanged", () => {
  const failing = async (): Promise<number> => {
    await sleep(10);
    throw new RangeError("bad input");
  };
  expect(() => loop.runUntilComplete(withTimeout(failing(), 100))).toThrow(RangeError);
  expect(loop.time()).toBe(10);
});

test("stepped by hand: it awaits a Task, and a CancelledError after the deadline becomes a TimeoutError", () => {
  const co = coroutine(withTimeout(sleep(500, "late"), 100));
  const awaited = co.send(undefined);
  expect(awaited).toBeInstanceOf(Task);
  const inner = awaited as Task<string>;
  expect(inner.getCoro().name).toBe("sleep");

  // Let the clock reach the deadline: the inner task is started, then cancelled by the timer.
  loop.advance(100);
  expect(inner.cancelled()).toBe(true);

  // Deliver the outcome as the Task driving `co` would: the awaited task was cancelled.
  expect(() => co.throw(new CancelledError())).toThrow(new TimeoutError(100));
  expect(co.state).toBe("closed");
});

test("stepped by hand: a CancelledError before the deadline is a real cancellation, not a timeout", () => {
  const co = coroutine(withTimeout(sleep(500), 100));
  co.send(undefined);
  expect(() => co.throw(new CancelledError("shutting down"))).toThrow(CancelledError);
});
