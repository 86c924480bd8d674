import { asyncFn } from "./helpers";
import { CancelledError, Task, TestLoop, Timeout, TimeoutError, currentTask, sleep, timeout, timeoutAt } from "../src/index";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => loop.close());

const outcome = (f: () => unknown): string => {
  try {
    return `returned ${String(f())}`;
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
};

test("run() returns the body's value when it finishes in time; the Timeout ends finished, not expired", () => {
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    const cm = timeout(50);
    expect(cm.when()).toBe(50);
    const v = yield cm.run(() => sleep(10, "value"));
    return [v, cm.expired(), String(cm)];
  })());
  expect(r).toEqual(["value", false, "<Timeout [finished]>"]);
});

test("timeoutAt() takes a time on the loop's clock; reschedule() moves the deadline while active", () => {
  const log: string[] = [];
  loop.runUntilComplete(asyncFn("main", function* () {
    yield sleep(100);
    const cm = timeoutAt(110);
    try {
      yield cm.run(asyncFn("body", function* (t: Timeout) {
        t.reschedule(loop.time() + 30);
        yield sleep(20);
        log.push(`still running at ${loop.time()}`);
        t.reschedule(null);
        yield sleep(1000);
        log.push(`no deadline: ran to ${loop.time()}`);
        t.reschedule(loop.time() - 1);
        yield sleep(1000);
      }));
    } catch (e) {
      log.push(`${(e as Error).name} at ${loop.time()}, expired ${cm.expired()}`);
    }
  })());
  expect(log).toEqual(["still running at 120", "no deadline: ran to 1120", "TimeoutError at 1120, expired true"]);
});

test("an error other than the cancellation passes through unchanged, even after expiry", () => {
  const err = new RangeError("own error");
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    try {
      yield timeout(10).run(asyncFn("body", function* () {
        try {
          yield sleep(100);
        } catch {
          throw err;
        }
      }));
    } catch (e) {
      return [e === err, currentTask()!.cancelling()];
    }
  })());
  expect(r).toEqual([true, 0]);
});

test("a cancellation from outside stays a CancelledError, also if the deadline passes meanwhile", () => {
  let t: Task<unknown>;
  const main = asyncFn("main", function* () {
    yield timeout(20).run(asyncFn("body", function* () {
      try {
        yield sleep(100);
      } catch (e) {
        yield sleep(50); // cleanup runs past the deadline
        throw e;
      }
    }));
  });
  t = loop.createTask(main());
  loop.callLater(10, () => t.cancel());
  expect(() => loop.runUntilComplete(t)).toThrow(CancelledError);
  expect(t.cancelled()).toBe(true);
});

test("nested timeouts: only the one that expired converts", () => {
  const log: string[] = [];
  loop.runUntilComplete(asyncFn("main", function* () {
    try {
      yield timeout(100).run(asyncFn("outer", function* () {
        try {
          yield timeout(10).run(() => sleep(1000));
        } catch (e) {
          log.push(`inner block: ${(e as Error).name} at ${loop.time()}`);
        }
        yield sleep(1000);
      }));
    } catch (e) {
      log.push(`outer block: ${(e as Error).name} at ${loop.time()}`);
    }
  })());
  expect(log).toEqual(["inner block: TimeoutError at 10", "outer block: TimeoutError at 100"]);
});

test("timeout(0) expires at the next await", () => {
  const main = asyncFn("main", function* () { yield timeout(0).run(() => sleep(0)); });
  expect(outcome(() => loop.runUntilComplete(main()))).toMatch(/^TimeoutError: /);
});

test("timeout(ms) measures from the running loop's clock, so it needs one; timeout(null) does not", () => {
  expect(outcome(() => timeout(5))).toBe(
    "Error: timeout(): no running event loop to measure the delay on; call it inside a task, or use timeoutAt(loop.time() + ms)",
  );
  expect(timeout(null).when()).toBeNull();
  loop.advance(1000);
  const when = loop.runUntilComplete(asyncFn("main", function* () { return timeout(5).when(); })());
  expect(when).toBe(1005);
});

test("enter()/exit() by hand, as asyncio's async with", () => {
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    const cm = (yield timeout(10).enter()) as Timeout;
    let error: unknown;
    try {
      yield sleep(100);
    } catch (e) {
      error = e;
    }
    try {
      yield cm.exit(error);
    } catch (e) {
      return [(e as Error).name, (e as Error).cause === error];
    }
  })());
  expect(r).toEqual(["TimeoutError", true]);
});

test("misuse is refused with the call named", () => {
  const cm = timeoutAt(10);
  expect(outcome(() => cm.reschedule(5))).toBe("Error: Timeout has not been entered: reschedule() on <Timeout [created]>; call enter() (or run()) first");
  expect(outcome(() => cm.enter().send())).toBe("Error: Timeout should be used inside a task: enter() on <Timeout [created]> found no running task");
  expect(outcome(() => timeout("1" as never))).toBe(`TypeError: timeout(): expected a time in milliseconds on the loop's clock or null (never), got "1"`);
  expect(outcome(() => cm.run(5 as never))).toBe("TypeError: Timeout.run(): expected a function, got 5");
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    const used = timeout(10);
    yield used.run(() => 1);
    return [
      outcome(() => used.reschedule(5)),
      outcome(() => used.exit().send()),
    ];
  })());
  expect(r).toEqual([
    "Error: Cannot change state of finished Timeout: reschedule() on <Timeout [finished]>",
    "Error: Timeout.exit() on <Timeout [finished]>: it is not active; call enter() first, and exit() once",
  ]);
  const again = loop.runUntilComplete(asyncFn("main", function* () {
    const t = timeout(10);
    yield t.enter();
    const second = outcome(() => t.enter().send());
    yield t.exit();
    return second;
  })());
  expect(again).toBe("Error: Timeout has already been entered: enter() on <Timeout [active] when=10>; make a new one");
  expect(new TimeoutError("x")).toBeInstanceOf(Error);
});

test("Symbol.asyncDispose (for `await using`): an expired deadline throws TimeoutError, since dispose cannot see the body's error", () => {
  const dispose = (Symbol as { asyncDispose?: symbol }).asyncDispose!;
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    const results: string[] = [];
    for (const ms of [10, 1000]) {
      const cm = (yield timeout(ms).enter()) as Timeout;
      try {
        yield sleep(100);
      } catch {
        // the body's CancelledError: `await using` would keep it and dispose anyway
      }
      try {
        yield (cm as unknown as Record<symbol, () => unknown>)[dispose]!();
        results.push(`disposed at ${loop.time()}`);
      } catch (e) {
        results.push(`${(e as Error).name} at ${loop.time()}`);
      }
    }
    return results;
  })());
  expect(r).toEqual(["TimeoutError at 10", "disposed at 110"]);
});
