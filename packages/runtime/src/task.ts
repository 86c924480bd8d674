import { CREATED, Coroutine, RETURN, SUSPEND, THROW, _setTaskWrapper } from "./coroutine.js";
import { CancelledError, InvalidStateError } from "./errors.js";
import { Future, isFuture } from "./future.js";
import { getEventLoop } from "./current-loop.js";
import { describeValue, notACoroutine, thenOf } from "./describe.js";
import type { EventLoop } from "./event-loop.js";
import type { Handle } from "./handle.js";
import { _recordTaskOrigin } from "./creation-stack.js";

export interface TaskOptions {
  loop?: EventLoop;
  name?: string;
  /**
   * Run the first step now, inside the constructor, instead of queueing it (asyncio's
   * `eager_start`): the coroutine runs up to its first real suspension before `new Task` returns,
   * and a coroutine that finishes without suspending gives a task that is already done.
   */
  eagerStart?: boolean;
}

/** Passed as `_step`'s error argument when there is no error, so any value can be thrown. */
const NO_ERROR: unique symbol = Symbol("no error");
/** Stands for a thrown `undefined`, which the default parameter would otherwise turn into NO_ERROR. */
const THROWN_UNDEFINED: unique symbol = Symbol("thrown undefined");

/** `_step`'s error argument for an error the loop delivers. */
function asStepError(error: unknown): unknown {
  return error === undefined ? THROWN_UNDEFINED : error;
}

let taskCounter = 0;

/**
 * Drives a coroutine on a loop, one `_step` per loop iteration, as asyncio's Task.
 *
 * Invariant: while a task is not done it is in exactly one of three states —
 *   waiting:  `_futWaiter` is a pending Future, or `_hostWait` a pending thenable; no step queued;
 *   runnable: `_stepHandle` is a step queued on the loop;
 *   running:  inside `_step`.
 * Only the waiter's completion (`_wakeup`, or the thenable settling) moves waiting to runnable,
 * and only `_step` finishes the task.
 */
export class Task<T = unknown> extends Future<T> {
  _coro: Coroutine<T>;
  _name: string;
  _stepHandle: Handle | null = null;
  _futWaiter: Future<unknown> | null = null;
  _hostWait: PromiseLike<unknown> | null = null;
  /** Bumped whenever a thenable wait is abandoned, so its late settlement is ignored. */
  _waitToken = 0;
  _mustCancel = false;
  _numCancelsRequested = 0;
  /** Told of each accepted cancel request (abort-signal.ts); on the prototype, so other tasks carry nothing. */
  declare _onCancelRequest: ((msg: string | undefined) => void) | null;

  constructor(coro: Coroutine<T>, options?: TaskOptions) {
    if (!((coro as unknown) instanceof Coroutine)) throw notACoroutine("new Task", coro);
    super(options);
    // Checked here, before anything changes: otherwise the error would name callSoon().
    this._loop._checkClosed("new Task");
    this._coro = coro;
    // As asyncio's str(name), and as setName does.
    this._name = options?.name !== undefined ? String(options.name) : `Task-${++taskCounter}`;
    const loop = this._loop;
    const eager = options?.eagerStart === true && coro._state === CREATED && coro._owner === null;
    if (coro._owner === null && coro.state === "suspended") {
      // Stepped by hand before: take over its await, so it resumes with what it waits for.
      this._waitOn(coro._awaiting);
    } else if (!eager) {
      this._stepHandle = loop.callSoon(this._step);
    }
    loop._tasks.add(this as Task<unknown>);
    if (loop._debug) _recordTaskOrigin(this);
    if (eager) this._eagerStep();
  }

  /**
   * The first step, run at once. It may be called from inside another task's step (an eager
   * call made by a running coroutine): that task stays the loop's current task again afterwards,
   * as asyncio swaps the current task around an eager start.
   */
  private _eagerStep(): void {
    const loop = this._loop;
    const outer = loop._currentTask;
    loop._currentTask = null;
    try {
      this._step();
    } finally {
      loop._currentTask = outer;
    }
  }

  /**
   * Runs the coroutine once: sends `value` into it, or throws `error` into it, and acts on what it
   * does next. Called by the loop through the queued Handle; calling it by hand (the seed's
   * `task._step()`) consumes that queued step, so the loop never steps the task twice.
   */
  _step = (value?: unknown, error: unknown = NO_ERROR): void => {
    if (this._state !== 0) {
      throw new InvalidStateError(`_step(): already done: ${this}; a finished task cannot be stepped`);
    }
    const loop = this._loop;
    const previous = loop._currentTask;
    if (previous !== null) {
      throw new Error(
        `Cannot enter into task ${this} while another task ${previous} is being executed; ` +
          `step tasks by hand only from outside the loop's tasks`,
      );
    }
    const coro = this._coro;
    if (coro._state === CREATED && value !== undefined && error === NO_ERROR && coro._owner === null) {
      // As Coroutine.send: a coroutine that never ran has no await to receive a value. Only a
      // step by hand can get here (the loop sends values only after a suspension); refuse it
      // before anything changes, rather than silently dropping the value.
      throw new TypeError(
        `_step(): can't send non-undefined value to a just-started coroutine: ${this} has not run yet; ` +
          `call _step() (with no value) first`,
      );
    }
    if (this._stepHandle !== null) {
      if (this._stepHandle !== loop._currentHandle) this._stepHandle.cancel();
      this._stepHandle = null;
    }
    if (this._futWaiter !== null) {
      // Stepped by hand while waiting: stop listening, the step happens now instead.
      this._futWaiter.removeDoneCallback(this._wakeup);
      this._futWaiter = null;
    }
    if (this._hostWait !== null) this._abandonHostWait();
    if (this._mustCancel) {
      if (!(error instanceof CancelledError)) error = this._makeCancelledError();
      this._mustCancel = false;
    }

    loop._currentTask = this as Task<unknown>;
    let outcome;
    try {
      const misuse = coro._misuse("_step");
      if (misuse !== null) {
        // The coroutine cannot run (finished, or driven elsewhere): that is the task's error.
        coro._value = misuse;
        outcome = THROW;
      } else {
        outcome = error === NO_ERROR
          ? coro._resume(false, value)
          : coro._resume(true, error === THROWN_UNDEFINED ? undefined : error);
      }
    } finally {
      loop._currentTask = null;
    }

    if (outcome === SUSPEND) {
      this._waitOn(coro._awaiting);
      return;
    }
    const v = coro._value;
    coro._value = undefined;
    loop._tasks.delete(this as Task<unknown>);
    if (outcome === RETURN) {
      if (this._mustCancel) {
        this._mustCancel = false;
        this._finishCancelled(this._cancelMessage);
      } else {
        this._finishWithResult(v as T);
      }
    } else if (v instanceof CancelledError) {
      this._cancelledExc = v;
      this._finishCancelled(v.message || undefined);
    } else {
      this._finishWithException(v);
    }
  };

  /** Done callback of the Future the task waits on. */
  _wakeup = (future: Future<unknown>): void => {
    // A wakeup queued before the task was stepped by hand is stale: that step already replaced the wait.
    if (future !== this._futWaiter) return;
    this._futWaiter = null;
    let value: unknown;
    try {
      value = future.result();
    } catch (error) {
      this._step(undefined, asStepError(error));
      return;
    }
    this._step(value);
  };

  private _waitOn(awaited: unknown): void {
    const loop = this._loop;
    if (isFuture(awaited)) {
      if (awaited._loop !== loop) {
        this._stepHandle = loop.callSoon(
          this._step,
          undefined,
          new Error(`Task ${this} got Future ${awaited} attached to a different loop; create it on the task's loop`),
        );
      } else if (awaited === this) {
        this._stepHandle = loop.callSoon(this._step, undefined, new Error(`Task cannot await on itself: ${this}`));
      } else {
        awaited.addDoneCallback(this._wakeup);
        this._futWaiter = awaited;
        if (this._mustCancel && awaited.cancel(this._cancelMessage)) this._mustCancel = false;
      }
      return;
    }
    let then: unknown;
    try {
      then = thenOf(awaited);
    } catch (error) {
      // A `then` getter that throws: the await throws it, as it would natively.
      this._stepHandle = loop.callSoon(this._step, undefined, asStepError(error));
      return;
    }
    if (typeof then === "function") {
      const token = ++this._waitToken;
      this._hostWait = awaited as PromiseLike<unknown>;
      loop._hostWaits++;
      const settle = (value: unknown, error: unknown): void => {
        // Only the first settlement counts, as for a promise; a late one (wait abandoned) is ignored.
        if (token !== this._waitToken || loop.isClosed()) return;
        this._waitToken++;
        this._hostWait = null;
        loop._hostWaits--;
        this._stepHandle = loop.callSoon(this._step, value, error);
      };
      try {
        (then as PromiseLike<unknown>["then"]).call(
          awaited,
          (v) => settle(v, NO_ERROR),
          (e) => settle(undefined, asStepError(e)),
        );
      } catch (error) {
        if (token === this._waitToken) {
          this._abandonHostWait();
          this._stepHandle = loop.callSoon(this._step, undefined, asStepError(error));
        }
      }
    } else {
      // A bare value: give up one loop iteration (asyncio.sleep(0)), then resume with it.
      this._stepHandle = loop.callSoon(this._step, awaited);
    }
  }

  private _abandonHostWait(): void {
    this._hostWait = null;
    this._waitToken++;
    this._loop._hostWaits--;
  }

  /**
   * Asks the task to stop: CancelledError is raised at the await it is suspended on (cancelling
   * the Future it waits on), or at its next step. Returns false if it is already done.
   */
  override cancel(msg?: string): boolean {
    // As asyncio: cancelling a task, even a finished one, counts as retrieving its error.
    this._retrieved();
    if (this._state !== 0) return false;
    if (this._loop._closed) {
      // Refused before anything changes: nothing can deliver the cancellation any more.
      throw new Error(
        `cancel() on ${this}: its event loop is closed, so the task can never run again to be cancelled; ` +
          `cancel pending tasks and run the loop before closing it (as run() does)`,
      );
    }
    this._numCancelsRequested++;
    if (this._onCancelRequest !== null) this._onCancelRequest(msg);
    if (this._futWaiter !== null && this._futWaiter.cancel(msg)) return true;
    this._mustCancel = true;
    this._cancelMessage = msg;
    if (this._hostWait !== null) {
      // A native promise cannot be cancelled: stop waiting for it and deliver the cancellation now.
      this._abandonHostWait();
      this._stepHandle = this._loop.callSoon(this._step);
    }
    return true;
  }

  /** How many cancellation requests are pending (asyncio's `cancelling()`). */
  cancelling(): number {
    return this._numCancelsRequested;
  }

  /** Takes back one cancellation request; at 0 a cancellation not yet delivered is dropped. */
  uncancel(): number {
    if (this._numCancelsRequested > 0) {
      this._numCancelsRequested--;
      if (this._numCancelsRequested === 0) this._mustCancel = false;
    }
    return this._numCancelsRequested;
  }

  override setResult(): never {
    throw new Error(`Task does not support setResult operation: ${this} finishes when its coroutine returns`);
  }

  override setException(): never {
    throw new Error(`Task does not support setException operation: ${this} fails when its coroutine throws`);
  }

  getName(): string {
    return this._name;
  }

  setName(name: string): void {
    this._name = String(name);
  }

  getCoro(): Coroutine<T> {
    return this._coro;
  }

  /** The coroutines of the task's chain of inline awaits, outermost first (empty once done). */
  getStack(): readonly Coroutine<unknown>[] {
    if (this.done()) return [];
    return this._coro.chain;
  }

  override toString(): string {
    let s = `<Task ${this._describeState()} name='${this._name}' coro=${this._coro}`;
    if (this._futWaiter !== null) s += ` wait_for=${this._futWaiter}`;
    else if (this._hostWait !== null) s += ` wait_for=${describeValue(this._hostWait)}`;
    return s + ">";
  }
}

(Task.prototype as { _onCancelRequest: null })._onCancelRequest = null;

_setTaskWrapper((co) => new Task(co, { loop: getEventLoop() }));
