// A loop driven by the host takes turns with native promise code as native code does: one
// iteration per microtask, thenables called a microtask late, futures settling their promises at once.
import { asyncFn } from "./helpers";
import { EventLoop, Future, Task } from "../src/index";

let loop: EventLoop;
beforeEach(() => {
  loop = new EventLoop();
});
afterEach(async () => {
  await new Promise((r) => setImmediate(r));
  loop.close();
});

/** Resolves after every microtask queued so far (and those they queue) has run. */
const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

test("each iteration is one microtask: a task's awaits interleave with a native .then chain as a native async function's do", async () => {
  const run = async (start: (log: string[]) => void): Promise<string[]> => {
    const log: string[] = [];
    start(log);
    void Promise.resolve()
      .then(() => log.push("then 0"))
      .then(() => log.push("then 1"))
      .then(() => log.push("then 2"));
    await settle();
    return log;
  };
  const native = await run((log) => {
    void (async () => {
      for (let i = 0; i < 3; i++) {
        log.push(`step ${i}`);
        await null;
      }
    })();
  });
  const compiled = await run((log) => {
    new Task(
      asyncFn("worker", function* () {
        for (let i = 0; i < 3; i++) {
          log.push(`step ${i}`);
          yield null;
        }
      })(),
      { loop, eagerStart: true },
    );
  });
  expect(native).toEqual(["step 0", "step 1", "then 0", "step 2", "then 1", "then 2"]);
  expect(compiled).toEqual(native);
});

test("a task that never waits for anything still lets host timers run (a macrotask every 1000 iterations)", async () => {
  let spins = 0;
  let stop = false;
  const spinner = loop.createTask(
    asyncFn("spinner", function* () {
      while (!stop) {
        spins++;
        yield null;
      }
      return spins;
    })(),
  );
  await new Promise((r) => setTimeout(r, 0));
  stop = true;
  expect(await spinner).toBeGreaterThanOrEqual(1000);
});

test("a thenable's then is called a microtask after the await reaches it, as native await does", async () => {
  const log: string[] = [];
  const thenable = {
    then(resolve: (v: string) => void) {
      log.push("then called");
      resolve("value");
    },
  };
  const task = new Task(asyncFn("f", function* () { return yield thenable; })(), { loop, eagerStart: true });
  log.push("after the call");
  expect(await task).toBe("value");
  expect(log).toEqual(["after the call", "then called"]);
});

test("a thenable resolving with another thenable (or a promise) is adopted, as promise resolution does", async () => {
  const inner = { then: (resolve: (v: string) => void) => resolve("innermost") };
  const outer = { then: (resolve: (v: unknown) => void) => resolve(inner) };
  const viaPromise = { then: (resolve: (v: unknown) => void) => resolve(Promise.resolve("through a promise")) };
  const task = loop.createTask(asyncFn("f", function* () { return [yield outer, yield viaPromise]; })());
  expect(await task).toEqual(["innermost", "through a promise"]);
});

test("then/catch/finally on a Future settle with it, not a loop iteration later", async () => {
  const log: string[] = [];
  const ok = new Future<number>({ loop });
  const bad = new Future<number>({ loop });
  void ok.then((v) => log.push(`then ${v}`));
  void bad.catch((e) => log.push(`catch ${(e as Error).message}`));
  void ok.finally(() => log.push("finally"));
  loop.callSoon(() => {
    ok.setResult(1);
    bad.setException(new Error("no"));
    void Promise.resolve().then(() => log.push("next microtask"));
  });
  await settle();
  // As native promises: the first future's reactions, then the second's, before anything queued after.
  expect(log).toEqual(["then 1", "finally", "catch no", "next microtask"]);
});

// That an eager task failing unwatched is a native unhandled rejection (and one handled in time
// is not) is checked against Node itself by the corpus: programs unhandled-rejection-exit and
// rejection-handled-too-late (packages/babel-plugin/test/corpus).
test("a failed eager task nobody waited for gives its rejection to the first then()", async () => {
  const fails = asyncFn("fails", function* (): Generator<unknown, never, unknown> { throw new Error("lost"); });
  const task = new Task(fails(), { loop, eagerStart: true });
  await expect(task.then()).rejects.toThrow("lost");
});

test("a step that brought an error is not replayed when its handle is reused for the next await", async () => {
  const task = loop.createTask(
    asyncFn("f", function* () {
      try {
        yield Promise.reject(new Error("first"));
      } catch (e) {
        const v = yield "plain";                     // the same Handle runs this step
        return `${(e as Error).message} then ${String(v)}`;
      }
    })(),
  );
  expect(await task).toBe("first then plain");
});
