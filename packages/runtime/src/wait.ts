import { Coroutine } from "./coroutine.js";
import { Future, isFuture } from "./future.js";
import { callerLoop, coro } from "./loop-bound.js";
import { describeValue } from "./describe.js";
import type { TimerHandle } from "./handle.js";

export const FIRST_COMPLETED = "FIRST_COMPLETED";
export const FIRST_EXCEPTION = "FIRST_EXCEPTION";
export const ALL_COMPLETED = "ALL_COMPLETED";
export type ReturnWhen = typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;

export interface WaitOptions {
  /** Milliseconds of the loop's clock; null or absent: no limit. */
  timeout?: number | null;
  returnWhen?: ReturnWhen;
}

/**
 * Waits for Futures (Tasks) until `returnWhen` is met or `timeout` passes, and returns
 * `[done, pending]` as Sets in argument order (asyncio's `wait`). It never throws TimeoutError
 * and never cancels anything. Coroutines are refused: wrap them in tasks (`createTask`) first.
 */
export function wait<T>(fs: Iterable<Future<T>>, options?: WaitOptions): Coroutine<[Set<Future<T>>, Set<Future<T>>]> {
  if (isFuture(fs) || fs instanceof Coroutine || fs === null || typeof fs !== "object" || typeof (fs as Iterable<unknown>)[Symbol.iterator] !== "function") {
    throw new TypeError(`wait(): expect an iterable of futures, not ${describeValue(fs)}`);
  }
  const returnWhen = options?.returnWhen ?? ALL_COMPLETED;
  if (returnWhen !== FIRST_COMPLETED && returnWhen !== FIRST_EXCEPTION && returnWhen !== ALL_COMPLETED) {
    throw new RangeError(`wait(): invalid returnWhen value: ${describeValue(returnWhen)}; use FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED`);
  }
  const timeout = options?.timeout ?? null;
  if (timeout !== null && (typeof timeout !== "number" || Number.isNaN(timeout))) {
    throw new TypeError(`wait(): timeout must be a number of milliseconds or null, got ${describeValue(timeout)}`);
  }
  const set = new Set(fs);
  if (set.size === 0) throw new RangeError("wait(): the set of Tasks/Futures is empty; pass at least one");
  for (const f of set) {
    if (f instanceof Coroutine) {
      throw new TypeError(`wait(): passing coroutines is forbidden, use tasks explicitly: wrap ${f} with createTask()`);
    }
    if (!isFuture(f)) throw new TypeError(`wait(): expected Futures or Tasks, got ${describeValue(f)}; wrap it with ensureFuture()`);
  }
  return coro("wait", waitBody(set, timeout, returnWhen));
}

function* waitBody<T>(fs: Set<Future<T>>, timeout: number | null, returnWhen: ReturnWhen): Generator<unknown, [Set<Future<T>>, Set<Future<T>>], unknown> {
  const loop = callerLoop();
  const waiter = new Future<void>({ loop });
  const release = (): void => {
    if (!waiter.done()) waiter.setResult(undefined);
  };
  let timer: TimerHandle | null = null;
  if (timeout !== null) timer = loop.callLater(timeout, release);
  let counter = fs.size;
  const onCompletion = (f: Future<T>): void => {
    counter--;
    if (
      counter <= 0 ||
      returnWhen === FIRST_COMPLETED ||
      (returnWhen === FIRST_EXCEPTION && !f.cancelled() && (f.exception(), f._failed))
    ) {
      timer?.cancel();
      release();
    }
  };
  for (const f of fs) f.addDoneCallback(onCompletion);
  try {
    yield waiter;
  } finally {
    timer?.cancel();
    for (const f of fs) f.removeDoneCallback(onCompletion);
  }
  const done = new Set<Future<T>>();
  const pending = new Set<Future<T>>();
  for (const f of fs) (f.done() ? done : pending).add(f);
  return [done, pending];
}
