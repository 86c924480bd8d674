import { asyncFn } from "./helpers";
import { ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, Future, TestLoop, createTask, sleep, wait } from "../src/index";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => loop.close());

const after = asyncFn("after", function* <T>(ms: number, value: T) {
  yield sleep(ms);
  return value;
});
const failAfter = asyncFn("failAfter", function* (ms: number) {
  yield sleep(ms);
  throw new RangeError("failed");
});

/** Runs `body(tasks)` with tasks made from `coros` and returns the names of done and pending ones, plus the time. */
function scenario(make: () => Future<unknown>[], options?: Parameters<typeof wait>[1]): [unknown[], unknown[], number] {
  return loop.runUntilComplete(asyncFn("main", function* () {
    const fs = make();
    const [done, pending] = (yield wait(fs, options)) as [Set<Future<unknown>>, Set<Future<unknown>>];
    const idx = (s: Set<Future<unknown>>): number[] => [...s].map((f) => fs.indexOf(f));
    for (const f of fs) f.cancel();
    return [idx(done), idx(pending), loop.time()] as [unknown[], unknown[], number];
  })());
}

test("ALL_COMPLETED (default) waits for every one; errors do not stop it", () => {
  expect(scenario(() => [createTask(after(30, 1)), createTask(failAfter(10)), createTask(after(20, 3))])).toEqual([[0, 1, 2], [], 30]);
  expect(scenario(() => [createTask(after(5, 1))], { returnWhen: ALL_COMPLETED })).toEqual([[0], [], 35]);
});

test("FIRST_COMPLETED returns at the first completion", () => {
  expect(scenario(() => [createTask(after(30, 1)), createTask(after(10, 2))], { returnWhen: FIRST_COMPLETED })).toEqual([[1], [0], 10]);
});

test("FIRST_EXCEPTION returns at the first error, else when all are done", () => {
  expect(scenario(() => [createTask(after(30, 1)), createTask(after(5, 2)), createTask(failAfter(10))], { returnWhen: FIRST_EXCEPTION })).toEqual([[1, 2], [0], 10]);
  const t0 = loop.time();
  const [done, pending, at] = scenario(() => [createTask(after(3, 1)), createTask(after(6, 2))], { returnWhen: FIRST_EXCEPTION });
  expect([done, pending, at - t0]).toEqual([[0, 1], [], 6]);
});

test("a timeout returns what is done so far: no TimeoutError, nothing cancelled", () => {
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    const fast = createTask(after(5, 1));
    const slow = createTask(after(50, 2));
    const [done, pending] = (yield wait([fast, slow], { timeout: 20 })) as [Set<Future<unknown>>, Set<Future<unknown>>];
    const at = loop.time();
    yield sleep(0);
    const stillRunning = !slow.done();
    return [[...done].map((f) => f.result()), pending.has(slow), at, stillRunning, yield slow];
  })());
  expect(r).toEqual([[1], true, 20, true, 2]);
});

test("argument errors are refused before anything runs, naming wait()", () => {
  const fut = loop.createFuture();
  expect(() => wait(fut as never)).toThrow("wait(): expect an iterable of futures, not <Future pending>");
  expect(() => wait([])).toThrow("wait(): the set of Tasks/Futures is empty");
  expect(() => wait([fut], { returnWhen: "SOMETIMES" as never })).toThrow(/^wait\(\): invalid returnWhen value: "SOMETIMES"/);
  const co = after(1, 1);
  expect(() => wait([co as never])).toThrow(/^wait\(\): passing coroutines is forbidden, use tasks explicitly/);
  expect(co.state).toBe("created");
  expect(() => wait([Promise.resolve(1) as never])).toThrow("wait(): expected Futures or Tasks, got a native Promise; wrap it with ensureFuture()");
});
