import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";
import { asyncFn } from "./helpers";
import { EventLoop, TestLoop, sleep, type Coroutine, type ExceptionContext } from "../src/index";

let loop: TestLoop;
let reported: ExceptionContext[];
beforeEach(() => {
  loop = new TestLoop();
  reported = [];
  loop.setExceptionHandler((_l, context) => void reported.push(context));
});
afterEach(() => loop.close());

const helper = asyncFn("helper", function* () {
  return 1;
});

/** A task body that calls `helper()` and, depending on `use`, forgets it or deals with it. */
const caller = asyncFn("caller", function* (use: (co: Coroutine<number>) => unknown) {
  const co = helper();
  const r = use(co);
  if (r !== undefined) yield r;
  yield sleep(0);
});

test("is off on an EventLoop and on by default on a TestLoop; setDebug switches it", () => {
  const plain = new EventLoop();
  expect(plain.getDebug()).toBe(false);
  plain.setDebug(true);
  expect(plain.getDebug()).toBe(true);
  plain.close();
  expect(loop.getDebug()).toBe(true);
  expect(new TestLoop({ debug: false }).getDebug()).toBe(false);
});

describe("coroutines never awaited", () => {
  test("one created in a debug run and never driven is listed, with the task and coroutine that created it", () => {
    loop.runUntilComplete(loop.createTask(caller(() => undefined), { name: "forgetful" }));
    const [forgotten, ...rest] = loop.checkLeaks().neverAwaited;
    expect(rest).toEqual([]);
    expect(forgotten).toEqual({
      name: "helper",
      location: "test.js:1:0",
      createdIn: "in Task 'forgetful', called from caller() at test.js:1:0",
      createdAt: [],
      collected: false,
    });
  });

  test("created by a coroutine running inline, it names that coroutine, however debug mode came on", () => {
    const inner = asyncFn("inner", function* (before: () => void) {
      before();
      helper();
      return 1;
    });
    const outer = asyncFn("outer", function* (before: () => void) {
      return yield inner(before);
    });
    loop.runUntilComplete(loop.createTask(outer(() => undefined), { name: "debug" }));
    expect(loop.checkLeaks().neverAwaited.map((c) => c.createdIn)).toEqual(["in Task 'debug', called from inner() at test.js:1:0"]);

    // Switched on inside the run, while `inner` runs inline.
    const plain = new EventLoop();
    try {
      plain.runUntilComplete(plain.createTask(outer(() => plain.setDebug(true)), { name: "late" }));
      expect(plain.checkLeaks().neverAwaited.map((c) => c.createdIn)).toEqual(["in Task 'late', called from inner() at test.js:1:0"]);
    } finally {
      plain.close();
    }
  });

  test("created in a plain callback, it names the callback", () => {
    loop.callSoon(function scheduleHelper() {
      helper();
    });
    loop.runUntilIdle();
    expect(loop.checkLeaks().neverAwaited.map((c) => c.createdIn)).toEqual(["in the callback scheduleHelper()"]);
  });

  test("with coroutineStacks on, the creation stack is recorded too", () => {
    const stacks = new TestLoop({ coroutineStacks: true });
    stacks.runUntilComplete(caller(() => undefined));
    const [forgotten] = stacks.checkLeaks().neverAwaited;
    expect(forgotten!.createdAt.some((frame) => /debug-mode\.test\.ts:\d+:\d+/.test(frame))).toBe(true);
    stacks.close();
    loop.setDebug(true, { coroutineStacks: true });
    loop.runUntilComplete(caller(() => undefined));
    expect(loop.checkLeaks().neverAwaited[0]!.createdAt.length).toBeGreaterThan(0);
  });

  test("awaited, wrapped in a task, closed or thrown into before starting: not listed", () => {
    loop.runUntilComplete(caller((co) => co));
    loop.runUntilComplete(caller((co) => loop.createTask(co)));
    loop.runUntilComplete(caller((co) => void co.close()));
    loop.runUntilComplete(caller((co) => {
      try {
        co.throw(new Error("never mind"));
      } catch {
        // the error comes straight back out of a coroutine that never started
      }
    }));
    expect(loop.checkLeaks().neverAwaited).toEqual([]);
  });

  test("not tracked when debug mode is off, nor for coroutines created outside a run", () => {
    loop.setDebug(false);
    loop.runUntilComplete(caller(() => undefined));
    loop.setDebug(true);
    helper();
    loop.runUntilIdle();
    expect(loop.checkLeaks().neverAwaited).toEqual([]);
  });

  test("setDebug inside a run takes effect at once", () => {
    loop.setDebug(false);
    loop.runUntilComplete(asyncFn("switcher", function* () {
      loop.setDebug(true);
      helper();
      yield sleep(0);
    })());
    expect(loop.checkLeaks().neverAwaited.map((c) => c.name)).toEqual(["helper"]);
  });

  describe("once garbage", () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    async function collectGarbage(): Promise<void> {
      const round = async (): Promise<void> => {
        gc();
        await new Promise((resolve) => setImmediate(resolve));
      };
      // Finalization callbacks run as tasks of their own: on a busy machine they can take many
      // rounds, and some real time.
      for (let i = 0; i < 50 && reported.length === 0; i++) await round();
      for (let i = 0; i < 100 && reported.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20)).then(round);
      for (let i = 0; i < 3; i++) await round();
    }

    test("is reported to the loop's exception handler as never awaited, and still listed", async () => {
      loop.setDebug(true, { coroutineStacks: true });
      loop.runUntilComplete(loop.createTask(caller(() => undefined), { name: "forgetful" }));
      loop.runUntilComplete(caller((co) => co));
      await collectGarbage();
      expect(reported.map((c) => c.message.split("\n")[0])).toEqual([
        "coroutine 'helper' (defined at test.js:1:0) was never awaited: it was created in Task 'forgetful', called from caller() at test.js:1:0 " +
          "and dropped without being awaited or wrapped in a task, so its body never ran",
      ]);
      expect(reported[0]!.message).toMatch(/\nCoroutine created at \(most recent call first\):\n {2}at [^]*debug-mode\.test\.ts/);
      expect(reported[0]).toMatchObject({ coroutine: "helper", location: "test.js:1:0" });
      expect(loop.checkLeaks().neverAwaited).toMatchObject([{ name: "helper", collected: true }]);
    });
  });
});
