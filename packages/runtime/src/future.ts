import { CancelledError, InvalidStateError, StopIteration } from "./errors.js";
import { _getRunningLoop, getEventLoop } from "./current-loop.js";
import { describeValue } from "./describe.js";
import type { EventLoop } from "./event-loop.js";
import { _noteCollected, _noteRetrieved, _noteUnretrieved, type UnretrievedRecord } from "./unretrieved-errors.js";

const enum FutureState {
  PENDING,
  CANCELLED,
  FINISHED,
}
const STATE_NAMES = ["pending", "cancelled", "finished"] as const;
const enum Failure {
  NOT_FAILED,
  FAILED,
  UNRETRIEVED,
}

export type DoneCallback<F> = (future: F) => void;

export interface FutureOptions {
  loop?: EventLoop;
}

/** Reports a failed future nobody asked about once it is garbage: best effort, as asyncio's `__del__`. */
const neverRetrieved =
  typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry<{ loop: EventLoop; exception: unknown; what: string; record: UnretrievedRecord }>((info) => {
        _noteCollected(info.loop, info.record);
        if (info.loop.isClosed()) return;
        info.loop.callExceptionHandler({
          message: `${info.what} exception was never retrieved`,
          exception: info.exception,
        });
      })
    : null;

/**
 * Failed eager tasks that nobody waited for, and the rejected native promise standing for each:
 * code compiled with `start: "eager"` expects native promise behaviour, where Node reports a
 * rejection nobody handles (by default ending the process). The promise is handed to the first
 * `then`/`catch`/`finally`, and marked handled when the error is retrieved another way.
 */
const unhandledRejections = new WeakMap<Future<unknown>, Promise<unknown>>();

export function _rejectUnhandled(future: Future<unknown>, error: unknown): void {
  unhandledRejections.set(future, Promise.reject(error));
}

const ignore = (): void => {};

/** What a Task is to the futures it waits on: told as soon as the future is done. */
export interface FutureWaiter {
  _wakeup(future: Future<unknown>): void;
}

/** Stands in a future's callback list for a native promise made by `then`: settled, not scheduled. */
class PromiseBridge {
  constructor(
    readonly resolve: (value: unknown) => void,
    readonly reject: (reason: unknown) => void,
  ) {}
}

/**
 * A result that arrives later, bound to a loop (asyncio's `Future`). Done callbacks always run
 * through `loop.callSoon`, never synchronously, in the order they were added.
 */
export class Future<T = unknown> implements PromiseLike<T> {
  /** Marks futures for coroutines and tasks without an import (asyncio's `_asyncio_future_blocking`). */
  declare readonly _stepwiseFuture: true;

  // Few fields, because every Task is a Future and a program may hold 100k of them suspended.
  _loop: EventLoop;
  _state: number = FutureState.PENDING;
  /** The result; the error when failed; a CancelledError to raise again when cancelled (or undefined). */
  _result: unknown = undefined;
  /** NOT_FAILED, FAILED (error retrieved), or UNRETRIEVED (failed, nobody has read the error yet). */
  _failed: number = Failure.NOT_FAILED;
  /** Done callbacks, Tasks waiting on this future (told at completion, to queue their step), and promise bridges. */
  _callbacks: unknown[] | null = null;

  constructor(options?: FutureOptions) {
    this._loop = options?.loop ?? _getRunningLoop() ?? getEventLoop();
  }

  getLoop(): EventLoop {
    return this._loop;
  }

  done(): boolean {
    return this._state !== FutureState.PENDING;
  }

  cancelled(): boolean {
    return this._state === FutureState.CANCELLED;
  }

  /** The result; throws the future's error, CancelledError if cancelled, InvalidStateError if pending. */
  result(): T {
    if (this._state === FutureState.CANCELLED) throw this._makeCancelledError();
    if (this._state === FutureState.PENDING) {
      throw new InvalidStateError(`Result is not ready: ${this} is still pending; await it or add a done callback`);
    }
    if (this._failed !== Failure.NOT_FAILED) {
      this._retrieved();
      throw this._result;
    }
    return this._result as T;
  }

  /** The error the future finished with, or undefined; CancelledError if cancelled. */
  exception(): unknown {
    if (this._state === FutureState.CANCELLED) throw this._makeCancelledError();
    if (this._state === FutureState.PENDING) {
      throw new InvalidStateError(`Exception is not set: ${this} is still pending`);
    }
    this._retrieved();
    return this._failed !== Failure.NOT_FAILED ? this._result : undefined;
  }

  /**
   * The cancellation message. It lives in `_result`, which a cancelled future has no other use
   * for (a Task keeps it there while a cancellation waits to be delivered, too).
   */
  get _cancelMessage(): string | undefined {
    if (this._state === FutureState.FINISHED) return undefined; // there `_result` is the result
    const r = this._result;
    if (typeof r === "string") return r;
    return r instanceof CancelledError ? r.message || undefined : undefined;
  }

  set _cancelMessage(msg: string | undefined) {
    this._result = msg;
  }

  /** Failed, and nobody has read the error yet (asyncio's `_log_traceback`). */
  get _logTraceback(): boolean {
    return this._failed === Failure.UNRETRIEVED;
  }

  /** The error of a failed future (without retrieving it), else undefined. */
  get _exception(): unknown {
    return this._failed !== Failure.NOT_FAILED ? this._result : undefined;
  }

  setResult(value: T): void {
    if (this._state !== FutureState.PENDING) throw new InvalidStateError(`setResult() on ${this}: it is already done`);
    if (this._callbacks !== null) this._checkCanSchedule("setResult");
    this._finishWithResult(value);
  }

  /** setResult's work, without its checks (a Task finishing from `_step` calls it). */
  _finishWithResult(value: T): void {
    this._result = value;
    this._state = FutureState.FINISHED;
    this._scheduleCallbacks();
  }

  setException(exception: unknown): void {
    if (this._state !== FutureState.PENDING) throw new InvalidStateError(`setException() on ${this}: it is already done`);
    if (this._callbacks !== null) this._checkCanSchedule("setException");
    this._finishWithException(exception);
  }

  /** setException's work, without its checks (a Task failing from `_step` calls it). */
  _finishWithException(exception: unknown): void {
    if (typeof exception === "function" && exception.prototype instanceof Error) {
      exception = new (exception as new () => Error)();
    }
    if (exception instanceof StopIteration) {
      exception = new Error("StopIteration interacts badly with generators and cannot be raised into a Future", {
        cause: exception,
      });
    }
    this._result = exception;
    this._failed = Failure.UNRETRIEVED;
    this._state = FutureState.FINISHED;
    if (neverRetrieved !== null) {
      // V8 keeps an Error's call sites (their receivers and functions: this task's Handle and
      // _step) alive until its stack is formatted; the registry holds the error strongly, so
      // without this the future could never be collected and the report would never come.
      if (exception instanceof Error) {
        try {
          void exception.stack;
        } catch {
          // a throwing `stack` getter: nothing to format
        }
      }
      const record = _noteUnretrieved(this as Future<unknown>, exception);
      neverRetrieved.register(this, { loop: this._loop, exception, what: this.constructor.name, record }, this);
    }
    // Last: a promise bridge settled here retrieves the error, which must be recorded first.
    this._scheduleCallbacks();
  }

  /** Cancels a pending future and schedules its callbacks; false if it was already done. */
  cancel(msg?: string): boolean {
    this._retrieved();
    if (this._state !== FutureState.PENDING) return false;
    if (this._callbacks !== null) this._checkCanSchedule("cancel");
    this._finishCancelled(msg);
    return true;
  }

  /** cancel's work on a pending future, without its checks (a Task ending cancelled from `_step` calls it). */
  _finishCancelled(msg: string | undefined): void {
    this._state = FutureState.CANCELLED;
    // A Task ending with its own CancelledError keeps it, to raise it again.
    if (!(this._result instanceof CancelledError)) this._result = msg;
    this._scheduleCallbacks();
  }

  addDoneCallback(fn: DoneCallback<this>): void {
    if (typeof fn !== "function") {
      throw new TypeError(`addDoneCallback(): expected a function, got ${describeValue(fn)}`);
    }
    if (this._state !== FutureState.PENDING) this._loop.callSoon(fn, this);
    else this._addCallback(fn);
  }

  /**
   * Registers a Task to wake when this future is done (`waiter._wakeup(this)`, which queues its step), without
   * a closure per task: thousands of tasks may wait on one future.
   */
  _addWaiter(waiter: FutureWaiter): void {
    if (this._state !== FutureState.PENDING) waiter._wakeup(this as Future<unknown>);
    else this._addCallback(waiter);
  }

  _removeWaiter(waiter: FutureWaiter): void {
    const cbs = this._callbacks;
    if (cbs === null) return;
    const i = cbs.indexOf(waiter);
    if (i < 0) return;
    if (cbs.length === 1) this._callbacks = null;
    else cbs.splice(i, 1);
  }

  private _addCallback(entry: unknown): void {
    if (this._callbacks === null) this._callbacks = [entry];
    else this._callbacks.push(entry);
  }

  /** Removes every registration of `fn`; returns how many there were. */
  removeDoneCallback(fn: DoneCallback<this>): number {
    const cbs = this._callbacks;
    if (cbs === null) return 0;
    const kept = cbs.filter((cb) => cb !== (fn as unknown));
    this._callbacks = kept.length === 0 ? null : kept;
    return cbs.length - kept.length;
  }

  /**
   * Lets code that was not compiled `await` a future (the loop still has to run for it to finish).
   * The promise settles as soon as the future is done, not on the loop's next iteration as done
   * callbacks run, so promise code sees the timing it would see with a native promise.
   */
  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this._promise().then(onFulfilled, onRejected);
  }

  /** As a promise's `catch`. */
  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this._promise().then(undefined, onRejected);
  }

  /** As a promise's `finally`. */
  finally(onFinally?: (() => void) | null): Promise<T> {
    return this._promise().finally(onFinally);
  }

  /** A native promise of the outcome (reading it counts as retrieving the error). */
  _promise(): Promise<T> {
    if (this._state !== FutureState.PENDING) {
      const rejection = unhandledRejections.get(this as Future<unknown>);
      if (rejection !== undefined) {
        unhandledRejections.delete(this as Future<unknown>);
        this._retrieved();
        return rejection as Promise<T>;
      }
      try {
        return Promise.resolve(this.result());
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return new Promise<T>((resolve, reject) => this._addCallback(new PromiseBridge(resolve as (value: unknown) => void, reject)));
  }

  toString(): string {
    return `<${this.constructor.name} ${this._describeState()}>`;
  }

  _describeState(): string {
    if (this._state === FutureState.FINISHED) {
      return this._failed !== Failure.NOT_FAILED ? `finished exception=${describeValue(this._result)}` : `finished result=${describeValue(this._result)}`;
    }
    return STATE_NAMES[this._state]!;
  }

  /** The CancelledError to raise: the one the task ended with (once), else a new one. */
  _makeCancelledError(): CancelledError {
    const saved = this._result;
    if (saved instanceof CancelledError) {
      this._result = saved.message || undefined;
      return saved;
    }
    return new CancelledError(this._cancelMessage);
  }

  /**
   * Callbacks cannot be scheduled on a closed loop: refuse before the state changes, so the call
   * fails naming itself and the future is left as it was (not done with its callbacks lost).
   */
  _checkCanSchedule(method: string): void {
    if (this._loop.isClosed()) {
      throw new Error(`${method}() on ${this}: its event loop is closed, so its done callbacks cannot be scheduled`);
    }
  }

  _scheduleCallbacks(): void {
    const cbs = this._callbacks;
    if (cbs === null) return;
    this._callbacks = null;
    const loop = this._loop;
    for (let i = 0; i < cbs.length; i++) {
      const cb = cbs[i];
      if (typeof cb === "function") {
        loop.callSoon(cb as (future: this) => void, this);
      } else if (cb instanceof PromiseBridge) {
        try {
          cb.resolve(this.result());
        } catch (error) {
          cb.reject(error);
        }
      } else {
        (cb as FutureWaiter)._wakeup(this as Future<unknown>);
      }
    }
  }

  _retrieved(): void {
    if (this._failed === Failure.UNRETRIEVED) {
      this._failed = Failure.FAILED;
      const rejection = unhandledRejections.get(this as Future<unknown>);
      if (rejection !== undefined) {
        unhandledRejections.delete(this as Future<unknown>);
        rejection.catch(ignore);
      }
      neverRetrieved?.unregister(this);
      _noteRetrieved(this as Future<unknown>);
    }
  }
}
(Future.prototype as { _stepwiseFuture: true })._stepwiseFuture = true;

export function isFuture(x: unknown): x is Future<unknown> {
  return x !== null && typeof x === "object" && (x as { _stepwiseFuture?: unknown })._stepwiseFuture === true;
}
