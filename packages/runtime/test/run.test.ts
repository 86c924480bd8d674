import { asyncFn } from "./helpers";
import { CancelledError, EventLoop, TestLoop, createTask, getEventLoop, getRunningLoop, run, setEventLoop, sleep } from "../src/index";

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe("run()", () => {
  test("runs the coroutine on a fresh loop driven by the host and resolves with its result", async () => {
    let seen: EventLoop | undefined;
    const main = asyncFn("main", function* () {
      seen = getRunningLoop();
      const a = (yield Promise.resolve(20)) as number;
      const b = (yield nextTurn().then(() => 1)) as number;
      yield sleep(0);
      return a + b;
    });
    await expect(run(main())).resolves.toBe(21);
    expect(seen).toBeInstanceOf(EventLoop);
    expect(seen!.isClosed()).toBe(true);
    expect(seen).not.toBe(getEventLoop());
  });

  test("sets its fresh loop as the current one while it runs, and restores the previous one afterwards", async () => {
    const previous = new TestLoop();
    setEventLoop(previous);
    let inside: EventLoop | undefined;
    const main = asyncFn("main", function* () {
      inside = getEventLoop();
      yield Promise.resolve();
      return getRunningLoop();
    });
    const p = run(main());
    const during = getEventLoop();
    expect(during).not.toBe(previous);
    expect(during).toBeInstanceOf(EventLoop);
    const ran = await p;
    expect(ran).toBe(during);
    expect(inside).toBe(during);
    expect(getEventLoop()).toBe(previous);
    setEventLoop(null);
    previous.close();
  });

  test("rejects with the coroutine's error", async () => {
    const main = asyncFn("main", function* () {
      yield Promise.resolve();
      throw new RangeError("failed");
    });
    await expect(run(main())).rejects.toThrow(new RangeError("failed"));
  });

  test("a rejected promise is thrown at the await", async () => {
    const main = asyncFn("main", function* () {
      try {
        yield Promise.reject(new Error("no"));
      } catch (e) {
        return `caught ${(e as Error).message}`;
      }
    });
    await expect(run(main())).resolves.toBe("caught no");
  });

  test("leftover tasks are cancelled, and their cleanup runs, before the result is delivered", async () => {
    const log: string[] = [];
    const background = asyncFn("background", function* () {
      try {
        log.push("bg started");
        yield sleep(3_600_000);
      } catch (e) {
        log.push(`bg got ${(e as Error).name}`);
        throw e;
      } finally {
        log.push("bg finally");
      }
    });
    const main = asyncFn("main", function* () {
      createTask(background());
      yield sleep(0);
      log.push("main returning");
      return "result";
    });
    const result = await run(main());
    log.push(`run -> ${result}`);
    expect(log).toEqual(["bg started", "main returning", "bg got CancelledError", "bg finally", "run -> result"]);
  });

  test("refuses a native promise, naming the likely cause", async () => {
    await expect(run(Promise.resolve(1) as never)).rejects.toThrow(
      "run(): a coroutine was expected, got a native Promise (was the async function compiled with @stepwise/babel-plugin?)",
    );
    await expect(run(undefined as never)).rejects.toThrow(new TypeError("run(): a coroutine was expected, got undefined"));
  });

  test("refuses to start inside a running loop", async () => {
    const loop = new TestLoop();
    let p: Promise<unknown> | undefined;
    loop.callSoon(() => {
      p = run(asyncFn("x", function* () {})());
    });
    loop.advance(0);
    loop.close();
    await expect(p).rejects.toThrow("run() cannot be called from a running event loop: await the coroutine instead");
  });
});

describe("driven by the host", () => {
  test("code that was not compiled can await a coroutine", async () => {
    const f = asyncFn("f", function* (x: number) {
      const y = (yield Promise.resolve(x)) as number;
      yield sleep(0);
      return y * 2;
    });
    expect(await f(4)).toBe(8);
  });

  test("awaiting a failing coroutine rejects with its error", async () => {
    const f = asyncFn("f", function* () {
      yield undefined;
      throw new Error("bad");
    });
    await expect(f()).rejects.toThrow("bad");
  });

  test("a task created outside any run drives itself", async () => {
    const log: string[] = [];
    const t = createTask(asyncFn("bg", function* () {
      log.push("ran");
      return 1;
    })());
    expect(log).toEqual([]);
    expect(await t).toBe(1);
    expect(log).toEqual(["ran"]);
  });

  test("a timer left behind by a run by hand is run by the host afterwards", () => {
    // Fake host timers and clock: the host timer fires when the test says, not after a real wait.
    jest.useFakeTimers({ doNotFake: ["queueMicrotask", "nextTick", "setImmediate"] });
    const loop = new EventLoop();
    const log: string[] = [];
    try {
      const main = asyncFn("main", function* () {
        // A timer that fires during the run and is cancelled afterwards, as sleep() does with its own.
        const fired = loop.callAt(loop.time(), () => void log.push("fired"));
        yield undefined;
        yield undefined;
        fired.cancel();
        loop.callLater(100, () => void log.push("left behind"));
        return "done";
      });
      expect(loop.runUntilComplete(main())).toBe("done");
      expect(log).toEqual(["fired"]);
      jest.advanceTimersByTime(100);
      expect(log).toEqual(["fired", "left behind"]);
    } finally {
      loop.close();
      jest.useRealTimers();
    }
  });

  test("a host-driven task can be cancelled while it waits on a native promise", async () => {
    const t = createTask(asyncFn("waiter", function* () { yield new Promise(() => {}); })());
    await nextTurn();
    t.cancel("enough");
    await expect(t).rejects.toBeInstanceOf(CancelledError);
    expect(t.cancelled()).toBe(true);
  });
});

describe("awaiting odd thenables on a host-driven loop behaves as a native await", () => {
  test("a promise rejected with undefined throws undefined at the await", async () => {
    const f = asyncFn("f", function* () {
      try {
        yield Promise.reject(undefined);
        return "no throw";
      } catch (e) {
        return `caught ${String(e)}`;
      }
    });
    await expect(run(f())).resolves.toBe("caught undefined");
  });

  test("a `then` getter that throws makes the await throw", async () => {
    const f = asyncFn("f", function* () {
      try {
        yield { get then(): never { throw new Error("then getter"); } };
        return "no throw";
      } catch (e) {
        return `caught ${(e as Error).message}`;
      }
    });
    await expect(run(f())).resolves.toBe("caught then getter");
  });

  test("returning an object whose `then` getter throws fails the coroutine", async () => {
    const f = asyncFn("f", function* () {
      return { get then(): never { throw new Error("then getter"); } };
    });
    await expect(run(f())).rejects.toThrow("then getter");
  });

  test("only a thenable's first settlement counts; later calls and a late throw are ignored", async () => {
    const reported: unknown[] = [];
    const f = asyncFn("f", function* () {
      getRunningLoop()!.setExceptionHandler((_loop, context) => void reported.push(context));
      return yield {
        then(resolve: (v: number) => void, reject: (e: unknown) => void): void {
          resolve(1);
          resolve(2);
          reject(3);
          throw new Error("after settling");
        },
      };
    });
    await expect(run(f())).resolves.toBe(1);
    expect(reported).toEqual([]);
  });
});
