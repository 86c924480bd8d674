import { asyncFn } from "./helpers";
import { CancelledError, LifoQueue, PriorityQueue, Queue, QueueEmpty, QueueFull, QueueShutDown, TestLoop, createTask, gather, sleep } from "../src/index";

let loop: TestLoop;
let log: string[];
beforeEach(() => {
  loop = new TestLoop();
  log = [];
});
afterEach(() => loop.close());

const outcome = (f: () => unknown): string => {
  try {
    return `returned ${String(f())}`;
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
};

test("FIFO, LIFO and priority order; sizes", () => {
  const q = new Queue<number>();
  const lifo = new LifoQueue<number>();
  const prio = new PriorityQueue<[number, string]>();
  for (const n of [3, 1, 2]) {
    q.putNowait(n);
    lifo.putNowait(n);
  }
  for (const e of [[3, "c"], [1, "b"], [1, "a"], [2, "x"], [0, "z"]] as [number, string][]) prio.putNowait(e);
  expect([q.qsize(), q.empty(), q.full(), q.maxsize]).toEqual([3, false, false, 0]);
  expect([q.getNowait(), q.getNowait(), q.getNowait()]).toEqual([3, 1, 2]);
  expect([lifo.getNowait(), lifo.getNowait(), lifo.getNowait()]).toEqual([2, 1, 3]);
  expect(Array.from({ length: 5 }, () => prio.getNowait().join(""))).toEqual(["0z", "1a", "1b", "2x", "3c"]);
  expect(q.empty()).toBe(true);
});

test("a PriorityQueue with a compare function; an unorderable item is refused and the queue is unchanged", () => {
  const byLength = new PriorityQueue<string>(0, (a, b) => a.length - b.length);
  for (const s of ["ccc", "a", "bb"]) byLength.putNowait(s);
  expect([byLength.getNowait(), byLength.getNowait(), byLength.getNowait()]).toEqual(["a", "bb", "ccc"]);
  const p = new PriorityQueue<unknown>();
  p.putNowait(2);
  expect(outcome(() => p.putNowait({}))).toMatch(/^TypeError: PriorityQueue: cannot order an object \(Object\) and 2; /);
  expect(p.qsize()).toBe(1);
});

test("nowait errors: QueueFull, QueueEmpty, naming the call and the queue", () => {
  const q = new Queue<number>(1);
  q.putNowait(1);
  expect(q.full()).toBe(true);
  expect(outcome(() => q.putNowait(2))).toBe(
    "QueueFull: putNowait() on a full <Queue maxsize=1 qsize=1 tasks=1>: wait for room with await put(), or check full() first",
  );
  q.getNowait();
  expect(outcome(() => q.getNowait())).toBe(
    "QueueEmpty: getNowait() on an empty <Queue maxsize=1 qsize=0 tasks=1>: wait for an item with await get(), or check empty() first",
  );
  expect(outcome(() => new Queue("3" as never))).toBe('TypeError: new Queue(): maxsize must be a number (0 or less: unbounded), got "3"');
});

test("get waits for a put, put waits for room; waiters are served in order", () => {
  const q = new Queue<string>(1);
  const getter = asyncFn("getter", function* (name: string) {
    log.push(`${name} got ${String(yield q.get())} at ${loop.time()}`);
  });
  const main = asyncFn("main", function* () {
    const gs = [createTask(getter("g1")), createTask(getter("g2"))];
    yield sleep(10);
    yield q.put("a");
    yield q.put("b"); // the queue holds one item: waits until g1 has taken "a"
    log.push(`second put done at ${loop.time()}`);
    yield gather(...gs);
  });
  loop.runUntilComplete(main());
  expect(log).toEqual(["g1 got a at 10", "second put done at 10", "g2 got b at 10"]);
});

test("a cancelled getter does not lose an item: the next getter gets it", () => {
  const q = new Queue<string>();
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    const g1 = createTask(q.get());
    const g2 = createTask(q.get());
    yield sleep(0);
    q.putNowait("only");
    g1.cancel(); // woken but cancelled before it ran
    try {
      yield g1;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
    }
    return [g1.cancelled(), yield g2];
  })());
  expect(r).toEqual([true, "only"]);
});

test("join waits until taskDone has been called for every item; too many taskDone calls are refused", () => {
  const q = new Queue<number>();
  const worker = asyncFn("worker", function* () {
    for (;;) {
      const n = (yield q.get()) as number;
      yield sleep(n);
      log.push(`processed ${n} at ${loop.time()}`);
      q.taskDone();
    }
  });
  loop.runUntilComplete(asyncFn("main", function* () {
    yield q.join(); // nothing put: returns at once
    const w = createTask(worker());
    for (const n of [5, 10]) q.putNowait(n);
    yield q.join();
    log.push(`joined at ${loop.time()}`);
    w.cancel();
  })());
  expect(log).toEqual(["processed 5 at 5", "processed 10 at 15", "joined at 15"]);
  expect(outcome(() => q.taskDone())).toBe(
    "RangeError: taskDone() called too many times on <Queue maxsize=0 qsize=0>: call it once per item taken with get()",
  );
});

test("shutdown(): puts fail, gets drain then fail, waiters are woken to fail", () => {
  const q = new Queue<number>(1);
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    q.putNowait(1);
    const blockedPut = createTask(q.put(2));
    yield sleep(0);
    q.shutdown();
    const results: string[] = [];
    try {
      yield blockedPut;
    } catch (e) {
      results.push(`blocked put: ${(e as Error).name}`);
    }
    results.push(outcome(() => q.putNowait(3)).split(":")[0]!);
    results.push(`get: ${String(yield q.get())}`);
    try {
      yield q.get();
    } catch (e) {
      results.push(`get on empty: ${(e as Error).message}`);
    }
    return results;
  })());
  expect(r).toEqual([
    "blocked put: QueueShutDown",
    "QueueShutDown",
    "get: 1",
    "get on empty: get() on <Queue maxsize=1 qsize=0 tasks=1 shutdown>: the queue was shut down",
  ]);
  expect(new QueueShutDown()).toBeInstanceOf(Error);
});

test("shutdown(true) drops the items, counts them processed (join returns) and wakes waiting getters", () => {
  const q = new Queue<number>();
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    const empty = new Queue<number>();
    const getter = createTask(empty.get());
    yield sleep(0);
    empty.shutdown(true);
    q.putNowait(1);
    q.putNowait(2);
    q.shutdown(true);
    yield q.join();
    let getterError = "";
    try {
      yield getter;
    } catch (e) {
      getterError = (e as Error).name;
    }
    return [q.qsize(), getterError];
  })());
  expect(r).toEqual([0, "QueueShutDown"]);
});

test("a queue is bound to the first loop that waits on it", () => {
  const q = new Queue<number>();
  loop.runUntilComplete(asyncFn("main", function* () {
    const t = createTask(q.get());
    yield sleep(0);
    q.putNowait(1);
    yield t;
  })());
  const other = new TestLoop();
  try {
    expect(() => other.runUntilComplete(q.get())).toThrow(/^<Queue maxsize=0 qsize=0 tasks=1> is bound to a different event loop: Queue\.get\(\) was called on <TestLoop running/);
  } finally {
    other.close();
  }
  expect(new QueueEmpty()).toBeInstanceOf(Error);
  expect(new QueueFull()).toBeInstanceOf(Error);
});

test("a putter woken then cancelled hands the free slot to the next putter", () => {
  const q = new Queue<string>(1);
  const r = loop.runUntilComplete(asyncFn("main", function* () {
    q.putNowait("first");
    const p1 = createTask(q.put("p1"));
    const p2 = createTask(q.put("p2"));
    yield sleep(0);
    q.getNowait(); // wakes p1
    p1.cancel(); // before p1 runs
    yield p2;
    return [p1.cancelled(), q.getNowait(), q.empty()];
  })());
  expect(r).toEqual([true, "p2", true]);
});
