// What the runtime does when things fail or are used at the edges: each case has a defined outcome
// (README, "Under load and when things fail"), asyncio's where asyncio has one.
import { asyncFn, thrown } from "./helpers";
import { CancelledError, InvalidStateError, TestLoop, allTasks, sleep, type ExceptionContext, type Task } from "../src/index";

let loop: TestLoop;
let reported: ExceptionContext[];
beforeEach(() => {
  loop = new TestLoop();
  reported = [];
  loop.setExceptionHandler((_l, ctx) => void reported.push(ctx));
});
afterEach(() => {
  if (!loop.isClosed()) loop.close();
});

/** console.error, silenced and recorded for the duration of `fn`; `impl` replaces it. */
function withConsoleError(fn: (calls: unknown[][]) => void, impl: (...args: unknown[]) => void = () => {}): void {
  const spy = jest.spyOn(console, "error").mockImplementation(impl);
  try {
    fn(spy.mock.calls);
  } finally {
    spy.mockRestore();
  }
}

describe("errors in callbacks and exception handlers never stop the loop", () => {
  test("a callback that throws: the error goes to the exception handler, the rest of the iteration and later ones run", () => {
    const log: string[] = [];
    const boom = new Error("boom");
    loop.callSoon(function fails() {
      throw boom;
    });
    loop.callSoon(() => {
      log.push("same iteration");
      loop.callSoon(() => log.push("next iteration"));
    });
    loop.runUntilIdle();
    expect(log).toEqual(["same iteration", "next iteration"]);
    expect(reported).toHaveLength(1);
    expect(reported[0]!.message).toBe("Exception in callback fails()");
    expect(reported[0]!.exception).toBe(boom);
    expect(String(reported[0]!.handle)).toBe("<Handle fails()>");
  });

  test("an exception handler that throws: the default handler reports both, and the loop goes on", () => {
    loop.setExceptionHandler(() => {
      throw new Error("handler broke");
    });
    const log: string[] = [];
    withConsoleError((calls) => {
      loop.callSoon(() => {
        throw new Error("boom");
      });
      loop.callSoon(() => log.push("after"));
      loop.runUntilIdle();
      expect(log).toEqual(["after"]);
      expect(calls).toHaveLength(1);
      expect(String(calls[0]![0])).toMatch(/^Unhandled error in exception handler\ncontext: .*\nError: handler broke/s);
    });
  });

  test("a default handler that fails too (console.error throws): the loop still goes on, the failure is swallowed as a last resort", () => {
    const log: string[] = [];
    let attempts = 0;
    loop.setExceptionHandler(null);
    withConsoleError(
      () => {
        loop.callSoon(() => {
          throw new Error("boom");
        });
        loop.callSoon(() => log.push("after"));
        expect(() => loop.runUntilIdle()).not.toThrow();
        expect(log).toEqual(["after"]);
        // The report, then one last attempt to say the default handler failed.
        expect(attempts).toBe(2);
      },
      () => {
        attempts++;
        throw new Error("console is broken");
      },
    );
    expect(loop._ready.length).toBe(0);
  });

  test("an error whose stack getter throws is still reported, and the loop goes on", () => {
    loop.setExceptionHandler(null);
    const odd = new Error("odd");
    Object.defineProperty(odd, "stack", {
      get() {
        throw new Error("no stack for you");
      },
    });
    const log: string[] = [];
    withConsoleError((calls) => {
      loop.callSoon(() => {
        throw odd;
      });
      loop.callSoon(() => log.push("after"));
      loop.runUntilIdle();
      expect(log).toEqual(["after"]);
      expect(String(calls[0]![0])).toMatch(/^Exception in callback \(anonymous function\)\n/);
    });
  });

  test("a task's done callback that throws is reported; the task's other callbacks still run once each", () => {
    const t = loop.createTask(asyncFn("f", function* () { return 1; })());
    const ran: string[] = [];
    t.addDoneCallback(() => {
      ran.push("first");
      throw new Error("callback broke");
    });
    t.addDoneCallback(() => void ran.push("second"));
    expect(loop.runUntilComplete(t)).toBe(1);
    loop.runUntilIdle();
    expect(ran).toEqual(["first", "second"]);
    expect(reported.map((c) => (c.exception as Error).message)).toEqual(["callback broke"]);
  });
});

describe("futures resolved from callbacks", () => {
  test("setResult on a future from inside its own done callback: InvalidStateError, reported; the result stays", () => {
    const f = loop.createFuture<number>();
    const seen: unknown[] = [];
    f.addDoneCallback(() => {
      seen.push(f.cancel());                                // already done: false
      f.addDoneCallback(() => seen.push("added late"));     // scheduled with callSoon, runs next iteration
      f.setResult(2);
    });
    f.setResult(1);
    loop.runUntilIdle();
    expect(seen).toEqual([false, "added late"]);
    expect(reported).toHaveLength(1);
    expect(reported[0]!.exception).toBeInstanceOf(InvalidStateError);
    expect((reported[0]!.exception as Error).message).toMatch(/^setResult\(\) on <Future finished result=1>: it is already done/);
    expect(f.result()).toBe(1);
  });

  test("setResult inside another future's callback: the second future's callbacks run on the next iteration, after what is already queued", () => {
    const a = loop.createFuture<string>();
    const b = loop.createFuture<string>();
    const log: string[] = [];
    a.addDoneCallback(() => {
      log.push("a done");
      loop.callSoon(() => log.push("queued by a's callback"));
      b.setResult("from a");
    });
    b.addDoneCallback(() => log.push(`b done: ${b.result()}`));
    const waiter = loop.createTask(asyncFn("waiter", function* () { log.push(`waiter got ${yield b}`); })());
    loop._runOnce(); // the waiter's first step: it now waits on b
    a.setResult("go");
    loop._runOnce();
    expect(log).toEqual(["a done"]);
    loop._runOnce();
    // The waiter's wakeup is one of b's callbacks: it steps the waiter in the same iteration, as asyncio's __wakeup.
    expect(log).toEqual(["a done", "queued by a's callback", "b done: from a", "waiter got from a"]);
    expect(waiter.done()).toBe(true);
  });
});

describe("cancellation at the edges", () => {
  test("a task that throws from finally during cancellation fails with that error (as asyncio): it is not cancelled", () => {
    const cleanup = new Error("cleanup failed");
    const t = loop.createTask(asyncFn("f", function* () {
      try {
        yield sleep(1000);
      } finally {
        throw cleanup;
      }
    })());
    loop.runUntilIdle();
    t.cancel();
    expect(thrown(() => loop.runUntilComplete(t))).toBe(cleanup);
    expect(t.cancelled()).toBe(false);
    expect(t.exception()).toBe(cleanup);
    expect(t.cancelling()).toBe(1);
  });

  test("a task that cancels itself during its step: the next await of a pending future cancels that future at once", () => {
    let self: Task<unknown> | null = null;
    const f = loop.createFuture();
    const log: string[] = [];
    self = loop.createTask(asyncFn("f", function* () {
      self!.cancel("self");
      log.push("still running after cancel()");
      try {
        yield f;
      } catch (e) {
        log.push(`await threw ${(e as Error).constructor.name}: ${(e as Error).message}`);
        throw e;
      }
    })());
    expect(() => loop.runUntilComplete(self)).toThrow(CancelledError);
    expect(f.cancelled()).toBe(true);
    expect(log).toEqual(["still running after cancel()", "await threw CancelledError: self"]);
  });

  test("a task that cancels itself and then returns ends cancelled; the return value is dropped (as asyncio)", () => {
    let self: Task<unknown> | null = null;
    self = loop.createTask(asyncFn("f", function* () {
      self!.cancel();
      return "dropped";
    })());
    expect(() => loop.runUntilComplete(self)).toThrow(CancelledError);
    expect(self.cancelled()).toBe(true);
  });

  test("a task that cancels itself and then awaits a plain value gets CancelledError at its next step", () => {
    let self: Task<unknown> | null = null;
    const log: string[] = [];
    self = loop.createTask(asyncFn("f", function* () {
      self!.cancel();
      try {
        yield 1;
        log.push("resumed normally");
      } catch (e) {
        log.push(`resumed with ${(e as Error).constructor.name}`);
        throw e;
      }
    })());
    expect(() => loop.runUntilComplete(self)).toThrow(CancelledError);
    expect(log).toEqual(["resumed with CancelledError"]);
  });

  test("a task cancelled by another task while its step is queued gets CancelledError at that step", () => {
    const log: string[] = [];
    const victim = loop.createTask(asyncFn("victim", function* () {
      try {
        yield 0; // queued to step again on the next iteration
        log.push("victim resumed");
      } finally {
        log.push("victim finally");
      }
    })());
    loop.createTask(asyncFn("killer", function* () {
      log.push(`cancel: ${victim.cancel()}`);
    })());
    expect(() => loop.runUntilComplete(victim)).toThrow(CancelledError);
    expect(log).toEqual(["cancel: true", "victim finally"]);
  });

  test("cancelling a task that waits on a native promise: CancelledError on the next iteration; the promise settling later does nothing", async () => {
    let settle!: (v: string) => void;
    const promise = new Promise<string>((resolve) => (settle = resolve));
    const log: string[] = [];
    const t = loop.createTask(asyncFn("f", function* () {
      try {
        log.push(`got ${yield promise}`);
      } finally {
        log.push("finally");
      }
    })());
    loop.runUntilIdle();
    expect(loop._hostWaits).toBe(1);
    expect(t.cancel()).toBe(true);
    expect(loop._hostWaits).toBe(0);
    loop.runUntilIdle();
    expect(t.cancelled()).toBe(true);
    expect(log).toEqual(["finally"]);
    settle("late");
    await promise;
    await new Promise((resolve) => setImmediate(resolve));
    loop.runUntilIdle();
    expect(loop.pending().ready).toEqual([]);
    expect(log).toEqual(["finally"]);
    expect(reported).toEqual([]);
  });
});

describe("a loop closed while tasks are pending", () => {
  function startSleeper(log: string[]): Task<unknown> {
    return loop.createTask(asyncFn("sleeper", function* () {
      try {
        yield sleep(1000);
      } finally {
        log.push("finally");
      }
    })(), { name: "sleeper" });
  }

  test("drops their steps and timers: the tasks stay pending, their finally blocks never run, and allTasks still lists them (as asyncio)", () => {
    const log: string[] = [];
    const waiting = startSleeper(log);
    loop.runUntilIdle();
    const runnable = loop.createTask(asyncFn("never", function* () { log.push("never runs"); })(), { name: "runnable" });
    loop.close();
    expect(waiting.done()).toBe(false);
    expect(runnable.done()).toBe(false);
    expect(log).toEqual([]);
    expect([...allTasks(loop)].map((t) => t.getName())).toEqual(["sleeper", "runnable"]);
    expect(() => loop.runUntilComplete(waiting)).toThrow(/^Event loop is closed: runUntilComplete\(\)/);
  });

  test("cancel() on such a task throws, saying so, and changes nothing", () => {
    const log: string[] = [];
    const waiting = startSleeper(log);
    loop.runUntilIdle();
    const runnable = loop.createTask(asyncFn("never", function* () {})(), { name: "runnable" });
    loop.close();
    for (const t of [waiting, runnable]) {
      const error = thrown(() => t.cancel()) as Error;
      expect(error.message).toMatch(/^cancel\(\) on <Task pending name='(sleeper|runnable)'.*: its event loop is closed, so the task can never run again/);
      expect(t.cancelling()).toBe(0);
      expect(t.done()).toBe(false);
    }
    expect(log).toEqual([]);
  });

  test("cancelling them and running the loop before closing it (what run() does) runs their finally blocks", () => {
    const log: string[] = [];
    const t = startSleeper(log);
    loop.runUntilIdle();
    for (const task of allTasks(loop)) task.cancel();
    loop.runUntilIdle();
    loop.close();
    expect(t.cancelled()).toBe(true);
    expect(log).toEqual(["finally"]);
  });
});

describe("stop() and floods of callbacks", () => {
  test("stop() inside a callback: the rest of that iteration runs, then runForever returns; what they queued runs on the next run", () => {
    const log: string[] = [];
    loop.callSoon(() => log.push("a"));
    loop.callSoon(() => {
      log.push("stop");
      loop.stop();
    });
    loop.callSoon(() => {
      log.push("b");
      loop.callSoon(() => log.push("queued by b"));
    });
    loop.runForever();
    expect(log).toEqual(["a", "stop", "b"]);
    loop.callSoon(() => loop.stop());
    loop.runForever();
    expect(log).toEqual(["a", "stop", "b", "queued by b"]);
    expect(loop.isRunning()).toBe(false);
  });

  test("a callback that schedules 50,000 callbacks: all run on the next iteration, in order, once each", () => {
    const N = 50_000;
    const counts = new Uint8Array(N);
    let prev = -1;
    let outOfOrder = 0;
    let afterAll = -1;
    loop.callSoon(() => {
      for (let i = 0; i < N; i++) {
        loop.callSoon((k: number) => {
          counts[k]!++;
          if (k !== prev + 1) outOfOrder++;
          prev = k;
          if (k === 0) loop.callSoon(() => (afterAll = counts.reduce((s, c) => s + c, 0)));
        }, i);
      }
    });
    loop._runOnce();
    expect(loop._ready.length).toBe(N);
    loop._runOnce();
    expect(counts.every((c) => c === 1)).toBe(true);
    expect(outOfOrder).toBe(0); // FIFO
    expect(afterAll).toBe(-1); // queued during the iteration: waits for the next one
    loop._runOnce();
    expect(afterAll).toBe(N);
  });
});
