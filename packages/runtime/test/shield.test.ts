import { asyncFn } from "./helpers";
import { CancelledError, TestLoop, createTask, shield, sleep } from "../src/index";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => loop.close());

const after = asyncFn("after", function* <T>(ms: number, value: T) {
  yield sleep(ms);
  return value;
});

test("passes the inner result or error through", () => {
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    const ok = yield shield(after(5, "v"));
    let caught: unknown;
    try {
      yield shield(asyncFn("bad", function* () { yield sleep(1); throw new RangeError("bad"); })());
    } catch (e) {
      caught = e;
    }
    return [ok, (caught as Error).message];
  })());
  expect(r).toEqual(["v", "bad"]);
});

test("an inner Future already done is returned as it is", () => {
  const fut = loop.createFuture<number>();
  fut.setResult(3);
  expect(shield(fut)).toBe(fut);
});

test("cancelling the returned Future leaves the inner task running; its error stays the inner task's", () => {
  const inner = loop.createTask(asyncFn("inner", function* () { yield sleep(10); throw new Error("late"); })());
  const outer = shield(inner);
  expect(outer.cancel()).toBe(true);
  loop.advance(20);
  expect(inner.done()).toBe(true);
  expect(inner.cancelled()).toBe(false);
  expect(outer.cancelled()).toBe(true);
  expect((inner.exception() as Error).message).toBe("late");
});

test("cancelling the inner task cancels the returned Future", () => {
  const log: string[] = [];
  loop.runUntilComplete(asyncFn("main", function* () {
    const inner = createTask(after(100, "x"));
    const outer = shield(inner);
    yield sleep(1);
    inner.cancel();
    try {
      yield outer;
    } catch (e) {
      log.push(`${e instanceof CancelledError} ${outer.cancelled()}`);
    }
  })());
  expect(log).toEqual(["true true"]);
});
