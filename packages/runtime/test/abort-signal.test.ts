import { getEventListeners } from "events";
import { asyncFn } from "./helpers";
import { CancelledError, TestLoop, abortSignalOf, cancelOnAbort, createTask, run, sleep, taskSignal, timeout } from "../src/index";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => loop.close());

test("cancelOnAbort: aborting the signal cancels the task, with the reason's message", () => {
  const controller = new AbortController();
  const t = loop.createTask(sleep(100, "done"));
  cancelOnAbort(t, controller.signal);
  loop.callLater(10, () => controller.abort(new Error("user left")));
  expect(() => loop.runUntilComplete(t)).toThrow(new CancelledError("user left"));
  expect(loop.time()).toBe(10);
});

test("cancelOnAbort: an already aborted signal cancels at once; detaching stops it", () => {
  const t1 = loop.createTask(sleep(1));
  cancelOnAbort(t1, AbortSignal.abort("gone"));
  expect(t1.cancelling()).toBe(1);
  const controller = new AbortController();
  const t2 = loop.createTask(sleep(5, "kept"));
  const detach = cancelOnAbort(t2, controller.signal);
  detach();
  controller.abort();
  expect(t2.cancelling()).toBe(0);
  expect(loop.runUntilComplete(t2)).toBe("kept");
  expect(() => cancelOnAbort(t2, {} as never)).toThrow("cancelOnAbort(): expected an AbortSignal, got an object (Object)");
  expect(() => cancelOnAbort(42 as never, controller.signal)).toThrow("cancelOnAbort(): expected a Task, got 42");
});

test("cancelOnAbort: the listener goes away when the task finishes", () => {
  const controller = new AbortController();
  const t = loop.createTask(sleep(1, "v"));
  cancelOnAbort(t, controller.signal);
  expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
  loop.runUntilComplete(t);
  loop.advance(0); // the done callbacks run
  expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
});

test("abortSignalOf: aborts when the task is asked to cancel, with a CancelledError reason", () => {
  const seen: unknown[] = [];
  const t = loop.createTask(asyncFn("fetcher", function* () {
    const signal = taskSignal();
    signal.addEventListener("abort", () => seen.push(`aborted at ${loop.time()}`, signal.reason));
    yield sleep(100);
  })());
  loop.callLater(10, () => {
    t.cancel("stop");
    seen.push("after cancel()");
  });
  expect(() => loop.runUntilComplete(t)).toThrow(CancelledError);
  expect(seen.slice(0, 2)).toEqual(["aborted at 10", new CancelledError("stop")]);
  expect(seen[2]).toBe("after cancel()");
});

test("abortSignalOf: a signal handed out after a timeout block recovered is fresh", () => {
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    const first = taskSignal();
    try {
      yield timeout(5).run(() => sleep(100));
    } catch {
      // TimeoutError: the task carries on
    }
    const second = taskSignal();
    yield sleep(1);
    return [first.aborted, second.aborted];
  })());
  expect(r).toEqual([true, false]);
});

test("abortSignalOf: finished tasks, and a task whose cancellation is on its way", () => {
  const done = loop.createTask(sleep(1));
  loop.runUntilComplete(done);
  expect(abortSignalOf(done).aborted).toBe(false);
  const cancelled = loop.createTask(sleep(1));
  cancelled.cancel();
  expect(abortSignalOf(cancelled).aborted).toBe(true); // cancel requested, not yet delivered
  expect(() => loop.runUntilComplete(cancelled)).toThrow(CancelledError);
  expect(abortSignalOf(cancelled).aborted).toBe(true);
  expect(() => taskSignal()).toThrow("taskSignal(): no task is running; call it inside a task, or use abortSignalOf(task)");
  expect(() => abortSignalOf({} as never)).toThrow("abortSignalOf(): expected a Task, got an object (Object)");
});

test("a fetch-like call awaited by a task is aborted when the task is cancelled (host-driven loop)", async () => {
  const events: string[] = [];
  // Stands for fetch(url, { signal }): rejects with the signal's reason when aborted.
  const fakeFetch = (signal: AbortSignal): Promise<string> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve("response"), 10_000);
      signal.addEventListener("abort", () => {
        clearTimeout(timer);
        events.push("request aborted");
        reject(signal.reason);
      });
    });
  const main = asyncFn("main", function* () {
    const t = createTask(asyncFn("fetcher", function* () { return yield fakeFetch(taskSignal()); })());
    yield sleep(1);
    t.cancel();
    try {
      yield t;
    } catch (e) {
      events.push(`task: ${(e as Error).name}`);
    }
    return events;
  });
  await expect(run(main())).resolves.toEqual(["request aborted", "task: CancelledError"]);
});
