import { asyncFn } from "./helpers";
import { Event, TestLoop, createTask, gather, sleep } from "../src/index";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => loop.close());

test("set() wakes every waiter, in wait order; wait() on a set event returns at once; clear() resets", () => {
  const ev = new Event();
  const log: string[] = [];
  const w = asyncFn("w", function* (n: number) {
    log.push(`${n}: ${String(yield ev.wait())} at ${loop.time()}`);
  });
  loop.runUntilComplete(asyncFn("main", function* () {
    const ts = [0, 1, 2].map((n) => createTask(w(n)));
    yield sleep(10);
    expect(ev.isSet()).toBe(false);
    ev.set();
    ev.set(); // no effect
    yield gather(...ts);
    yield w(3);
    ev.clear();
    const late = createTask(w(4));
    yield sleep(5);
    expect(late.done()).toBe(false);
    ev.set();
    yield late;
  })());
  expect(log).toEqual(["0: true at 10", "1: true at 10", "2: true at 10", "3: true at 10", "4: true at 15"]);
  expect(String(ev)).toBe("<Event [set]>");
});

test("a cancelled waiter leaves the others waiting", () => {
  const ev = new Event();
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    const a = createTask(ev.wait());
    const b = createTask(ev.wait());
    yield sleep(0);
    a.cancel();
    yield sleep(0);
    const waiting = ev._waiters.length;
    ev.set();
    return [a.cancelled(), waiting, yield b];
  })());
  expect(r).toEqual([true, 1, true]);
});
