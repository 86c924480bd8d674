import { Future } from "./future.js";
import { LoopBound, coro, removeItem } from "./loop-bound.js";
import type { Coroutine } from "./coroutine.js";

/**
 * A flag tasks can wait for (asyncio's `Event`): `set()` wakes every waiter, in the order they
 * started waiting; `wait()` returns at once while the flag is set.
 */
export class Event extends LoopBound {
  _waiters: Future<boolean>[] = [];
  _value = false;

  isSet(): boolean {
    return this._value;
  }

  set(): void {
    if (this._value) return;
    this._value = true;
    for (const fut of this._waiters) if (!fut.done()) fut.setResult(true);
  }

  clear(): void {
    this._value = false;
  }

  /** Resolves with true once the flag is set. */
  wait(): Coroutine<true> {
    return coro("Event.wait", this._waitGen());
  }

  *_waitGen(): Generator<unknown, true, unknown> {
    if (this._value) return true;
    const fut = new Future<boolean>({ loop: this._getLoop("Event.wait") });
    this._waiters.push(fut);
    try {
      yield fut;
      return true;
    } finally {
      removeItem(this._waiters, fut);
    }
  }

  override toString(): string {
    return `<Event [${this._value ? "set" : "unset"}${this._waiters.length > 0 ? `, waiters:${this._waiters.length}` : ""}]>`;
  }
}
