import { asyncFn } from "./helpers";
import { CancelledError, Lock, TestLoop, createTask, gather, sleep } from "../src/index";

let loop: TestLoop;
let log: string[];
beforeEach(() => {
  loop = new TestLoop();
  log = [];
});
afterEach(() => loop.close());

test("withLock serialises bodies, in the order they asked, and releases on error", () => {
  const lock = new Lock();
  const user = asyncFn("user", function* (n: number, fail: boolean) {
    try {
      yield lock.withLock(asyncFn("body", function* () {
        log.push(`${n} in at ${loop.time()}`);
        yield sleep(10);
        if (fail) throw new RangeError(`${n} failed`);
      }));
    } catch (e) {
      log.push((e as Error).message);
    }
  });
  loop.runUntilComplete(asyncFn("main", function* () { yield gather(user(0, false), user(1, true), user(2, false)); })());
  expect(log).toEqual(["0 in at 0", "1 in at 10", "1 failed", "2 in at 20"]);
  expect(lock.locked()).toBe(false);
});

test("FIFO-fair: a newcomer queues behind a woken waiter even though the lock is momentarily free", () => {
  const lock = new Lock();
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    yield lock.acquire();
    const waiter = createTask(asyncFn("waiter", function* () { yield lock.acquire(); log.push("waiter"); lock.release(); })());
    yield sleep(0);
    lock.release(); // the waiter is handed the turn, but has not run yet
    const free = lock.locked();
    yield lock.acquire(); // must not overtake it
    log.push("main");
    lock.release();
    yield waiter;
    return free;
  })());
  expect(r).toBe(false);
  expect(log).toEqual(["waiter", "main"]);
});

test("a waiter cancelled after being handed the lock passes the turn on", () => {
  const lock = new Lock();
  loop.runUntilComplete(asyncFn("main", function* () {
    yield lock.acquire();
    const a = createTask(lock.acquire());
    const b = createTask(asyncFn("b", function* () { yield lock.acquire(); log.push("b got the lock"); lock.release(); })());
    yield sleep(0);
    lock.release();
    a.cancel();
    try {
      yield a;
    } catch (e) {
      if (e instanceof CancelledError) log.push("a cancelled");
    }
    yield b;
  })());
  // a's cancelled step wakes b before a's own waiter (main) hears of it.
  expect(log).toEqual(["b got the lock", "a cancelled"]);
  expect(lock.locked()).toBe(false);
});

test("releasing an unlocked lock is refused, naming the call; acquire/release by hand", () => {
  const lock = new Lock();
  expect(() => lock.release()).toThrow("Lock is not acquired: release() was called on <Lock [unlocked]>; release only a lock you acquired, once");
  expect(loop.runUntilComplete(lock.acquire())).toBe(true);
  expect(String(lock)).toBe("<Lock [locked]>");
  lock.release();
  expect(lock.locked()).toBe(false);
  expect(() => lock.withLock(5 as never)).toThrow("Lock.withLock(): expected a function, got 5");
});
