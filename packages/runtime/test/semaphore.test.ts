import { asyncFn } from "./helpers";
import { BoundedSemaphore, CancelledError, Semaphore, TestLoop, createTask, gather, sleep } from "../src/index";

let loop: TestLoop;
let log: string[];
beforeEach(() => {
  loop = new TestLoop();
  log = [];
});
afterEach(() => loop.close());

test("at most `value` holders at a time, served in order", () => {
  const sem = new Semaphore(2);
  let inside = 0;
  let most = 0;
  const job = asyncFn("job", function* (n: number) {
    yield sem.withLock(asyncFn("body", function* () {
      inside++;
      most = Math.max(most, inside);
      log.push(`${n} in at ${loop.time()}`);
      yield sleep(10);
      inside--;
    }));
  });
  loop.runUntilComplete(asyncFn("main", function* () { yield gather(...[0, 1, 2, 3, 4].map((n) => job(n))); })());
  expect(most).toBe(2);
  expect(log).toEqual(["0 in at 0", "1 in at 0", "2 in at 10", "3 in at 10", "4 in at 20"]);
});

test("locked() is true while others wait, even with a permit free (FIFO)", () => {
  const sem = new Semaphore(1);
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    yield sem.acquire();
    const waiter = createTask(sem.acquire());
    yield sleep(0);
    sem.release(); // handed to the waiter
    const lockedMeanwhile = sem.locked();
    yield waiter;
    return [lockedMeanwhile, sem._value];
  })());
  expect(r).toEqual([true, 0]);
});

test("a waiter cancelled after being handed a permit gives it back", () => {
  const sem = new Semaphore(0);
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    const a = createTask(sem.acquire());
    yield sleep(0);
    sem.release();
    a.cancel();
    try {
      yield a;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
    }
    return [a.cancelled(), sem._value, sem.locked()];
  })());
  expect(r).toEqual([true, 1, false]);
});

test("bad values and BoundedSemaphore over-release are refused, naming the call", () => {
  expect(() => new Semaphore(-1)).toThrow("Semaphore initial value must be an integer >= 0: new Semaphore() got -1");
  expect(() => new BoundedSemaphore(1.5)).toThrow("Semaphore initial value must be an integer >= 0: new BoundedSemaphore() got 1.5");
  const b = new BoundedSemaphore(1);
  expect(() => b.release()).toThrow(
    "BoundedSemaphore released too many times: release() on <BoundedSemaphore [unlocked, value:1]> would exceed its initial value 1; release only what you acquired",
  );
  expect(b._value).toBe(1);
  loop.runUntilComplete(b.acquire());
  b.release();
  const s = new Semaphore(1);
  s.release(); // an unbounded Semaphore may go above its start
  expect(s._value).toBe(2);
});
