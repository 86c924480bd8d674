import { asyncFn } from "./helpers";
import { CancelledError, Condition, Lock, TestLoop, createTask, gather, sleep } from "../src/index";

let loop: TestLoop;
let log: string[];
beforeEach(() => {
  loop = new TestLoop();
  log = [];
});
afterEach(() => loop.close());

test("notify(n) wakes n waiters in order; each returns holding the lock", () => {
  const cond = new Condition();
  const waiter = asyncFn("waiter", function* (n: number) {
    yield cond.withLock(asyncFn("body", function* () {
      yield cond.wait();
      log.push(`${n} woke holding ${cond.locked()}`);
      yield sleep(1);
    }));
  });
  loop.runUntilComplete(asyncFn("main", function* () {
    const ts = [0, 1, 2].map((n) => createTask(waiter(n)));
    yield sleep(0);
    yield cond.withLock(() => cond.notify(2));
    yield sleep(10);
    log.push(`after notify(2): ${ts.map((t) => t.done()).join(",")}`);
    yield cond.withLock(() => cond.notifyAll());
    yield gather(...ts);
  })());
  expect(log).toEqual(["0 woke holding true", "1 woke holding true", "after notify(2): true,true,false", "2 woke holding true"]);
});

test("waitFor re-checks the predicate after each notify", () => {
  const cond = new Condition(new Lock());
  let value = 0;
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    const t = createTask(cond.withLock(() => cond.waitFor(() => value >= 3 && `value ${value}`)));
    for (let i = 0; i < 3; i++) {
      yield sleep(5);
      value++;
      yield cond.withLock(() => cond.notifyAll());
    }
    return [yield t, loop.time()];
  })());
  expect(r).toEqual(["value 3", 15]);
});

test("a cancelled wait still re-acquires the lock before the CancelledError leaves it", () => {
  const cond = new Condition();
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    let heldWhenCancelled: boolean | undefined;
    const t = createTask(cond.withLock(asyncFn("body", function* () {
      try {
        yield cond.wait();
      } catch (e) {
        heldWhenCancelled = e instanceof CancelledError && cond.locked();
        throw e;
      }
    })));
    yield sleep(0);
    yield cond.acquire(); // hold the lock, so the cancelled waiter must wait for it
    t.cancel();
    yield sleep(5);
    const stillWaiting = !t.done();
    cond.release();
    try {
      yield t;
    } catch {
      // cancelled, as expected
    }
    return [stillWaiting, heldWhenCancelled, t.cancelled(), cond.locked()];
  })());
  expect(r).toEqual([true, true, true, false]);
});

test("wait and notify without the lock are refused, naming the call", () => {
  const cond = new Condition();
  expect(() => cond.notify()).toThrow("cannot notify on un-acquired lock: Condition.notify() on <Condition [unlocked]>; acquire it first (withLock)");
  expect(() => cond.notifyAll()).toThrow(/^cannot notify on un-acquired lock: Condition.notifyAll\(\)/);
  expect(() => loop.runUntilComplete(cond.wait())).toThrow("cannot wait on un-acquired lock: Condition.wait() on <Condition [unlocked]>; acquire it first (withLock)");
  expect(() => new Condition({} as never)).toThrow("new Condition(): expected a Lock or nothing, got an object (Object)");
});
