import { CancelledError } from "./errors.js";
import { Future } from "./future.js";
import { Lock, holding } from "./lock.js";
import { LoopBound, coro, removeItem } from "./loop-bound.js";
import { describeValue } from "./describe.js";
import type { Coroutine } from "./coroutine.js";

/**
 * A condition variable for tasks (asyncio's `Condition`), over a Lock (its own unless one is
 * given). `wait()` and `notify()` need the lock held; `wait()` releases it while waiting and
 * holds it again when it returns, also when it is cancelled. `async with cond:` is
 * `await cond.withLock(async () => ...)`.
 */
export class Condition extends LoopBound {
  _lock: Lock;
  _waiters: Future<boolean>[] = [];

  constructor(lock?: Lock) {
    super();
    if (lock !== undefined && !(lock instanceof Lock)) {
      throw new TypeError(`new Condition(): expected a Lock or nothing, got ${describeValue(lock)}`);
    }
    this._lock = lock ?? new Lock();
  }

  locked(): boolean {
    return this._lock.locked();
  }

  acquire(): Coroutine<true> {
    return this._lock.acquire();
  }

  _acquireGen(): Generator<unknown, true, unknown> {
    return this._lock._acquireGen();
  }

  release(): void {
    this._lock.release();
  }

  /** Runs `body` holding the underlying lock and returns what it returns. */
  withLock<R>(body: () => PromiseLike<R> | R): Coroutine<R> {
    if (typeof body !== "function") throw new TypeError(`Condition.withLock(): expected a function, got ${describeValue(body)}`);
    return coro("Condition.withLock", holding(this, body));
  }

  /** Releases the lock, waits for a notify, re-acquires the lock; resolves with true. */
  wait(): Coroutine<true> {
    return coro("Condition.wait", this._waitGen());
  }

  *_waitGen(): Generator<unknown, true, unknown> {
    if (!this.locked()) {
      throw new Error(`cannot wait on un-acquired lock: Condition.wait() on ${this}; acquire it first (withLock)`);
    }
    try {
      this.release();
      try {
        const fut = new Future<boolean>({ loop: this._getLoop("Condition.wait") });
        this._waiters.push(fut);
        try {
          yield fut;
          return true;
        } finally {
          removeItem(this._waiters, fut);
        }
      } finally {
        // The lock must be held again whatever happened, even if cancelled meanwhile.
        let cancelled: CancelledError | null = null;
        for (;;) {
          try {
            yield* this._lock._acquireGen();
            break;
          } catch (error) {
            if (!(error instanceof CancelledError)) throw error;
            cancelled = error;
          }
        }
        if (cancelled !== null) throw cancelled;
      }
    } catch (error) {
      // We may have consumed a notification without acting on it: pass it to another waiter.
      this._notify(1);
      throw error;
    }
  }

  /** Waits until `predicate()` is truthy (checked first, then after each notify); returns its value. */
  waitFor<R>(predicate: () => R): Coroutine<R> {
    if (typeof predicate !== "function") throw new TypeError(`Condition.waitFor(): expected a function, got ${describeValue(predicate)}`);
    const self = this;
    return coro("Condition.waitFor", (function* () {
      let result = predicate();
      while (!result) {
        yield* self._waitGen();
        result = predicate();
      }
      return result;
    })());
  }

  /** Wakes up to `n` waiting tasks; needs the lock held. */
  notify(n = 1): void {
    if (!this.locked()) {
      throw new Error(`cannot notify on un-acquired lock: Condition.notify() on ${this}; acquire it first (withLock)`);
    }
    this._notify(n);
  }

  notifyAll(): void {
    if (!this.locked()) {
      throw new Error(`cannot notify on un-acquired lock: Condition.notifyAll() on ${this}; acquire it first (withLock)`);
    }
    this._notify(this._waiters.length);
  }

  _notify(n: number): void {
    let woken = 0;
    for (const fut of this._waiters) {
      if (woken >= n) break;
      if (!fut.done()) {
        woken++;
        fut.setResult(false);
      }
    }
  }

  override toString(): string {
    return `<Condition [${this.locked() ? "locked" : "unlocked"}${this._waiters.length > 0 ? `, waiters:${this._waiters.length}` : ""}]>`;
  }
}
