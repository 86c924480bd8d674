import { asyncFn } from "./helpers";
import { CancelledError, Future, GatheringFuture, TestLoop, createTask, gather, run, sleep } from "../src/index";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => loop.close());

const after = asyncFn("after", function* <T>(ms: number, value: T) {
  yield sleep(ms);
  return value;
});
const failAfter = asyncFn("failAfter", function* (ms: number, error: Error) {
  yield sleep(ms);
  throw error;
});

test("results come in argument order, not completion order", () => {
  const g = loop.runUntilComplete(asyncFn("main", function* () {
    return yield gather(after(30, "a"), after(10, "b"), after(20, "c"));
  })());
  expect(g).toEqual(["a", "b", "c"]);
  expect(loop.time()).toBe(30);
});

test("accepts Futures, Tasks and coroutines; a repeated argument shares one child", () => {
  const fut = loop.createFuture<number>();
  loop.callLater(5, () => fut.setResult(1));
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    const t = createTask(after(1, 2));
    const g = gather(fut, t, after(2, 3), fut);
    expect(g._children[0]).toBe(g._children[3]);
    return yield g;
  })());
  expect(r).toEqual([1, 2, 3, 1]);
});

test("gather() of nothing is an already-done Future of []", () => {
  const g = loop.runUntilComplete(asyncFn("main", function* () {
    const g = gather();
    return [g.done(), g.result()];
  })());
  expect(g).toEqual([true, []]);
});

test("returnExceptions lists errors and cancellations in place of results", () => {
  const err = new RangeError("x");
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    const cancelled = createTask(after(100, "never"));
    loop.callLater(1, () => cancelled.cancel("stop it"));
    return yield gather(after(5, "ok"), failAfter(2, err), cancelled, { returnExceptions: true });
  })()) as unknown[];
  expect(r[0]).toBe("ok");
  expect(r[1]).toBe(err);
  expect(r[2]).toBeInstanceOf(CancelledError);
  expect((r[2] as Error).message).toBe("stop it");
});

test("cancelling the gather cancels every child; with returnExceptions it still ends in CancelledError", () => {
  const log: string[] = [];
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    const a = createTask(after(100, "a"));
    const b = createTask(after(100, "b"));
    const g = gather(a, b, { returnExceptions: true });
    yield sleep(1);
    expect(g.cancel("enough")).toBe(true);
    expect(g.done()).toBe(false);
    try {
      yield g;
    } catch (e) {
      log.push(`${(e as Error).name}: ${(e as Error).message}`);
    }
    return [a.cancelled(), b.cancelled(), g.cancel()];
  })());
  expect(log).toEqual(["CancelledError: enough"]);
  expect(r).toEqual([true, true, false]);
});

test("cancelling a task that awaits a gather cancels the children", () => {
  let children: Future<unknown>[] = [];
  const main = asyncFn("main", function* () {
    const g = gather(after(100, 1), after(100, 2));
    children = g._children;
    yield g;
  });
  const t = loop.createTask(main());
  loop.callLater(10, () => t.cancel());
  expect(() => loop.runUntilComplete(t)).toThrow(CancelledError);
  expect(children.map((c) => c.cancelled())).toEqual([true, true]);
  expect(loop.time()).toBe(10);
});

test("a cancel that no child accepts returns false", () => {
  const fut = loop.createFuture<number>();
  fut.setResult(1);
  const g = gather(fut);
  expect(g).toBeInstanceOf(GatheringFuture);
  loop.advance(0);
  expect(g.cancel()).toBe(false);
  expect(g.result()).toEqual([1]);
});

test("refuses what is not awaitable, naming gather()", () => {
  expect(() => gather(42 as never)).toThrow("gather(): a Future, a coroutine or a thenable is required, got 42");
});

test("works from uncompiled code on a loop driven by the host, native promises included", async () => {
  const main = asyncFn("main", function* () {
    // An uncompiled async function awaiting gather(): the Future is thenable.
    return yield (async () => await gather(after(1, "x"), sleep(2, "y"), Promise.resolve("z")))();
  });
  await expect(run(main())).resolves.toEqual(["x", "y", "z"]);
});
