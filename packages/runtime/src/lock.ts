import { CancelledError } from "./errors.js";
import { Future } from "./future.js";
import { LoopBound, awaitResult, coro, removeItem } from "./loop-bound.js";
import { describeValue } from "./describe.js";
import type { Coroutine } from "./coroutine.js";

/**
 * A mutual-exclusion lock for tasks (asyncio's `Lock`), FIFO-fair: a task that asks while others
 * wait queues behind them even if the lock is free at that moment. asyncio's `async with lock:`
 * is `await lock.withLock(async () => ...)`, or `await lock.acquire()` with `lock.release()` in a
 * `finally`.
 */
export class Lock extends LoopBound {
  _waiters: Future<boolean>[] | null = null;
  _locked = false;

  locked(): boolean {
    return this._locked;
  }

  /** Resolves with true once this task holds the lock. */
  acquire(): Coroutine<true> {
    return coro("Lock.acquire", this._acquireGen());
  }

  *_acquireGen(): Generator<unknown, true, unknown> {
    if (!this._locked && (this._waiters === null || this._waiters.every((w) => w.cancelled()))) {
      this._locked = true;
      return true;
    }
    const waiters = (this._waiters ??= []);
    const fut = new Future<boolean>({ loop: this._getLoop("Lock.acquire") });
    waiters.push(fut);
    try {
      try {
        yield fut;
      } finally {
        removeItem(waiters, fut);
      }
    } catch (error) {
      // Woken then cancelled before running: pass the turn on, or the lock would stay free with waiters.
      if (error instanceof CancelledError && !this._locked) this._wakeUpFirst();
      throw error;
    }
    this._locked = true;
    return true;
  }

  /** Frees the lock and hands the turn to the first waiter; throws if the lock is not held. */
  release(): void {
    if (!this._locked) {
      throw new Error(`Lock is not acquired: release() was called on ${this}; release only a lock you acquired, once`);
    }
    this._locked = false;
    this._wakeUpFirst();
  }

  /** Runs `body` holding the lock (asyncio's `async with lock:`) and returns what it returns. */
  withLock<R>(body: () => PromiseLike<R> | R): Coroutine<R> {
    if (typeof body !== "function") throw new TypeError(`Lock.withLock(): expected a function, got ${describeValue(body)}`);
    return coro("Lock.withLock", holding(this, body));
  }

  _wakeUpFirst(): void {
    const first = this._waiters?.[0];
    // A done waiter has already been handed the turn.
    if (first !== undefined && !first.done()) first.setResult(true);
  }

  override toString(): string {
    const n = this._waiters?.length ?? 0;
    return `<Lock [${this._locked ? "locked" : "unlocked"}${n > 0 ? `, waiters:${n}` : ""}]>`;
  }
}

/** Something with asyncio's acquire/release pair: Lock, Semaphore, Condition. */
export interface Acquirable {
  _acquireGen(): Generator<unknown, true, unknown>;
  release(): void;
}

/** `async with primitive:` — acquire, run the body, release whatever happens. */
export function* holding<R>(primitive: Acquirable, body: () => PromiseLike<R> | R): Generator<unknown, R, unknown> {
  yield* primitive._acquireGen();
  try {
    return yield* awaitResult(body());
  } finally {
    primitive.release();
  }
}
