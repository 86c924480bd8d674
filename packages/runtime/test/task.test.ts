import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";
import { asyncFn, thrown } from "./helpers";
import { CancelledError, Future, InvalidStateError, Task, TestLoop, type ExceptionContext } from "../src/index";

let loop: TestLoop;
let reported: ExceptionContext[];
beforeEach(() => {
  loop = new TestLoop();
  reported = [];
  loop.setExceptionHandler((_loop, context) => void reported.push(context));
});
afterEach(() => loop.close());

const ret = <T>(value: T) => asyncFn("ret", function* () { return value; });

describe("creation", () => {
  test("queues exactly one step and runs nothing", () => {
    const log: string[] = [];
    const t = new Task(asyncFn("f", function* () { log.push("ran"); })(), { loop });
    expect(loop._ready.length).toBe(1);
    expect(log).toEqual([]);
    expect(t.done()).toBe(false);
    expect(t.getLoop()).toBe(loop);
  });

  test("takes over a coroutine stepped by hand: it resumes with what it was awaiting", () => {
    const fut = new Future<string>({ loop });
    const co = asyncFn("f", function* () { const a = yield fut; const b = yield "plain"; return `${a}+${b}`; })();
    expect(co.send()).toBe(fut);
    const t = new Task(co, { loop });
    expect(loop._ready.length).toBe(0);
    expect(String(t)).toContain("wait_for=<Future pending");
    loop.callLater(10, () => fut.setResult("late"));
    expect(loop.runUntilComplete(t)).toBe("late+plain");
    expect(loop.time()).toBe(10);
  });

  test("eagerStart runs the first step inside the constructor; nothing is queued", () => {
    const log: string[] = [];
    const fut = new Future<string>({ loop });
    const t = new Task(asyncFn("f", function* () { log.push("ran"); return yield fut; })(), { loop, eagerStart: true });
    expect(log).toEqual(["ran"]);
    expect(loop._ready.length).toBe(0);
    expect(String(t)).toContain("wait_for=<Future pending");
    fut.setResult("woke");
    expect(loop.runUntilComplete(t)).toBe("woke");
  });

  test("eagerStart on a coroutine that never suspends gives a task already done, and off the loop's task list", () => {
    const t = new Task(ret(7)(), { loop, eagerStart: true });
    expect(t.done()).toBe(true);
    expect(t.result()).toBe(7);
    expect(loop._tasks.has(t as Task<unknown>)).toBe(false);
  });

  test("eagerStart from inside another task's step keeps that task current around it", () => {
    let inner: unknown;
    let outerAfter: unknown;
    const outer = new Task(
      asyncFn("outer", function* () {
        new Task(asyncFn("inner", function* () { inner = loop._currentTask; })(), { loop, eagerStart: true });
        outerAfter = loop._currentTask;
      })(),
      { loop },
    );
    loop.runUntilComplete(outer);
    expect(inner).not.toBe(outer);
    expect(inner).toBeInstanceOf(Task);
    expect(outerAfter).toBe(outer);
  });

  test("rejects anything but a coroutine, naming what it got", () => {
    expect(() => new Task(42 as never, { loop })).toThrow(new TypeError("new Task(): a coroutine was expected, got 42"));
    expect(() => new Task(Promise.resolve(1) as never, { loop })).toThrow(
      "new Task(): a coroutine was expected, got a native Promise (was the async function compiled with @stepwise/babel-plugin?)",
    );
  });

  test("setResult and setException are not for tasks", () => {
    const t = new Task(ret(1)(), { loop });
    expect(() => (t.setResult as (v: number) => void)(2)).toThrow(/^Task does not support setResult operation: <Task pending name='Task-\d+'/);
    expect(() => (t.setException as (e: unknown) => void)(new Error())).toThrow(/^Task does not support setException operation/);
    // The refused calls changed nothing: the task still finishes with its coroutine's result.
    expect(t.done()).toBe(false);
    expect(loop.runUntilComplete(t)).toBe(1);
  });

  test("the seed's chain: the constructor queues a Handle whose callback is the task's own _step", () => {
    const t = new Task(ret(1)(), { loop });
    const handle = loop._ready.peek()!;
    expect(handle._callback).toBe(t._step);
    expect(handle._args).toEqual([]);
  });

  test("a name that is not a string is converted, as asyncio's str(name) and setName do", () => {
    const t = new Task(ret(1)(), { loop, name: 7 as unknown as string });
    expect(t.getName()).toBe("7");
    t.setName(8 as unknown as string);
    expect(t.getName()).toBe("8");
  });

  test("on a closed loop it is refused, naming new Task(), and the coroutine is left as it was", () => {
    const closed = new TestLoop();
    closed.close();
    const fresh = ret(1)();
    expect(() => new Task(fresh, { loop: closed })).toThrow(
      "Event loop is closed: new Task() cannot be used on a closed loop; make a new one with newEventLoop()",
    );
    expect(fresh.state).toBe("created");
    // A coroutine stepped by hand (which would otherwise be taken over without queueing a step).
    const fut = new Future<number>({ loop });
    const stepped = asyncFn("stepped", function* () { return yield fut; })();
    stepped.send();
    expect(() => new Task(stepped, { loop: closed })).toThrow(/^Event loop is closed: new Task\(\)/);
    expect(stepped.state).toBe("suspended");
    expect(stepped.awaiting).toBe(fut);
    expect(loop.runUntilComplete(new Task(fresh, { loop }))).toBe(1);
  });
});

describe("_step by hand", () => {
  test("runs the coroutine once and consumes the step the loop had queued", () => {
    const log: string[] = [];
    const t = new Task(asyncFn("f", function* () { log.push("body"); return 42; })(), { loop });
    const queued = loop._ready.length;
    t._step();
    expect(queued).toBe(1);
    expect(log).toEqual(["body"]);
    expect(t.result()).toBe(42);
    expect(loop.runUntilComplete(t)).toBe(42);
    expect(log).toEqual(["body"]);
    expect(reported).toEqual([]);
  });

  test("a step that suspends on a pending Future waits for it, then resumes with its result", () => {
    const fut = new Future<number>({ loop });
    const t = new Task(asyncFn("f", function* () { return ((yield fut) as number) + 1; })(), { loop });
    t._step();
    expect(t.done()).toBe(false);
    expect(String(t)).toMatch(/wait_for=<Future pending>/);
    fut.setResult(1);
    expect(t.done()).toBe(false);
    loop.advance(0);
    expect(t.result()).toBe(2);
  });

  test("stepping by hand while it waits on a Future stops listening to it", () => {
    const fut = new Future<string>({ loop });
    const t = new Task(asyncFn("f", function* () {
      const a = yield fut;
      const b = yield fut;
      return [a, b];
    })(), { loop });
    t._step();
    t._step("by hand");
    fut.setResult("from future");
    loop.advance(0);
    expect(t.result()).toEqual(["by hand", "from future"]);
  });

  test("stepping by hand after the awaited Future completed drops the wakeup it had queued", () => {
    const fut = new Future<number>({ loop });
    const fut2 = new Future<number>({ loop });
    const t = new Task(asyncFn("f", function* () {
      const a = yield fut;
      const b = yield fut2;
      return [a, b];
    })(), { loop });
    t._step();
    fut.setResult(1);
    t._step("by hand");
    loop.advance(0);
    expect(t.done()).toBe(false);
    fut2.setResult(2);
    loop.advance(0);
    expect(t.result()).toEqual(["by hand", 2]);
    expect(reported).toEqual([]);
  });

  test("_step(undefined, error) throws the error into the coroutine", () => {
    const t = new Task(asyncFn("f", function* () {
      try {
        yield 1;
      } catch (e) {
        return (e as Error).message;
      }
    })(), { loop });
    t._step();
    t._step(undefined, new Error("injected"));
    expect(t.result()).toBe("injected");
  });

  test("_step on a finished task throws InvalidStateError naming the task", () => {
    const t = new Task(ret(1)(), { loop, name: "once" });
    t._step();
    const e = thrown(() => t._step());
    expect(e).toBeInstanceOf(InvalidStateError);
    expect((e as Error).message).toBe("_step(): already done: <Task finished result=1 name='once' coro=<coroutine ret() at test.js:1:0 closed>>; a finished task cannot be stepped");
  });

  test("_step(value) on a task whose coroutine never ran is a TypeError, and changes nothing", () => {
    const log: string[] = [];
    const t = new Task(asyncFn("f", function* () { log.push("body"); return (yield "first") as string; })(), { loop, name: "fresh" });
    const e = thrown(() => t._step("lost"));
    expect(e).toBeInstanceOf(TypeError);
    expect((e as Error).message).toMatch(/^_step\(\): can't send non-undefined value to a just-started coroutine: <Task pending name='fresh'/);
    expect(log).toEqual([]);
    expect(t.getCoro().state).toBe("created");
    expect(loop._ready.length).toBe(1);
    t._step();
    expect(log).toEqual(["body"]);
    t._step("second");
    expect(t.result()).toBe("second");
  });

  test("_step of another task from inside a task is refused", () => {
    const other = new Task(ret(1)(), { loop, name: "other" });
    let message = "";
    const t = new Task(asyncFn("f", function* () {
      try {
        other._step();
      } catch (e) {
        message = (e as Error).message;
      }
    })(), { loop, name: "outer" });
    t._step();
    expect(message).toMatch(/^Cannot enter into task <Task pending name='other'.* while another task <Task pending name='outer'/);
    expect(other.done()).toBe(false);
  });
});

describe("what a step does with what the coroutine awaits", () => {
  test("a bare value resumes on the next iteration with that value", () => {
    const t = new Task(asyncFn("f", function* () { return yield "v"; })(), { loop });
    loop._runOnce();
    expect(t.done()).toBe(false);
    loop._runOnce();
    expect(t.result()).toBe("v");
  });

  test("an error fails the task", () => {
    const err = new Error("fail");
    const t = new Task(asyncFn("f", function* () { throw err; })(), { loop });
    t._step();
    expect(t.exception()).toBe(err);
    expect(t.cancelled()).toBe(false);
  });

  test("a thenable: resumes through the loop once it settles, never from the promise callback", async () => {
    const t = new Task(asyncFn("f", function* () { return ((yield Promise.resolve(5)) as number) * 2; })(), { loop });
    t._step();
    loop.advance(0);
    expect(t.done()).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.done()).toBe(false);
    loop.advance(0);
    expect(t.result()).toBe(10);
  });

  test("a rejected thenable throws into the coroutine", async () => {
    const t = new Task(asyncFn("f", function* () {
      try {
        yield Promise.reject(new Error("rejected"));
      } catch (e) {
        return (e as Error).message;
      }
    })(), { loop });
    t._step();
    await new Promise((resolve) => setImmediate(resolve));
    loop.advance(0);
    expect(t.result()).toBe("rejected");
  });

  test("a Future of another loop is an error thrown back into the coroutine", () => {
    const other = new TestLoop();
    const foreign = new Future({ loop: other });
    const t = new Task(asyncFn("f", function* () { yield foreign; })(), { loop, name: "t" });
    expect(() => loop.runUntilComplete(t)).toThrow(/^Task <Task pending name='t'.*> got Future <Future pending> attached to a different loop/);
    other.close();
  });

  test("awaiting itself is an error thrown back into the coroutine", () => {
    let t: Task<unknown> | undefined;
    t = new Task(asyncFn("f", function* () {
      try {
        yield t;
      } catch (e) {
        return (e as Error).message;
      }
    })(), { loop });
    expect(loop.runUntilComplete(t)).toMatch(/^Task cannot await on itself: <Task/);
  });
});

describe("cancel", () => {
  test("a task parked on a Future: the Future is cancelled at once, the task on its next step, finally runs", () => {
    const log: string[] = [];
    const fut = new Future({ loop });
    const t = new Task(asyncFn("worker", function* () {
      try {
        yield fut;
      } finally {
        log.push("finally");
      }
    })(), { loop });
    loop.advance(0);
    expect(t.cancel("why")).toBe(true);
    expect(fut.cancelled()).toBe(true);
    expect(t.cancelled()).toBe(false);
    expect(t.cancelling()).toBe(1);
    loop.advance(0);
    expect(log).toEqual(["finally"]);
    expect(t.cancelled()).toBe(true);
    const e = thrown(() => t.result());
    expect(e).toBeInstanceOf(CancelledError);
    expect((e as Error).message).toBe("why");
  });

  test("before the first step: the body never runs", () => {
    const log: string[] = [];
    const t = new Task(asyncFn("f", function* () { log.push("body"); })(), { loop });
    t.cancel();
    expect(() => loop.runUntilComplete(t)).toThrow(CancelledError);
    expect(log).toEqual([]);
    expect(t.cancelled()).toBe(true);
  });

  test("a bare catch also catches CancelledError; swallowing it finishes the task normally", () => {
    const fut = new Future({ loop });
    const t = new Task(asyncFn("f", function* () {
      try {
        yield fut;
      } catch (e) {
        return e instanceof CancelledError ? "swallowed" : "other";
      }
    })(), { loop });
    loop.advance(0);
    t.cancel();
    expect(loop.runUntilComplete(t)).toBe("swallowed");
    expect(t.cancelled()).toBe(false);
    expect(t.cancelling()).toBe(1);
  });

  test("a task waiting on a native promise is cancelled without waiting for the promise", () => {
    const never = new Promise<never>(() => {});
    const t = new Task(asyncFn("f", function* () { yield never; })(), { loop });
    loop.advance(0);
    t.cancel();
    expect(() => loop.runUntilComplete(t)).toThrow(CancelledError);
  });

  test("cancel on a done task returns false", () => {
    const t = new Task(ret(1)(), { loop });
    t._step();
    expect(t.cancel()).toBe(false);
    expect(t.cancelling()).toBe(0);
    expect(t.result()).toBe(1);
  });

  test("uncancel counts down and at 0 drops a cancellation not yet delivered", () => {
    const t = new Task(ret(42)(), { loop });
    t.cancel();
    t.cancel();
    expect(t.cancelling()).toBe(2);
    expect(t.uncancel()).toBe(1);
    expect(t.uncancel()).toBe(0);
    expect(t.uncancel()).toBe(0);
    expect(loop.runUntilComplete(t)).toBe(42);
  });
});

describe("introspection", () => {
  test("getName, setName, default names, getCoro", () => {
    const co = ret(1)();
    const t = new Task(co, { loop, name: "mine" });
    expect(t.getName()).toBe("mine");
    t.setName("renamed");
    expect(t.getName()).toBe("renamed");
    expect(t.getCoro()).toBe(co);
    const a = new Task(ret(1)(), { loop });
    const b = new Task(ret(1)(), { loop });
    const n = Number(/^Task-(\d+)$/.exec(a.getName())![1]);
    expect(b.getName()).toBe(`Task-${n + 1}`);
  });

  test("getStack lists the chain of inline awaits, outermost first, and is empty when done", () => {
    const fut = new Future({ loop });
    const inner = asyncFn("inner", function* () { return yield fut; });
    const middle = asyncFn("middle", function* () { return yield inner(); });
    const t = new Task(asyncFn("outer", function* () { return yield middle(); })(), { loop });
    expect(t.getStack().map((c) => c.name)).toEqual(["outer"]);
    t._step();
    expect(t.getStack().map((c) => c.name)).toEqual(["outer", "middle", "inner"]);
    fut.setResult(1);
    loop.advance(0);
    expect(t.getStack()).toEqual([]);
  });

  test("toString shows state, name and coroutine", () => {
    const t = new Task(ret(1)(), { loop, name: "n" });
    expect(String(t)).toBe("<Task pending name='n' coro=<coroutine ret() at test.js:1:0 created>>");
  });
});

describe("driven by the loop", () => {
  test("a task runs a 200,000-deep chain of inline awaits", () => {
    const deep = asyncFn("deep", function* (n: number): Generator<unknown, number, unknown> {
      if (n === 0) {
        yield undefined;
        return 0;
      }
      return ((yield deep(n - 1)) as number) + 1;
    });
    expect(loop.runUntilComplete(deep(200_000))).toBe(200_000);
  });

  test("recursive inline awaits compute the right result", () => {
    const fib = asyncFn("fib", function* (n: number): Generator<unknown, number, unknown> {
      if (n < 2) return n;
      return ((yield fib(n - 1)) as number) + ((yield fib(n - 2)) as number);
    });
    expect(loop.runUntilComplete(fib(15))).toBe(610);
  });
});

describe("an error nobody retrieved", () => {
  // The report comes from a FinalizationRegistry: the test forces collection (no real waiting,
  // only a few host turns for the registry's callbacks).
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  /** Collects until something is reported (a bounded number of tries), then a few rounds more. */
  async function collectGarbage(): Promise<void> {
    const round = async (): Promise<void> => {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    };
    // Finalization callbacks run as tasks of their own: on a busy machine (another test file
    // compiling megabytes beside this one) they can take many rounds, and some real time.
    for (let i = 0; i < 50 && reported.length === 0; i++) await round();
    for (let i = 0; i < 100 && reported.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20)).then(round);
    for (let i = 0; i < 3; i++) await round();
  }
  /** Runs a task that fails with `message` and lets `after` look at it; returns nothing that holds it. */
  function failedTask(message: string, after: (t: Task<unknown>) => void): void {
    const t = new Task(asyncFn("fails", function* () { throw new Error(message); })(), { loop });
    loop.advance(0);
    after(t);
  }

  test("is reported to the loop's exception handler once the task is garbage; a retrieved or cancelled one is not", async () => {
    failedTask("never looked at", () => {});
    failedTask("read with result()", (t) => void thrown(() => t.result()));
    failedTask("read with exception()", (t) => void t.exception());
    failedTask("cancel() after it failed", (t) => void t.cancel());
    await collectGarbage();
    expect(reported.map((c) => [c.message, (c.exception as Error).message])).toEqual([
      ["Task exception was never retrieved", "never looked at"],
    ]);
  });
});

test("_step() by hand on a task of a closed loop is refused before its coroutine runs", () => {
  const other = new TestLoop();
  const log: string[] = [];
  const t = new Task(asyncFn("f", function* () { log.push("ran"); yield 1; })(), { loop: other });
  other.close();
  expect(() => t._step()).toThrow(/Event loop is closed: _step\(\) cannot be used on a closed loop/);
  expect(log).toEqual([]);
  expect(t.done()).toBe(false);
});
