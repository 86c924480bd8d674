import { Coroutine, TestLoop, type Task } from "@stepwise/runtime";
import { _currentLoop } from "./per-test-loop.js";

// No `async` in this package's sources: they are compiled with the plugin in its own tests.

type Fn = (this: unknown, ...args: unknown[]) => unknown;

const MAX_JUMPS_PER_TURN = 1000;

/**
 * Runs `co` as a Task on `loop` to the end, and settles with how it ended. Virtual time moves only
 * when nothing else can: ready work runs first, then the host gets one turn to settle native
 * promises the task awaits (a mocked API's resolved promise), and only then does the clock jump to
 * the next timer. With no timer left, the host is waited on; with nothing left at all, the task
 * can never finish and the runtime's explanation is the error.
 */
export function runToEnd(loop: TestLoop, co: Coroutine<unknown>, name: string): Promise<void> {
  const task: Task<unknown> = loop.createTask(co, { name });
  return new Promise<void>((resolve, reject) => {
    let gaveHostATurn = false;
    const turn = (): void => {
      try {
        // Yields to the host now and then, so that Jest's timeout can stop a task that never ends
        // (a poller that sleeps forever would otherwise hold the thread).
        for (let jumps = 0; jumps < MAX_JUMPS_PER_TURN; jumps++) {
          loop.advance(0);
          if (task.done()) {
            task.result();
            resolve();
            return;
          }
          if (loop._hostWaits > 0 && !gaveHostATurn) {
            gaveHostATurn = true;
            setImmediate(turn);
            return;
          }
          gaveHostATurn = false;
          loop._scheduled.dropCancelled();
          const next = loop._scheduled.peek();
          if (next !== undefined) {
            loop.advance(next.when() - loop.time());
            continue;
          }
          if (loop._hostWaits > 0) {
            setTimeout(turn, 1);
            return;
          }
          loop.runUntilComplete(task); // cannot finish: throws the runtime's account of why
        }
        setImmediate(turn);
      } catch (error) {
        reject(error);
      }
    };
    turn();
  });
}

/**
 * A test or hook function whose result, when it is a coroutine (an `async` function compiled by
 * the plugin), is run on the test's loop instead of being handed to Jest: Jest would await it
 * through `then`, a Task on the current loop — a TestLoop never runs on its own, so the test
 * would hang until its timeout.
 */
function runningCoroutines(fn: Fn): Fn {
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    const result = fn.apply(this, args);
    if (!(result instanceof Coroutine)) return result;
    const loop = _currentLoop();
    if (loop !== null) return runToEnd(loop, result, expect.getState().currentTestName ?? "test");
    // beforeAll/afterAll, concurrent tests: no per-test loop, so a TestLoop of their own.
    const own = new TestLoop();
    const done = runToEnd(own, result, "hook");
    const close = (): void => own.close();
    return done.then(close, (error: unknown) => {
      close();
      throw error;
    });
  };
  Object.defineProperty(wrapped, "length", { value: fn.length });
  Object.defineProperty(wrapped, "name", { value: fn.name });
  return wrapped;
}

/** `api` (test, it, a hook, or what hangs off them: only, skip, each(...)) with its function argument at `fnAt` wrapped. */
function wrapApi(api: Fn, fnAt: number): Fn {
  return new Proxy(api, {
    apply(target, self, args: unknown[]) {
      if (typeof args[fnAt] === "function" && (args[fnAt] as Fn).constructor?.name !== "GeneratorFunction") {
        args = [...args];
        args[fnAt] = runningCoroutines(args[fnAt] as Fn);
      }
      return Reflect.apply(target, self, args);
    },
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== "function") return value;
      if (key === "each") {
        // each(table) returns the function that takes (name, fn, timeout); the table itself is left alone.
        return new Proxy(value as Fn, {
          apply: (t, s, a: unknown[]) => {
            const bound: unknown = Reflect.apply(t, s, a);
            return typeof bound === "function" ? wrapApi(bound as Fn, fnAt) : bound;
          },
        });
      }
      return wrapApi(value as Fn, fnAt);
    },
  });
}

/** Replaces the global test functions and hooks with ones that run compiled async functions on the test's loop. */
export function runAsyncTestsOnTheLoop(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  for (const [names, fnAt] of [
    [["test", "it", "fit", "xit", "xtest"], 1],
    [["beforeEach", "afterEach", "beforeAll", "afterAll"], 0],
  ] as const) {
    for (const name of names) {
      if (typeof g[name] === "function") g[name] = wrapApi(g[name] as Fn, fnAt);
    }
  }
}
