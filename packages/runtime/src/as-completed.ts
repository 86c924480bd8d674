import { Coroutine } from "./coroutine.js";
import { Future, isFuture } from "./future.js";
import { _ensureFuture } from "./ensure-future.js";
import { Queue } from "./queue.js";
import { TimeoutError } from "./timeout.js";
import { callerLoop, coro, type Awaitable } from "./loop-bound.js";
import { describeValue, isThenable } from "./describe.js";
import type { TimerHandle } from "./handle.js";

/**
 * What `asCompleted` returns (asyncio's `_AsCompletedIterator`). Iterated plainly it gives one
 * coroutine per awaitable, each resolving with the next result to arrive (or throwing its error);
 * iterated with `for await` (uncompiled code) it gives the Futures themselves, in completion order.
 * Past the timeout, the next one throws TimeoutError.
 */
export class AsCompleted<T> implements Iterable<Coroutine<T>>, AsyncIterable<Future<T>> {
  _done = new Queue<Future<T> | null>();
  _todo: Set<Future<T>>;
  _todoLeft: number;
  _timer: TimerHandle | null = null;
  _timeout: number | null;

  constructor(aws: Iterable<Awaitable<T>>, timeout: number | null) {
    const loop = callerLoop();
    const todo = new Set<Future<T>>();
    for (const aw of new Set(aws)) todo.add(_ensureFuture(aw, loop, "asCompleted"));
    for (const f of todo) f.addDoneCallback(this._onCompletion);
    if (todo.size > 0 && timeout !== null) this._timer = loop.callLater(timeout, this._onTimeout);
    this._todo = todo;
    this._todoLeft = todo.size;
    this._timeout = timeout;
  }

  [Symbol.iterator](): Iterator<Coroutine<T>> {
    return { next: () => this.next() };
  }

  [Symbol.asyncIterator](): AsyncIterator<Future<T>> {
    return {
      next: () =>
        this._todoLeft === 0
          ? Promise.resolve({ done: true, value: undefined })
          : (this._todoLeft--, Promise.resolve(coro("AsCompleted.next", this._waitForOne(false) as Generator<unknown, IteratorResult<Future<T>>, unknown>))),
    };
  }

  /** The next coroutine, resolving with the next result to arrive. */
  next(): IteratorResult<Coroutine<T>, undefined> {
    if (this._todoLeft === 0) return { done: true, value: undefined };
    this._todoLeft--;
    return { done: false, value: coro("AsCompleted.next", this._waitForOne(true) as Generator<unknown, T, unknown>) };
  }

  *_waitForOne(resolve: boolean): Generator<unknown, unknown, unknown> {
    const f = yield* this._done._getGen();
    if (f === null) throw new TimeoutError(`asCompleted(): the timeout (${this._timeout} ms) passed before this result arrived`);
    return resolve ? f.result() : { done: false, value: f };
  }

  _onTimeout = (): void => {
    for (const f of this._todo) {
      f.removeDoneCallback(this._onCompletion);
      this._done.putNowait(null);
    }
    this._todo.clear();
  };

  _onCompletion = (f: Future<T>): void => {
    if (this._todo.size === 0) return;
    this._todo.delete(f);
    this._done.putNowait(f);
    if (this._todo.size === 0) this._timer?.cancel();
  };
}

export interface AsCompletedOptions {
  /** Milliseconds of the loop's clock; null or absent: no limit. */
  timeout?: number | null;
}

/**
 * Runs the awaitables concurrently and hands out their results in the order they complete
 * (asyncio's `as_completed`): `for (const next of asCompleted(aws)) { const r = await next; }`.
 */
export function asCompleted<T>(aws: Iterable<Awaitable<T>>, options?: AsCompletedOptions): AsCompleted<T> {
  if (aws === null || typeof aws !== "object" || isFuture(aws) || aws instanceof Coroutine || isThenable(aws) || typeof (aws as Iterable<unknown>)[Symbol.iterator] !== "function") {
    throw new TypeError(`asCompleted(): expects an iterable of awaitables, not ${describeValue(aws)}`);
  }
  const timeout = options?.timeout ?? null;
  if (timeout !== null && (typeof timeout !== "number" || Number.isNaN(timeout))) {
    throw new TypeError(`asCompleted(): timeout must be a number of milliseconds or null, got ${describeValue(timeout)}`);
  }
  return new AsCompleted<T>(aws, timeout);
}
