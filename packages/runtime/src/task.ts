import { Coroutine, Outcome, State, _setTaskWrapper, isDrivable, type ResumeOutcome } from "./coroutine.js";
import { CancelledError, InvalidStateError } from "./errors.js";
import { Future, _rejectUnhandled, isFuture, type FutureWaiter } from "./future.js";
import { getEventLoop } from "./current-loop.js";
import { describeValue, notACoroutine, thenOf } from "./describe.js";
import type { EventLoop } from "./event-loop.js";
import { Handle } from "./handle.js";
import { _recordTaskOrigin } from "./creation-stack.js";
import { hostMicrotask } from "./host-timers.js";

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

const NO_ARGS: readonly unknown[] = [];
const PROMISE_THEN = Promise.prototype.then;

/** A promise whose `await` calls no user code: made by Promise itself, with the builtin `then`. */
function isPlainPromise(x: unknown, then: unknown): boolean {
  if (then !== PROMISE_THEN || !(x instanceof Promise)) return false;
  try {
    return (x as { constructor?: unknown }).constructor === Promise;
  } catch {
    return false;
  }
}

/** `_step`'s error argument for an error the loop delivers. */
function asStepError(error: unknown): unknown {
  return error === undefined ? THROWN_UNDEFINED : error;
}

let taskCounter = 0;

/**
 * The Handle of a task's step (asyncio's `call_soon(self.__step, ...)`): its callback is the
 * task's `_step`, called on the task with the value or error to deliver. It holds the task rather
 * than a function bound to it, which would cost every task a closure.
 */
export class TaskStep extends Handle {
  constructor(
    readonly _task: Task<unknown>,
    public _value: unknown,
    public _error: unknown,
  ) {
    super(Task.prototype._step as (...args: never[]) => unknown, NO_ARGS, _task._loop);
  }

  override _run(): void {
    if (this._cancelled) return;
    try {
      this._task._step(this._value, this._error);
    } catch (exception) {
      this._reportException(this._callback, exception);
    }
  }

  override cancel(): void {
    super.cancel();
    this._value = undefined;
  }
}

/**
 * A wait on a thenable, which becomes the Handle of the step that resumes the task once it
 * settles. Its identity tells the current wait from an abandoned one, whose late settlement must
 * be ignored; so a new wait gets a new object, but for the reuse `_reusableWait` allows.
 */
export class HostWait extends TaskStep {
  /** The reactions given to `then`, made once per HostWait: a reused wait subscribes with them again. */
  readonly _onValue: (value: unknown) => void;
  readonly _onError: (error: unknown) => void;

  constructor(
    task: Task<unknown>,
    public thenable: PromiseLike<unknown>,
    /** A plain promise: settles from a promise job, exactly once, with a value that is never a thenable. */
    readonly _plain: boolean,
  ) {
    super(task, undefined, NO_ERROR);
    this._onValue = (v) => task._hostSettled(this, v, NO_ERROR);
    this._onError = (e) => task._hostSettled(this, undefined, asStepError(e));
  }
}

const enum Flag {
  MUST_CANCEL = 1,
  EAGER = 2,
}

/**
 * Drives a coroutine on a loop, one `_step` per loop iteration, as asyncio's Task.
 *
 * Invariant: while a task is not done it is in exactly one of three states —
 *   waiting:  `_waiter` is a pending Future, or a HostWait for a pending thenable; no step queued;
 *   runnable: `_stepHandle` is a step queued on the loop;
 *   running:  inside `_step`.
 * Only the waiter's completion (`_wakeup`, or the thenable settling) moves waiting to runnable,
 * and only `_step` finishes the task.
 */
export class Task<T = unknown> extends Future<T> implements FutureWaiter {
  // Few fields and no closures but `_step`: a program may hold 100k tasks suspended.
  _coro: Coroutine<T>;
  /** The name given, or the number of a default name `Task-N` (made into a string when asked for). */
  _name: string | number;
  _stepHandle: Handle | null = null;
  /** What the task waits on: a Future, or a HostWait for a thenable only the host can settle. */
  _waiter: Future<unknown> | HostWait | null = null;
  _numCancelsRequested = 0;
  /** MUST_CANCEL (a cancellation to deliver at the next step) and EAGER (started with eagerStart). */
  _flags = 0;
  /** Neighbours in the loop's list of pending tasks (task-list.ts). */
  _prevTask: Task<unknown> | null = null;
  _nextTask: Task<unknown> | null = null;
  /** Told of each accepted cancel request (abort-signal.ts); on the prototype, so other tasks carry nothing. */
  declare _onCancelRequest: ((msg: string | undefined) => void) | null;

  constructor(coro: Coroutine<T>, options?: TaskOptions) {
    if (!((coro as unknown) instanceof Coroutine)) throw notACoroutine("new Task", coro);
    super(options);
    // Checked here, before anything changes: otherwise the error would name callSoon().
    this._loop._checkClosed("new Task");
    this._coro = coro;
    // As asyncio's str(name), and as setName does.
    this._name = options?.name !== undefined ? String(options.name) : ++taskCounter;
    const loop = this._loop;
    const eager = options?.eagerStart === true && coro._state === State.CREATED && coro._owner === null;
    if (coro._owner === null && coro._state === State.SUSPENDED) {
      // Stepped by hand before: take over its await, so it resumes with what it waits for.
      this._waitOn(coro._value);
    } else if (!eager) {
      // The seed's `loop.callSoon(task._step)`: a TaskStep is the Handle of this task's `_step`.
      this._stepHandle = this._callSoonStep(undefined, NO_ERROR);
    }
    loop._tasks.add(this as Task<unknown>);
    if (loop._debug) _recordTaskOrigin(this);
    if (eager) {
      this._flags |= Flag.EAGER;
      this._eagerStep();
    }
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
   * does next. Called by the loop through the queued TaskStep; calling it by hand (the seed's
   * `task._step()`) consumes that queued step, so the loop never steps the task twice.
   */
  _step(value?: unknown, error: unknown = NO_ERROR): void {
    // Kept under V8's inlining limit, as Coroutine._resume is: checks and endings are methods.
    const loop = this._loop;
    const coro = this._coro;
    if (this._state !== 0 || loop._closed || loop._currentTask !== null || (coro._state === State.CREATED && value !== undefined)) {
      this._checkStep(value, error);
    }
    if (this._stepHandle !== null) {
      if (this._stepHandle !== loop._currentHandle) this._stepHandle.cancel();
      this._stepHandle = null;
    }
    if (this._waiter !== null) this._stopWaiting();
    if ((this._flags & Flag.MUST_CANCEL) !== 0) {
      if (!(error instanceof CancelledError)) error = this._makeCancelledError();
      this._flags &= ~Flag.MUST_CANCEL;
    }

    loop._currentTask = this as Task<unknown>;
    let outcome: ResumeOutcome;
    try {
      if (isDrivable(coro)) {
        outcome = error === NO_ERROR
          ? coro._resume(false, value)
          : coro._resume(true, error === THROWN_UNDEFINED ? undefined : error);
      } else {
        // The coroutine cannot run (finished, or driven elsewhere): that is the task's error.
        coro._value = coro._misuse("_step");
        outcome = Outcome.THROW;
      }
    } finally {
      loop._currentTask = null;
    }
    if (outcome === Outcome.SUSPEND) this._waitOn(coro._value);
    else this._end(outcome);
  }

  /** Throws if `_step(value, error)` may not run now; the checks a step by hand can fail. */
  private _checkStep(value: unknown, error: unknown): void {
    if (this._state !== 0) {
      throw new InvalidStateError(`_step(): already done: ${this}; a finished task cannot be stepped`);
    }
    const loop = this._loop;
    // By hand on a closed loop's task: refuse before the coroutine runs, or its next step could not be queued.
    if (loop._closed) loop._checkClosed("_step");
    const previous = loop._currentTask;
    if (previous !== null) {
      throw new Error(
        `Cannot enter into task ${this} while another task ${previous} is being executed; ` +
          `step tasks by hand only from outside the loop's tasks`,
      );
    }
    const coro = this._coro;
    if (coro._state === State.CREATED && value !== undefined && error === NO_ERROR && coro._owner === null) {
      // As Coroutine.send: a coroutine that never ran has no await to receive a value. Only a
      // step by hand can get here (the loop sends values only after a suspension); refuse it
      // before anything changes, rather than silently dropping the value.
      throw new TypeError(
        `_step(): can't send non-undefined value to a just-started coroutine: ${this} has not run yet; ` +
          `call _step() (with no value) first`,
      );
    }
  }

  /** Stepped by hand while waiting: stop listening, the step happens now instead. */
  private _stopWaiting(): void {
    const waiter = this._waiter!;
    if (waiter instanceof HostWait) {
      this._abandonHostWait();
    } else {
      waiter._removeWaiter(this);
      this._waiter = null;
    }
  }

  /** The coroutine returned or threw (its outcome in `_value`): the task finishes with it. */
  private _end(outcome: Outcome.RETURN | Outcome.THROW): void {
    const coro = this._coro;
    const v = coro._value;
    coro._value = undefined;
    this._loop._tasks.delete(this as Task<unknown>);
    if (outcome === Outcome.RETURN) {
      if ((this._flags & Flag.MUST_CANCEL) !== 0) {
        this._flags &= ~Flag.MUST_CANCEL;
        this._finishCancelled(this._cancelMessage);
      } else {
        this._finishWithResult(v as T);
      }
    } else if (v instanceof CancelledError) {
      this._result = v; // raised again by result(), as asyncio keeps the task's own CancelledError
      this._finishCancelled(v.message || undefined);
    } else {
      const watched = this._callbacks !== null;
      this._finishWithException(v);
      if ((this._flags & Flag.EAGER) !== 0 && !watched) _rejectUnhandled(this as Task<unknown>, v);
    }
  }

  /**
   * The Future the task waits on is done (called as it completes): the task's next step, with
   * its result or error, is queued where asyncio queues the task's wakeup callback, and runs on
   * the next iteration as that callback would — one Handle instead of a callback that then steps.
   */
  _wakeup(future: Future<unknown>): void {
    if (future !== this._waiter) return;
    this._waiter = null;
    let value: unknown;
    let error: unknown = NO_ERROR;
    try {
      value = future.result();
    } catch (thrown) {
      error = asStepError(thrown);
    }
    this._stepHandle = this._callSoonStep(value, error);
  }

  private _waitOn(awaited: unknown): void {
    const loop = this._loop;
    if (isFuture(awaited)) {
      if (awaited._loop !== loop) {
        const error = new Error(`Task ${this} got Future ${awaited} attached to a different loop; create it on the task's loop`);
        this._stepHandle = this._callSoonStep(undefined, error);
      } else if (awaited === this) {
        this._stepHandle = this._callSoonStep(undefined, new Error(`Task cannot await on itself: ${this}`));
      } else {
        this._waiter = awaited;
        awaited._addWaiter(this);
        if ((this._flags & Flag.MUST_CANCEL) !== 0 && awaited.cancel(this._cancelMessage)) this._flags &= ~Flag.MUST_CANCEL;
      }
      return;
    }
    let then: unknown;
    try {
      then = thenOf(awaited);
    } catch (error) {
      // A `then` getter that throws: the await throws it, as it would natively.
      this._stepHandle = this._callSoonStep(undefined, asStepError(error));
      return;
    }
    if (typeof then === "function") {
      const plain = isPlainPromise(awaited, then);
      this._waitOnThenable(awaited as PromiseLike<unknown>, then as PromiseLike<unknown>["then"], plain, !plain && !loop._isRunByHand());
    } else {
      // A bare value: give up one loop iteration (asyncio.sleep(0)), then resume with it.
      this._stepHandle = this._resumeSoon(awaited);
    }
  }

  /**
   * Waits for a thenable that is not a Future: only the host can settle it. Its first settlement
   * counts, as for a promise; a late one (the wait was abandoned) is ignored. A thenable that
   * resolves with another thenable is adopted, as promise resolution does. `plain`: see
   * isPlainPromise. `deferred`: call its
   * `then` one microtask later, as JavaScript's await does for anything but a plain promise (its
   * NewPromiseResolveThenableJob), so that code run from the host sees native order; a loop run
   * by hand calls it at once, since it cannot wait for microtasks.
   */
  private _waitOnThenable(awaited: PromiseLike<unknown>, then: PromiseLike<unknown>["then"], plain: boolean, deferred: boolean): void {
    const loop = this._loop;
    const wait = (plain && this._reusableWait()) || new HostWait(this as Task<unknown>, awaited, plain);
    wait.thenable = awaited;
    this._waiter = wait;
    loop._hostWaits++;
    if (deferred) hostMicrotask(() => this._subscribe(wait, then));
    // The builtin itself, not `then`: one known target, which the JIT can call directly.
    else this._subscribe(wait, plain ? PROMISE_THEN : then);
  }

  private _subscribe(wait: HostWait, then: PromiseLike<unknown>["then"]): void {
    if (this._waiter !== wait) return;
    try {
      if (then === PROMISE_THEN) PROMISE_THEN.call(wait.thenable, wait._onValue, wait._onError);
      else then.call(wait.thenable, wait._onValue, wait._onError);
    } catch (error) {
      if (this._waiter === wait) {
        this._abandonHostWait();
        this._stepHandle = this._callSoonStep(undefined, asStepError(error));
      }
    }
  }

  /**
   * A thenable the task waits on settled. The HostWait becomes the task's queued step. A thenable
   * resolving with another thenable is adopted (a promise's value never is one). A plain promise
   * settles from a promise job, with nothing else on the stack: there an idle loop runs the
   * iteration at once rather than queueing a microtask to do it, as a native await resumes in
   * that job.
   */
  _hostSettled(wait: HostWait, value: unknown, error: unknown): void {
    const loop = this._loop;
    if (this._waiter !== wait || loop.isClosed()) return;
    this._abandonHostWait();
    if (error === NO_ERROR && !wait._plain) {
      let inner: unknown;
      try {
        inner = thenOf(value);
      } catch (thrown) {
        this._stepHandle = this._callSoonStep(undefined, asStepError(thrown));
        return;
      }
      if (typeof inner === "function") {
        // Adopting takes a job of its own natively (NewPromiseResolveThenableJob), even for a promise.
        this._waitOnThenable(value as PromiseLike<unknown>, inner as PromiseLike<unknown>["then"], isPlainPromise(value, inner), !loop._isRunByHand());
        return;
      }
    }
    wait._value = value;
    wait._error = error;
    this._stepHandle = wait;
    loop._readyFromHost(wait, wait._plain);
  }

  /** `loop.callSoon(this._step, value, error)`, as a TaskStep. */
  _callSoonStep(value: unknown, error: unknown): TaskStep {
    return this._loop._callSoonHandle(new TaskStep(this as Task<unknown>, value, error), "callSoon");
  }

  /**
   * `_callSoonStep(value, NO_ERROR)`, reusing the TaskStep that is running now when the loop runs
   * it: it has left the ready queue, and a task awaiting plain values in a loop would otherwise
   * make one per await.
   */
  private _resumeSoon(value: unknown): TaskStep {
    const running = this._loop._currentHandle;
    if (running instanceof TaskStep && running._task === this && !running._cancelled && !(running instanceof HostWait)) {
      running._value = value;
      running._error = NO_ERROR;
      return this._loop._callSoonHandle(running, "callSoon");
    }
    return this._callSoonStep(value, NO_ERROR);
  }

  /**
   * The plain-promise wait whose settlement is running this step, to wait on the next plain
   * promise with: a promise calls one of its reactions once, so the old promise can never call
   * this wait's reactions again, and a task awaiting promises in a loop makes nothing per await.
   * Never one that was abandoned (cancelled, or stepped by hand): its promise may still settle.
   */
  private _reusableWait(): HostWait | null {
    const running = this._loop._currentHandle;
    if (running instanceof HostWait && running._task === this && running._plain && !running._cancelled) {
      running._value = undefined;
      running._error = NO_ERROR;
      return running;
    }
    return null;
  }

  private _abandonHostWait(): void {
    this._waiter = null;
    this._loop._hostWaits--;
  }

  /** The pending Future the task waits on, else null. */
  get _futWaiter(): Future<unknown> | null {
    const w = this._waiter;
    return w === null || w instanceof HostWait ? null : w;
  }

  /** The thenable the task waits on (only the host can settle it), else null. */
  get _hostWait(): PromiseLike<unknown> | null {
    const w = this._waiter;
    return w instanceof HostWait ? w.thenable : null;
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
    const waiter = this._waiter;
    if (waiter !== null && !(waiter instanceof HostWait) && waiter.cancel(msg)) return true;
    this._flags |= Flag.MUST_CANCEL;
    this._cancelMessage = msg;
    if (waiter instanceof HostWait) {
      // A native promise cannot be cancelled: stop waiting for it and deliver the cancellation now.
      this._abandonHostWait();
      this._stepHandle = this._callSoonStep(undefined, NO_ERROR);
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
      if (this._numCancelsRequested === 0) this._flags &= ~Flag.MUST_CANCEL;
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
    const name = this._name;
    return typeof name === "number" ? `Task-${name}` : name;
  }

  /** A cancellation was asked for and is still to be delivered at the task's next step. */
  get _mustCancel(): boolean {
    return (this._flags & Flag.MUST_CANCEL) !== 0;
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
    let s = `<Task ${this._describeState()} name='${this.getName()}' coro=${this._coro}`;
    if (this._futWaiter !== null) s += ` wait_for=${this._futWaiter}`;
    else if (this._hostWait !== null) s += ` wait_for=${describeValue(this._hostWait)}`;
    return s + ">";
  }
}

(Task.prototype as { _onCancelRequest: null })._onCancelRequest = null;

_setTaskWrapper((co) => new Task(co, { loop: getEventLoop() }));
