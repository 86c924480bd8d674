// 100,000 concurrent tasks on a TestLoop, with seeded random sleeps, failures and cancellations:
// every task ends as decided, every done callback and timer runs exactly once (a cancelled timer
// never), nothing is left on the loop, and the heap comes back to where it started once the test
// drops its references. Figures (time, heap) are printed with STEPWISE_LOAD_FIGURES=1.
//
// The heap is measured once the synchronous run has returned to the host: V8 keeps the target of
// every WeakRef created during a job alive until the job ends, and the loop makes one per failed
// future (for checkLeaks), so within one long synchronous run the failed tasks are still held.
import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";
import { asyncFn } from "./helpers";
import { TestLoop, allTasks, sleep, type Task } from "../src/index";
import { RandomSource } from "../src/random-source";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const N = 100_000;
/** Growth of the heap the test tolerates after everything is dropped: well under 100 bytes a task. */
const HEAP_BOUND = 8 * 1024 * 1024;

const enum Fate {
  Finish,
  Fail,
  /** Cancelled at a random time: before, while or after it sleeps. */
  CancelLater,
  /** Cancelled right after creation: the body never runs. */
  CancelAtOnce,
}

function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

/** Lets the current job end (see above). */
function hostTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

interface Figures {
  ms: number;
  heapBefore: number;
  heapPeak: number;
  heapAfter: number;
}

/** Runs the whole scenario; returns only numbers, so nothing it made stays reachable. */
function scenario(seed: number, heapBefore: number): Figures {
  const random = new RandomSource(seed);
  const below = (n: number): number => random.next() % n;
  const fate = new Uint8Array(N);
  const first = new Uint16Array(N);
  const second = new Uint16Array(N);
  const cancelAt = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const r = below(10);
    fate[i] = r < 6 ? Fate.Finish : r < 7 ? Fate.Fail : r < 9 ? Fate.CancelLater : Fate.CancelAtOnce;
    first[i] = below(1000);
    second[i] = below(1000);
    // Half a millisecond off the integer sleeps, so a cancellation never ties with a wake-up.
    cancelAt[i] = below(2000) + 0.5;
  }
  const started = new Uint8Array(N);
  const finallies = new Uint8Array(N);
  const doneCalls = new Uint8Array(N);
  const timerCalls = new Uint8Array(N);

  const t0 = performance.now();
  const loop = new TestLoop({ debug: false });
  const worker = asyncFn("worker", function* (i: number) {
    started[i]!++;
    try {
      yield sleep(first[i]!);
      if (fate[i] === Fate.Fail) throw new Error(`worker ${i} failed`);
      yield sleep(second[i]!);
      return i;
    } finally {
      finallies[i]!++;
    }
  });
  let tasks: (Task<number> | null)[] = new Array<Task<number> | null>(N);
  const onDone = (t: Task<number>): void => {
    const i = Number(t.getName());
    doneCalls[i]!++;
    // Retrieving the error: a failure nobody reads would be reported at GC.
    if (!t.cancelled()) t.exception();
  };
  for (let i = 0; i < N; i++) {
    const t = loop.createTask(worker(i), { name: String(i) });
    t.addDoneCallback(onDone);
    tasks[i] = t;
    if (fate[i] === Fate.CancelAtOnce) t.cancel();
    else if (fate[i] === Fate.CancelLater) loop.callAt(cancelAt[i]!, (k: number) => void tasks[k]!.cancel(), i);
    // An unrelated timer per task; every third one is cancelled before it is due.
    const timer = loop.callLater(below(3000), (k: number) => void timerCalls[k]!++, i);
    if (i % 3 === 0) timer.cancel();
  }
  const heapPeak = process.memoryUsage().heapUsed;
  loop.advance(5000);
  const ms = performance.now() - t0;

  for (let i = 0; i < N; i++) {
    const t = tasks[i]!;
    const finishesAt = first[i]! + (fate[i] === Fate.Fail ? 0 : second[i]!);
    const cancelled = fate[i] === Fate.CancelAtOnce || (fate[i] === Fate.CancelLater && cancelAt[i]! < finishesAt);
    const expected = cancelled ? "cancelled" : fate[i] === Fate.Fail ? `failed: worker ${i} failed` : `result ${i}`;
    const actual = !t.done() ? "pending" : t.cancelled() ? "cancelled" : t.exception() !== undefined ? `failed: ${(t.exception() as Error).message}` : `result ${t.result()}`;
    if (actual !== expected) throw new Error(`task ${i}: expected ${expected}, got ${actual}`);
    // A task cancelled before its first step never runs its body; every other one runs it, and its finally, once.
    const ran = fate[i] === Fate.CancelAtOnce ? 0 : 1;
    if (started[i] !== ran || finallies[i] !== ran) throw new Error(`task ${i}: body started ${started[i]}, finally ran ${finallies[i]}, expected ${ran}`);
    if (doneCalls[i] !== 1) throw new Error(`task ${i}: done callback ran ${doneCalls[i]} times`);
    if (timerCalls[i] !== (i % 3 === 0 ? 0 : 1)) throw new Error(`timer ${i}: ran ${timerCalls[i]} times`);
  }
  expect(allTasks(loop).size).toBe(0);
  expect(loop._tasks.size).toBe(0);
  expect(loop._ready.length).toBe(0);
  expect(loop._scheduled.size).toBe(0);
  expect(loop._hostWaits).toBe(0);
  expect(loop.checkLeaks().ok).toBe(true);
  expect(String(loop.pending())).toBe("Pending at time 5000: 0 ready, 0 timer(s)");
  tasks = [];
  loop.close();
  return { ms, heapBefore, heapPeak, heapAfter: 0 };
}

test(`${N} tasks with random sleeps, failures and cancellations all end as decided, and leave nothing behind`, async () => {
  await hostTurn();
  const figures = scenario(1, heapAfterGc());
  await hostTurn();
  figures.heapAfter = heapAfterGc();
  if (process.env.STEPWISE_LOAD_FIGURES) {
    const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      `${N} tasks: ${figures.ms.toFixed(0)} ms; heap ${mb(figures.heapBefore)} before, ${mb(figures.heapPeak)} with all tasks created, ${mb(figures.heapAfter)} after GC`,
    );
  }
  expect(figures.heapAfter - figures.heapBefore).toBeLessThan(HEAP_BOUND);
  // Not a timed assertion: room for a slow, shared machine (a few seconds is typical; see the report in README).
}, 120_000);
