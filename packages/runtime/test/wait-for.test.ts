import { asyncFn } from "./helpers";
import { CancelledError, TestLoop, TimeoutError, createTask, currentTask, sleep, waitFor } from "../src/index";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => loop.close());

const after = asyncFn("after", function* <T>(ms: number, value: T) {
  yield sleep(ms);
  return value;
});

test("returns the result when it arrives in time; null means no limit", () => {
  expect(loop.runUntilComplete(waitFor(after(10, "in time"), 20))).toBe("in time");
  expect(loop.runUntilComplete(waitFor(after(10_000, "late but no limit"), null))).toBe("late but no limit");
});

test("past the deadline a task is cancelled and waited for, then TimeoutError; the caller's cancelling() is restored", () => {
  const log: string[] = [];
  const slow = asyncFn("slow", function* () {
    try {
      yield sleep(100);
    } finally {
      log.push(`cleanup at ${loop.time()}`);
      yield sleep(5);
      log.push(`cleanup done at ${loop.time()}`);
    }
  });
  loop.runUntilComplete(asyncFn("main", function* () {
    const t = createTask(slow());
    try {
      yield waitFor(t, 10);
    } catch (e) {
      log.push(`${(e as Error).name} at ${loop.time()}, cause ${(e as Error).cause instanceof CancelledError}, task cancelled ${t.cancelled()}`);
    }
    log.push(`cancelling ${currentTask()!.cancelling()}`);
  })());
  expect(log).toEqual([
    "cleanup at 10",
    "cleanup done at 15",
    "TimeoutError at 15, cause true, task cancelled true",
    "cancelling 0",
  ]);
});

test("work that swallows the cancellation and returns gives its value", () => {
  const stubborn = asyncFn("stubborn", function* () {
    try {
      yield sleep(100);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
    }
    return "kept going";
  });
  expect(loop.runUntilComplete(waitFor(stubborn(), 10))).toBe("kept going");
});

test("a timeout of 0 or less: a done Future gives its result, anything else is cancelled without running", () => {
  const fut = loop.createFuture<string>();
  fut.setResult("ready");
  expect(loop.runUntilComplete(waitFor(fut, 0))).toBe("ready");
  let ran = false;
  const f = asyncFn("f", function* () { ran = true; });
  expect(() => loop.runUntilComplete(waitFor(f(), -1))).toThrow(TimeoutError);
  expect(ran).toBe(false);
});

test("an outside cancellation of the caller stays a CancelledError", () => {
  const main = loop.createTask(waitFor(after(100, 1), 50));
  loop.callLater(10, () => main.cancel());
  expect(() => loop.runUntilComplete(main)).toThrow(CancelledError);
  expect(loop.time()).toBe(10);
});

test("refuses a bad timeout, naming waitFor()", () => {
  expect(() => waitFor(after(1, 1), "10" as never)).toThrow('waitFor(): ms must be a number of milliseconds or null, got "10"');
});
