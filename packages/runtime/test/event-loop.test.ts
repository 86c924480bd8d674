import { asyncFn, thrown } from "./helpers";
import { EventLoop, Future, Task, TestLoop, getEventLoop, getRunningLoop, sleep, type ExceptionContext } from "../src/index";
import * as sleepThreadModule from "../src/sleep-thread";

let loop: TestLoop;
let log: string[];
const say = (s: string) => (): void => void log.push(s);
beforeEach(() => {
  loop = new TestLoop();
  log = [];
});
afterEach(() => {
  if (!loop.isClosed()) loop.close();
});

describe("callSoon / callLater / callAt", () => {
  test("callSoon runs callbacks FIFO with their arguments", () => {
    loop.callSoon((a: string, b: number) => void log.push(`${a}${b}`), "x", 1);
    loop.callSoon(say("second"));
    loop.advance(0);
    expect(log).toEqual(["x1", "second"]);
  });

  test("timers run in deadline order, after callbacks already ready; equal deadlines keep their order", () => {
    loop.callLater(0, say("later(0) first"));
    loop.callSoon(say("soon"));
    loop.callLater(-2, say("later(-2)"));
    loop.callLater(20, say("later(20)"));
    loop.callAt(10, say("at(10) a"));
    loop.callLater(10, say("later(10) b"));
    loop.advance(100);
    expect(log).toEqual(["soon", "later(-2)", "later(0) first", "at(10) a", "later(10) b", "later(20)"]);
  });

  test("callLater(delay) is due at time() + delay", () => {
    loop.advance(5);
    expect(loop.callLater(7, say("x")).when()).toBe(12);
  });

  test("bad delays and times are refused with the call named", () => {
    expect(() => loop.callLater(NaN, say("x"))).toThrow(new TypeError("callLater(): delay must be a number of milliseconds, got NaN"));
    expect(() => loop.callLater("5" as unknown as number, say("x"))).toThrow(/^callLater\(\): delay must be a number of milliseconds, got "5"/);
    expect(() => loop.callAt(undefined as unknown as number, say("x"))).toThrow(
      new TypeError("callAt(): when must be a time on the loop's clock (loop.time()), got undefined"),
    );
  });

  test("a non-function callback is refused", () => {
    expect(() => loop.callSoon(42 as unknown as () => void)).toThrow(new TypeError("a callable object was expected by callSoon(), got 42"));
    expect(() => loop.callLater(1, null as unknown as () => void)).toThrow(new TypeError("a callable object was expected by callLater(), got null"));
    expect(() => loop.callAt(1, null as unknown as () => void)).toThrow(new TypeError("a callable object was expected by callAt(), got null"));
    expect(loop._ready.length).toBe(0);
    expect(String(loop)).toBe("<TestLoop idle ready=0 timers=0>");
  });

  test("callSoon rejects a coroutine and a compiled async function", () => {
    const f = asyncFn("job", function* () {});
    const co = f();
    expect(() => loop.callSoon(co as unknown as () => void)).toThrow(TypeError);
    expect(() => loop.callSoon(co as unknown as () => void)).toThrow(
      /^coroutines cannot be used with callSoon\(\): got <coroutine job\(\).*>; schedule it with loop.createTask\(fn\(\)\) instead/,
    );
    expect(() => loop.callSoon(f)).toThrow(/^coroutines cannot be used with callSoon\(\): got function job;/);
    expect(() => loop.callAt(1, f)).toThrow(/^coroutines cannot be used with callAt\(\)/);
    expect(() => loop.callLater(1, f)).toThrow(/^coroutines cannot be used with callLater\(\)/);
    expect(loop._ready.length).toBe(0);
  });
});

describe("_ready", () => {
  test("is FIFO across many callbacks, also once the queue has wrapped and grown", () => {
    const order: number[] = [];
    for (let i = 0; i < 10; i++) loop.callSoon((n: number) => void order.push(n), i);
    loop._runOnce();
    for (let i = 10; i < 60; i++) loop.callSoon((n: number) => void order.push(n), i);
    expect(loop._ready.length).toBe(50);
    loop._runOnce();
    expect(order).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(loop._ready.length).toBe(0);
  });
});

describe("_runOnce", () => {
  test("runs exactly the handles that were ready when it began", () => {
    loop.callSoon(() => {
      log.push("a");
      loop.callSoon(say("b"));
    });
    loop.callSoon(say("c"));
    loop._runOnce();
    expect(log).toEqual(["a", "c"]);
    expect(loop._ready.length).toBe(1);
    loop._runOnce();
    expect(log).toEqual(["a", "c", "b"]);
  });

  test("skips cancelled handles", () => {
    loop.callSoon(say("a")).cancel();
    loop.callSoon(say("b"));
    loop._runOnce();
    expect(log).toEqual(["b"]);
  });
});

describe("runForever / stop", () => {
  test("stop() ends the run after the current iteration; what it queued waits for the next run", () => {
    loop.callSoon(() => {
      log.push("a");
      loop.callSoon(say("b"));
    });
    loop.callSoon(() => loop.stop());
    loop.callSoon(say("c"));
    loop.runForever();
    expect(log).toEqual(["a", "c"]);
    expect(loop.isRunning()).toBe(false);
    loop.callSoon(() => loop.stop());
    loop.runForever();
    expect(log).toEqual(["a", "c", "b"]);
  });

  test("stop() before runForever(): the run does one iteration and returns", () => {
    loop.stop();
    loop.callSoon(() => {
      log.push("a");
      loop.callSoon(say("b"));
    });
    loop.runForever();
    expect(log).toEqual(["a"]);
    expect(loop._ready.length).toBe(1);
  });

  test("isRunning and getRunningLoop inside a run", () => {
    const seen: unknown[] = [];
    loop.callSoon(() => {
      seen.push(loop.isRunning(), getRunningLoop() === loop);
      loop.stop();
    });
    loop.runForever();
    expect(seen).toEqual([true, true]);
  });

  test("runForever with nothing to do throws instead of hanging", () => {
    expect(() => loop.runForever()).toThrow(/^runForever\(\) can make no progress: nothing is ready or scheduled on <TestLoop/);
    expect(loop.isRunning()).toBe(false);
  });
});

describe("runUntilComplete", () => {
  test("is synchronous: returns the coroutine's result", () => {
    const f = asyncFn("f", function* () {
      yield sleep(10);
      return "r";
    });
    expect(loop.runUntilComplete(f())).toBe("r");
    expect(loop.time()).toBe(10);
  });

  test("a plain EventLoop (getEventLoop()) runs by hand synchronously too", () => {
    const log: string[] = [];
    const sayHi = asyncFn("sayHi", function* () {
      log.push("Hi!");
      yield undefined;
      return 1;
    });
    expect(getEventLoop().runUntilComplete(sayHi())).toBe(1);
    expect(log).toEqual(["Hi!"]);
  });

  test("throws the coroutine's error", () => {
    const f = asyncFn("f", function* () { throw new RangeError("bad"); });
    expect(() => loop.runUntilComplete(f())).toThrow(new RangeError("bad"));
  });

  test("accepts a Future and a Task", () => {
    const fut = loop.createFuture<number>();
    loop.callSoon(() => fut.setResult(3));
    expect(loop.runUntilComplete(fut)).toBe(3);
    const t = loop.createTask(asyncFn("f", function* () { return 4; })(), { name: "four" });
    expect(t).toBeInstanceOf(Task);
    expect(t.getName()).toBe("four");
    expect(loop.runUntilComplete(t)).toBe(4);
  });

  test("takes over a coroutine stepped by hand: it resumes with the result of what it awaits", () => {
    const f = asyncFn("f", function* () {
      const a = (yield sleep(10, "slept")) as string;
      return `${a} then done`;
    });
    const co = f();
    loop.callSoon(() => void co.send());
    loop.advance(0);
    expect(co.state).toBe("suspended");
    expect(loop.runUntilComplete(co)).toBe("slept then done");
    expect(loop.time()).toBe(10);
  });

  test("waiting on a native promise that only the host can settle is an error naming the async alternative", () => {
    const f = asyncFn("f", function* () { return yield new Promise(() => {}); });
    const e = thrown(() => loop.runUntilComplete(f())) as Error;
    expect(e.message).toMatch(/^runUntilComplete\(\): <Task pending .*> cannot finish synchronously: 1 task\(s\) wait on a native promise/);
    expect(e.message).toContain("await run(main())");
  });

  test("bad input is refused naming runUntilComplete(), and the loop is left idle with nothing queued", () => {
    const f = asyncFn("job", function* () { return 1; });
    expect(() => loop.runUntilComplete(5 as never)).toThrow(
      new TypeError("runUntilComplete(): a Future, a coroutine or a thenable is required, got 5"),
    );
    expect(() => loop.runUntilComplete(f as never)).toThrow(
      new TypeError("runUntilComplete(): got the async function job itself; call it: runUntilComplete(job())"),
    );
    const other = new TestLoop();
    expect(() => loop.runUntilComplete(other.createFuture())).toThrow(
      /^runUntilComplete\(\): <Future pending> belongs to a different loop than <TestLoop idle/,
    );
    other.close();
    expect(loop.isRunning()).toBe(false);
    expect(String(loop)).toBe("<TestLoop idle ready=0 timers=0>");
    expect(loop.runUntilComplete(f())).toBe(1);
  });

  test("an EventLoop run by hand with nothing ready sleeps the thread until the next timer is due", () => {
    // A clock the test controls; sleepThread stands in for blocking the thread.
    class ClockLoop extends EventLoop {
      now = 1000;
      override time(): number {
        return this.now;
      }
    }
    const clock = new ClockLoop();
    const slept: number[] = [];
    const spy = jest.spyOn(sleepThreadModule, "sleepThread").mockImplementation((ms: number) => {
      slept.push(ms);
      clock.now += ms;
    });
    try {
      const f = asyncFn("f", function* () {
        yield sleep(250);
        return clock.time();
      });
      expect(clock.runUntilComplete(f())).toBe(1250);
      expect(slept).toEqual([250]);
    } finally {
      spy.mockRestore();
      clock.close();
    }
  });

  test("a future nothing will complete is an error, not a hang", () => {
    const fut = loop.createFuture();
    expect(() => loop.runUntilComplete(fut)).toThrow(/^runUntilComplete\(\): <Future pending> can make no progress/);
  });

  test("stop() while the future is pending: an error; the task can be resumed by a second run", () => {
    const f = asyncFn("main", function* () {
      loop.stop();
      yield sleep(0);
      return "ok";
    });
    const t = loop.createTask(f());
    expect(() => loop.runUntilComplete(t)).toThrow(/^Event loop stopped before Future completed: <Task pending/);
    expect(t.done()).toBe(false);
    expect(loop.runUntilComplete(t)).toBe("ok");
  });

  test("nested runs are refused", () => {
    let message = "";
    loop.callSoon(() => {
      message = (thrown(() => loop.runUntilComplete(loop.createFuture())) as Error).message;
      loop.stop();
    });
    loop.runForever();
    expect(message).toBe("This event loop is already running: runUntilComplete() was called from inside its own run");
  });

  test("running a loop inside another loop's run is refused", () => {
    const other = new TestLoop();
    let message = "";
    loop.callSoon(() => {
      other.callSoon(() => other.stop());
      message = (thrown(() => other.runForever()) as Error).message;
      loop.stop();
    });
    loop.runForever();
    expect(message).toMatch(/^Cannot run the event loop while another loop is running: runForever\(\) was called inside <TestLoop/);
    other.close();
  });
});

describe("close", () => {
  test("drops queued work; the closed loop refuses to be used, naming the call", () => {
    loop.callSoon(say("never"));
    loop.close();
    expect(loop.isClosed()).toBe(true);
    expect(() => loop.close()).not.toThrow();
    for (const [name, op] of [
      ["callSoon", () => loop.callSoon(say("x"))],
      ["callLater", () => loop.callLater(1, say("x"))],
      ["callAt", () => loop.callAt(1, say("x"))],
      ["advance", () => loop.advance(1)],
      ["runForever", () => loop.runForever()],
      ["runUntilComplete", () => loop.runUntilComplete(new Future({ loop }))],
      ["createFuture", () => loop.createFuture()],
      ["createTask", () => loop.createTask(asyncFn("f", function* () {})())],
    ] as const) {
      expect(() => op()).toThrow(`Event loop is closed: ${name}() cannot be used on a closed loop; make a new one with newEventLoop()`);
    }
    expect(log).toEqual([]);
  });

  test("closing a running loop is refused", () => {
    let message = "";
    loop.callSoon(() => {
      message = (thrown(() => loop.close()) as Error).message;
      loop.stop();
    });
    loop.runForever();
    expect(message).toBe("Cannot close a running event loop: close it from outside its callbacks, once the run has returned (stop() ends runForever)");
    expect(loop.isClosed()).toBe(false);
  });

  test("closing a loop from one of its callbacks while the host drives it is refused too", async () => {
    const hostLoop = new EventLoop();
    let message = "";
    hostLoop.callSoon(() => {
      message = (thrown(() => hostLoop.close()) as Error).message;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(message).toBe("Cannot close a running event loop: close it from outside its callbacks, once the run has returned (stop() ends runForever)");
    expect(hostLoop.isClosed()).toBe(false);
    hostLoop.close();
    expect(hostLoop.isClosed()).toBe(true);
  });
});

describe("exception handler", () => {
  test("callback errors go to the handler and the loop keeps running", () => {
    const reported: ExceptionContext[] = [];
    loop.setExceptionHandler((l, ctx) => {
      expect(l).toBe(loop);
      reported.push(ctx);
    });
    loop.callSoon(() => {
      throw new Error("boom");
    });
    loop.callSoon(say("still running"));
    loop.advance(0);
    expect(reported.map((c) => c.message)).toEqual(["Exception in callback (anonymous function)"]);
    expect(log).toEqual(["still running"]);
  });

  test("getExceptionHandler, callExceptionHandler, and the default handler writes to console.error", () => {
    const handler = (): void => {};
    loop.setExceptionHandler(handler);
    expect(loop.getExceptionHandler()).toBe(handler);
    loop.setExceptionHandler(null);
    const spy = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      loop.callExceptionHandler({ message: "custom message", exception: "plain" });
      expect(spy).toHaveBeenCalledWith("custom message\nexception: \"plain\"");
    } finally {
      spy.mockRestore();
    }
  });

  test("callExceptionHandler refuses a context that is not an object, naming the call", () => {
    const reported: ExceptionContext[] = [];
    loop.setExceptionHandler((_l, ctx) => void reported.push(ctx));
    expect(() => loop.callExceptionHandler("oops" as unknown as ExceptionContext)).toThrow(
      new TypeError('callExceptionHandler(): a context object ({ message, exception? }) is expected, got "oops"'),
    );
    expect(() => loop.callExceptionHandler(null as unknown as ExceptionContext)).toThrow(/^callExceptionHandler\(\): .* got null$/);
    expect(reported).toEqual([]);
  });

  test("an error in the handler itself is reported by the default handler", () => {
    loop.setExceptionHandler(() => {
      throw new Error("handler broke");
    });
    const spy = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      loop.callExceptionHandler({ message: "m" });
      expect(String(spy.mock.calls[0]![0])).toMatch(/^Unhandled error in exception handler\ncontext: /);
    } finally {
      spy.mockRestore();
    }
  });

  test("setExceptionHandler refuses a non-function and keeps the handler it had", () => {
    const handler = (): void => {};
    loop.setExceptionHandler(handler);
    expect(() => loop.setExceptionHandler(5 as never)).toThrow(new TypeError("setExceptionHandler(): a function or null is expected, got 5"));
    expect(loop.getExceptionHandler()).toBe(handler);
  });
});

test("a timer cancelled after it fired is not counted as a pending one (sleep does this on every wake-up)", () => {
  loop.runUntilComplete(sleep(10));
  const fired = loop.callLater(5, say("fired"));
  loop.advance(5);
  fired.cancel();
  const pending = loop.callLater(5, say("pending"));
  expect(String(loop)).toBe("<TestLoop idle ready=0 timers=1>");
  loop.close();
  pending.cancel();
  expect(String(loop)).toBe("<TestLoop closed ready=0 timers=0>");
  expect(log).toEqual(["fired"]);
});

test("toString describes the loop", () => {
  loop.callSoon(say("x"));
  loop.callLater(5, say("y"));
  expect(String(loop)).toBe("<TestLoop idle ready=1 timers=1>");
  loop.close();
  expect(String(loop)).toBe("<TestLoop closed ready=0 timers=0>");
});
