import { asyncFn } from "./helpers";
import { CancelledError, TaskGroup, TaskGroupError, TestLoop, currentTask, run, sleep, taskGroup, timeout, type Task } from "../src/index";

let loop: TestLoop;
let log: string[];
beforeEach(() => {
  loop = new TestLoop();
  log = [];
});
afterEach(() => loop.close());

const after = asyncFn("after", function* <T>(ms: number, value: T) {
  yield sleep(ms);
  log.push(`${String(value)} done at ${loop.time()}`);
  return value;
});
const failAfter = asyncFn("failAfter", function* (ms: number, message: string) {
  yield sleep(ms);
  throw new RangeError(message);
});
const guarded = asyncFn("guarded", function* (name: string, ms: number) {
  try {
    yield sleep(ms);
    log.push(`${name} finished`);
  } catch (e) {
    if (e instanceof CancelledError) log.push(`${name} cancelled at ${loop.time()}`);
    throw e;
  }
});

const describeError = (e: unknown): string =>
  e instanceof TaskGroupError
    ? `${e.message}: ${e.errors.map((x: Error) => x.message).join(", ")}`
    : `${(e as Error).name}: ${(e as Error).message}`;

test("waits for every child; the body's value is returned; children's results are on their tasks", () => {
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    let a: Task<string> | undefined;
    const v = yield taskGroup(asyncFn("body", function* (tg: TaskGroup) {
      a = tg.createTask(after(30, "a"));
      tg.createTask(after(10, "b"), { name: "b-task" });
      return "body value";
    }));
    return [v, a!.result(), loop.time()];
  })());
  expect(r).toEqual(["body value", "a", 30]);
  expect(log).toEqual(["b done at 10", "a done at 30"]);
});

test("errors of children failing together all come out, in the order they failed", () => {
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    try {
      yield taskGroup((tg) => {
        tg.createTask(failAfter(10, "first"));
        tg.createTask(failAfter(10, "second"));
        tg.createTask(guarded("sibling", 100));
      });
    } catch (e) {
      return [describeError(e), e instanceof AggregateError, currentTask()!.cancelling()];
    }
  })());
  expect(r).toEqual(["unhandled errors in a TaskGroup (2 sub-exceptions): first, second", true, 0]);
  expect(log).toEqual(["sibling cancelled at 10"]);
});

test("an error thrown by the body cancels the children and joins the group's errors", () => {
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    try {
      yield taskGroup(asyncFn("body", function* (tg: TaskGroup) {
        tg.createTask(guarded("child", 100));
        yield sleep(5);
        throw new RangeError("body failed");
      }));
    } catch (e) {
      return describeError(e);
    }
  })());
  expect(r).toBe("unhandled errors in a TaskGroup (1 sub-exception): body failed");
  expect(log).toEqual(["child cancelled at 5"]);
});

test("an outside cancellation during the body cancels the children and propagates as CancelledError", () => {
  const main = loop.createTask(asyncFn("main", function* () {
    yield taskGroup(asyncFn("body", function* (tg: TaskGroup) {
      tg.createTask(guarded("child", 100));
      yield sleep(50);
    }));
  })());
  loop.callLater(10, () => main.cancel());
  expect(() => loop.runUntilComplete(main)).toThrow(CancelledError);
  expect(main.cancelled()).toBe(true);
  expect(log).toEqual(["child cancelled at 10"]);
});

test("an outside cancellation while the group waits for its children also cancels them", () => {
  const main = loop.createTask(taskGroup((tg) => void tg.createTask(guarded("child", 100))));
  loop.callLater(10, () => main.cancel());
  expect(() => loop.runUntilComplete(main)).toThrow(CancelledError);
  expect(log).toEqual(["child cancelled at 10"]);
});

test("errors win over an outside cancellation, and the parent's cancellation count is kept", () => {
  let seen = "";
  const main = loop.createTask(asyncFn("main", function* () {
    try {
      yield taskGroup(asyncFn("body", function* (tg: TaskGroup) {
        tg.createTask(asyncFn("failsOnCancel", function* () {
          try {
            yield sleep(100);
          } catch {
            throw new RangeError("cleanup failed");
          }
        })());
        yield sleep(100);
      }));
    } catch (e) {
      seen = `${describeError(e)} | cancelling ${currentTask()!.cancelling()}`;
    }
    yield sleep(1); // the outside cancellation is still owed
    log.push("never");
  })());
  loop.callLater(10, () => main.cancel());
  expect(() => loop.runUntilComplete(main)).toThrow(CancelledError);
  expect(seen).toBe("unhandled errors in a TaskGroup (1 sub-exception): cleanup failed | cancelling 1");
  expect(log).toEqual([]);
});

test("a child failing after the body finished still cancels its siblings; the parent is not left cancelled", () => {
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    try {
      yield taskGroup((tg) => {
        tg.createTask(failAfter(10, "late failure"));
        tg.createTask(guarded("sibling", 100));
      });
    } catch (e) {
      log.push(describeError(e));
    }
    yield sleep(5);
    return currentTask()!.cancelling();
  })());
  expect(r).toBe(0);
  expect(log).toEqual(["sibling cancelled at 10", "unhandled errors in a TaskGroup (1 sub-exception): late failure"]);
});

test("createTask is refused, and the coroutine closed, before enter, after exit and while shutting down", () => {
  const fresh = new TaskGroup();
  const c1 = after(1, "x");
  expect(() => fresh.createTask(c1)).toThrow(/^TaskGroup <TaskGroup-\d+> has not been entered: createTask\(\) before enter\(\)/);
  expect(c1.state).toBe("closed");
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    let group: TaskGroup | undefined;
    const errors: string[] = [];
    try {
      yield taskGroup(asyncFn("body", function* (tg: TaskGroup) {
        group = tg;
        tg.createTask(failAfter(1, "x"));
        yield sleep(10);
      }));
    } catch {
      // expected: the failure above
    }
    // Shutting down is observable from a child's cleanup: check it with a second group.
    try {
      yield taskGroup(asyncFn("body2", function* (tg: TaskGroup) {
      tg.createTask(asyncFn("child", function* () {
        try {
          yield sleep(100);
        } finally {
          try {
            tg.createTask(after(1, "y"));
          } catch (e) {
            errors.push((e as Error).message.replace(/TaskGroup-\d+/, "TaskGroup-N"));
          }
        }
      })());
      tg.createTask(failAfter(1, "boom"));
    }));
    } catch {
      // expected: boom
    }
    try {
      group!.createTask(after(1, "z"));
    } catch (e) {
      errors.push((e as Error).message.replace(/TaskGroup-\d+/, "TaskGroup-N"));
    }
    return errors;
  })());
  expect(r).toEqual([
    "TaskGroup <TaskGroup-N exiting tasks=1 cancelling> is shutting down: createTask() after a child failed or the group was cancelled",
    "TaskGroup <TaskGroup-N finished cancelling> is finished: createTask() after its block ended",
  ]);
});

test("enter() outside a task and a second enter() are refused", () => {
  const tg = new TaskGroup();
  expect(() => tg.enter().send()).toThrow(/^TaskGroup <TaskGroup-\d+> cannot determine the parent task: enter\(\) must run inside a task/);
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    const g = new TaskGroup();
    yield g.enter();
    let second = "";
    try {
      yield g.enter();
    } catch (e) {
      second = (e as Error).message.replace(/TaskGroup-\d+/, "TaskGroup-N");
    }
    yield g.exit();
    return second;
  })());
  expect(r).toBe("TaskGroup <TaskGroup-N entered> has already been entered: make a new TaskGroup for each block");
  expect(() => new TaskGroup().createTask(42 as never)).toThrow("TaskGroup.createTask(): a coroutine was expected, got 42");
});

test("enter()/exit(error) by hand, as asyncio's async with", () => {
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    const tg = (yield new TaskGroup().enter()) as TaskGroup;
    let error: unknown;
    try {
      tg.createTask(failAfter(5, "child failed"));
      yield sleep(100);
    } catch (e) {
      error = e;
    }
    try {
      yield tg.exit(error);
    } catch (e) {
      return [error instanceof CancelledError, describeError(e), loop.time()];
    }
  })());
  expect(r).toEqual([true, "unhandled errors in a TaskGroup (1 sub-exception): child failed", 5]);
});

test("the body can be an uncompiled async function on a loop driven by the host", async () => {
  const main = asyncFn("main", function* () {
    return yield taskGroup(async (tg) => {
      const t = tg.createTask(sleep(5, "child"));
      return `body saw ${typeof t.getName()}`;
    });
  });
  await expect(run(main())).resolves.toBe("body saw string");
});

test("Symbol.asyncDispose (for `await using`) waits for the children, as exit() does", () => {
  const dispose = (Symbol as { asyncDispose?: symbol }).asyncDispose!;
  expect(typeof dispose).toBe("symbol");
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    const tg = (yield new TaskGroup().enter()) as TaskGroup;
    tg.createTask(after(10, "child"));
    yield (tg as unknown as Record<symbol, () => unknown>)[dispose]!();
    return loop.time();
  })());
  expect(r).toBe(10);
  expect(log).toEqual(["child done at 10"]);
});

test("inside a timeout: the deadline cancels the group from outside, its children are cancelled, and the block ends in TimeoutError", () => {
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    try {
      yield timeout(20).run(() =>
        taskGroup((tg) => {
          tg.createTask(guarded("a", 100));
          tg.createTask(guarded("b", 100));
        }),
      );
    } catch (e) {
      return [(e as Error).name, loop.time(), currentTask()!.cancelling()];
    }
  })());
  expect(r).toEqual(["TimeoutError", 20, 0]);
  expect(log).toEqual(["a cancelled at 20", "b cancelled at 20"]);
});
