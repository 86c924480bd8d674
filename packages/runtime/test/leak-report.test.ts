import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";
import { asyncFn, thrown } from "./helpers";
import { Future, LeakReport, TestLoop, sleep, type ExceptionContext } from "../src/index";

let loop: TestLoop;
let reported: ExceptionContext[];
beforeEach(() => {
  loop = new TestLoop();
  reported = [];
  loop.setExceptionHandler((_l, context) => void reported.push(context));
});
afterEach(() => loop.close());

const fails = asyncFn("fails", function* (message: string) {
  yield sleep(0);
  throw new Error(message);
});
const helper = asyncFn("helper", function* () {
  return 1;
});

test("a loop with nothing left behind is ok", () => {
  loop.runUntilComplete(asyncFn("tidy", function* () { yield sleep(10); })());
  const report = loop.checkLeaks();
  expect(report).toBeInstanceOf(LeakReport);
  expect(report.ok).toBe(true);
  expect([report.pendingTasks, report.unretrievedErrors, report.neverAwaited]).toEqual([[], [], []]);
  expect(String(report)).toBe("No leaks on <TestLoop idle ready=0 timers=0>.");
});

test("lists pending tasks, errors nobody retrieved and coroutines never awaited", () => {
  const stuck = loop.createTask(asyncFn("waitsForever", function* () { yield loop.createFuture(); })(), { name: "forever" });
  const failed = loop.createTask(fails("boom"), { name: "failing" });
  loop.runUntilComplete(loop.createTask(asyncFn("forgetful", function* () {
    helper();
    yield sleep(0);
  })(), { name: "main" }));
  const report = loop.checkLeaks();
  expect(report.ok).toBe(false);
  expect(report.pendingTasks.map((t) => [t.task, t.state])).toEqual([[stuck, "waiting"]]);
  expect(report.unretrievedErrors).toHaveLength(1);
  expect(report.unretrievedErrors[0]!.future).toBe(failed);
  expect(report.unretrievedErrors[0]!.exception).toEqual(new Error("boom"));
  expect(report.unretrievedErrors[0]!.description).toBe("<Task finished exception=Error: boom name='failing' coro=<coroutine fails() at test.js:1:0 closed>>");
  expect(report.neverAwaited.map((c) => c.name)).toEqual(["helper"]);
  const text = String(report);
  expect(text).toMatch(/^1 pending task on <TestLoop idle ready=0 timers=0> at time 0:\n\nTask 'forever' \(waiting\): waits for <Future pending>/);
  expect(text).toContain("\n\n1 error(s) nobody retrieved:\n  <Task finished exception=Error: boom name='failing' coro=<coroutine fails() at test.js:1:0 closed>>: Error: boom");
  expect(text).toMatch(/\n\n1 coroutine\(s\) never awaited:\n {2}helper\(\) defined at test\.js:1:0, created in Task 'main', called from forgetful\(\) at test\.js:1:0$/);
  stuck.cancel();
  loop.runUntilIdle();
});

test("listing is not retrieving; result(), exception() or awaiting the error is", () => {
  const fut = new Future({ loop });
  fut.setException(new Error("set by hand"));
  const a = loop.createTask(fails("a"));
  const b = loop.createTask(fails("b"));
  const c = loop.createTask(fails("c"));
  loop.runUntilIdle();
  const names = (): string[] => loop.checkLeaks().unretrievedErrors.map((e) => (e.exception as Error).message);
  expect(names()).toEqual(["set by hand", "a", "b", "c"]);
  expect(names()).toEqual(["set by hand", "a", "b", "c"]);
  thrown(() => a.result());
  b.exception();
  loop.runUntilComplete(asyncFn("awaitsC", function* () {
    try {
      yield c;
    } catch {
      // retrieved
    }
  })());
  expect(names()).toEqual(["set by hand"]);
  fut.exception();
  expect(loop.checkLeaks().ok).toBe(true);
});

describe("an error whose future was garbage-collected", () => {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
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

  test("is reported through the exception handler and still listed, without the future", async () => {
    loop.createTask(fails("lost"), { name: "dropped" });
    loop.runUntilIdle();
    await collectGarbage();
    expect(reported.map((c) => c.message)).toEqual(["Task exception was never retrieved"]);
    const [entry] = loop.checkLeaks().unretrievedErrors;
    expect(entry!.future).toBeUndefined();
    expect(entry!.exception).toEqual(new Error("lost"));
    expect(entry!.description).toMatch(/^<Task finished exception=Error: lost name='dropped' /);
  });
});
