import { CancelledError } from "./errors.js";
import { Future } from "./future.js";
import { holding } from "./lock.js";
import { LoopBound, coro, removeItem } from "./loop-bound.js";
import { describeValue } from "./describe.js";
import type { Coroutine } from "./coroutine.js";

/**
 * A counter of permits for tasks (asyncio's `Semaphore`), FIFO-fair: while tasks wait, a new
 * `acquire()` queues behind them even if a permit is free. `async with sem:` is
 * `await sem.withLock(async () => ...)`.
 */
export class Semaphore extends LoopBound {
  _waiters: Future<boolean>[] | null = null;
  _value: number;

  constructor(value = 1) {
    super();
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
      throw new RangeError(`Semaphore initial value must be an integer >= 0: new ${new.target.name}() got ${describeValue(value)}`);
    }
    this._value = value;
  }

  /** True if `acquire()` would wait: no permit, or others are already waiting. */
  locked(): boolean {
    return this._value === 0 || (this._waiters !== null && this._waiters.some((w) => !w.cancelled()));
  }

  acquire(): Coroutine<true> {
    return coro(`${this.constructor.name}.acquire`, this._acquireGen());
  }

  *_acquireGen(): Generator<unknown, true, unknown> {
    if (!this.locked()) {
      this._value--;
      return true;
    }
    const waiters = (this._waiters ??= []);
    const fut = new Future<boolean>({ loop: this._getLoop(`${this.constructor.name}.acquire`) });
    waiters.push(fut);
    try {
      try {
        yield fut;
      } finally {
        removeItem(waiters, fut);
      }
    } catch (error) {
      // Handed a permit, then cancelled before using it: give the permit back.
      if (error instanceof CancelledError && fut.done() && !fut.cancelled()) this._value++;
      throw error;
    } finally {
      // Waiters that arrived meanwhile had to queue behind us: wake as many as permits allow.
      while (this._value > 0 && this._wakeUpNext());
    }
    return true;
  }

  /** Gives a permit back, waking the first waiter. */
  release(): void {
    this._value++;
    this._wakeUpNext();
  }

  /** Runs `body` holding a permit and returns what it returns. */
  withLock<R>(body: () => PromiseLike<R> | R): Coroutine<R> {
    if (typeof body !== "function") throw new TypeError(`${this.constructor.name}.withLock(): expected a function, got ${describeValue(body)}`);
    return coro(`${this.constructor.name}.withLock`, holding(this, body));
  }

  _wakeUpNext(): boolean {
    if (this._waiters === null) return false;
    for (const fut of this._waiters) {
      if (!fut.done()) {
        this._value--;
        fut.setResult(true);
        return true;
      }
    }
    return false;
  }

  override toString(): string {
    const n = this._waiters?.length ?? 0;
    return `<${this.constructor.name} [${this.locked() ? "locked" : `unlocked, value:${this._value}`}${n > 0 ? `, waiters:${n}` : ""}]>`;
  }
}

/** A Semaphore that refuses to be released above its initial value (asyncio's `BoundedSemaphore`). */
export class BoundedSemaphore extends Semaphore {
  _boundValue: number;

  constructor(value = 1) {
    super(value);
    this._boundValue = value;
  }

  override release(): void {
    if (this._value >= this._boundValue) {
      throw new RangeError(
        `BoundedSemaphore released too many times: release() on ${this} would exceed its initial value ${this._boundValue}; ` +
          `release only what you acquired`,
      );
    }
    super.release();
  }
}
