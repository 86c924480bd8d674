import { Deque } from "./deque.js";
import { TimerHeap } from "./timer-heap.js";
import { Handle, TimerHandle } from "./handle.js";
import { Future } from "./future.js";
import { Task } from "./task.js";
import { TaskList } from "./task-list.js";
import { Coroutine } from "./coroutine.js";
import { isCoroutineFunction } from "./coroutine-function.js";
import { _ensureFuture } from "./ensure-future.js";
import { _getRunningLoop, _registerLoopFactory, _setRunningLoop } from "./current-loop.js";
import { _reportSafely, type ExceptionContext, type ExceptionHandler } from "./exception-handler.js";
import { describeValue, notACoroutine } from "./describe.js";
import { sleepThread } from "./sleep-thread.js";
import { stuckError } from "./stuck-error.js";
import { hostClearTimeout, hostMicrotask, hostSetTimeout, hostYield } from "./host-timers.js";
import { _setCoroutineTracker } from "./coroutine-function.js";
import type { UnawaitedRecord } from "./coroutine-tracking.js";
import { PendingWork } from "./pending-work.js";
import { LeakReport } from "./leak-report.js";
import type { UnretrievedRecord } from "./unretrieved-errors.js";

/** Who drives the loop. (Const enums, as coroutine.ts explains: the build writes the numbers themselves.) */
const enum Driver {
  IDLE,
  BY_HAND,
  BY_HOST,
}

/**
 * Consecutive iterations run on the microtask queue before the loop yields to the host's other
 * work (I/O, timers) with a macrotask, so a task that never waits for anything cannot starve them.
 */
const MICROTASK_TURN_BUDGET = 1000;

/**
 * The event loop (asyncio's BaseEventLoop): a FIFO of ready Handles, a heap of timers, and
 * `_runOnce`, the only place callbacks are called.
 *
 * It is driven either by hand — `runUntilComplete`/`runForever`, synchronous as in the seed — or,
 * when it has work and nobody drives it, by the host: iterations on the microtask queue and timers
 * on host timers, so compiled code also works in a plain program and can await real promises.
 */
export class EventLoop {
  _ready = new Deque<Handle>();
  _scheduled = new TimerHeap();
  _stopping = false;
  _closed = false;
  _driver = Driver.IDLE;
  _currentHandle: Handle | null = null;
  _currentTask: Task<unknown> | null = null;
  /** Pending tasks (asyncio keeps a weak set; JavaScript cannot iterate one). */
  _tasks = new TaskList();
  /** Tasks waiting on thenables: only the host can wake them. */
  _hostWaits = 0;
  _exceptionHandler: ExceptionHandler | null = null;
  /** False for loops that must never run on their own (TestLoop). */
  _hostDriven = true;
  _hostTurnQueued = false;
  /** Iterations run from the microtask queue since the host last had a macrotask turn. */
  _microtaskTurns = 0;
  _hostTimer: ReturnType<typeof setTimeout> | null = null;
  _hostTimerWhen = Infinity;
  private _timerSeq = 0;
  /** Debug mode (asyncio's `set_debug`): creation stacks of tasks, tracking of never-awaited coroutines. */
  _debug = false;
  /** Debug mode also captures each tracked coroutine's creation stack (costly: opt-in). */
  _coroutineStacks = false;
  /** Coroutines created during debug runs and not driven yet (coroutine-tracking.ts). */
  _unawaited: Set<UnawaitedRecord> | null = null;
  /** Futures of this loop that failed and whose error nobody retrieved yet (weakly held). */
  _unretrieved: Set<UnretrievedRecord> | null = null;

  /** The loop's clock, in milliseconds. */
  time(): number {
    return performance.now();
  }

  /** Queues `callback(...args)` to run on the next iteration, after everything already queued. */
  callSoon<A extends unknown[]>(callback: (...args: A) => unknown, ...args: A): Handle {
    this._checkCallback(callback, "callSoon");
    return this._callSoonHandle(new Handle(callback as (...args: never[]) => unknown, args, this), "callSoon");
  }

  /** callSoon's work for a Handle already made (a Task's step); `method` names the call in errors. */
  _callSoonHandle<H extends Handle>(handle: H, method: string): H {
    this._checkClosed(method);
    this._ready.push(handle);
    if (this._driver === Driver.IDLE && !this._hostTurnQueued) this._scheduleHostTurn();
    return handle;
  }

  /** Runs `callback(...args)` once `delay` milliseconds have passed on the loop's clock. */
  callLater<A extends unknown[]>(delay: number, callback: (...args: A) => unknown, ...args: A): TimerHandle {
    if (typeof delay !== "number" || Number.isNaN(delay)) {
      throw new TypeError(`callLater(): delay must be a number of milliseconds, got ${describeValue(delay)}`);
    }
    return this._callAt(this.time() + delay, callback as (...args: never[]) => unknown, args, "callLater");
  }

  /** Runs `callback(...args)` when the loop's clock reaches `when`. */
  callAt<A extends unknown[]>(when: number, callback: (...args: A) => unknown, ...args: A): TimerHandle {
    if (typeof when !== "number" || Number.isNaN(when)) {
      throw new TypeError(`callAt(): when must be a time on the loop's clock (loop.time()), got ${describeValue(when)}`);
    }
    return this._callAt(when, callback as (...args: never[]) => unknown, args, "callAt");
  }

  /** callAt's work; `method` is the public call, so an error names the one the user made. */
  private _callAt(when: number, callback: (...args: never[]) => unknown, args: unknown[], method: string): TimerHandle {
    this._checkCallback(callback, method);
    this._checkClosed(method);
    const timer = new TimerHandle(when, this._timerSeq++, callback, args, this);
    this._scheduled.push(timer);
    if (this._driver === Driver.IDLE) this._scheduleHostTurn();
    return timer;
  }

  createFuture<T = unknown>(): Future<T> {
    this._checkClosed("createFuture");
    return new Future<T>({ loop: this });
  }

  createTask<T>(coro: Coroutine<T>, options?: { name?: string }): Task<T> {
    this._checkClosed("createTask");
    // Checked here too, so the error names createTask() rather than the Task constructor.
    if (!((coro as unknown) instanceof Coroutine)) throw notACoroutine("createTask", coro);
    return new Task(coro, options?.name !== undefined ? { loop: this, name: options.name } : (this._onThisLoop ??= { loop: this }));
  }

  /** `{ loop: this }`, made once: creating many tasks should not make an options object each. */
  private _onThisLoop: { loop: EventLoop } | null = null;

  /**
   * One iteration, as asyncio's `_run_once`: when nothing is ready, wait for the next timer (how
   * depends on who drives the loop); due timers join the ready queue; then exactly the handles
   * that were ready at that point run — anything they queue waits for the next iteration.
   */
  _runOnce(): void {
    const timers = this._scheduled;
    const ready = this._ready;
    // Most iterations of a busy program have no timers at all: they skip the clock and the heap.
    if (timers.size > 0) {
      timers.dropCancelled();
      if (ready.length === 0 && !this._stopping && timers.size > 0) this._idleUntil(timers.peek()!._when);
      if (timers.size > 0) {
        const now = this.time();
        while (timers.size > 0 && timers.peek()!._when <= now) {
          const timer = timers.pop()!;
          if (!timer._cancelled) ready.push(timer);
        }
      }
    }
    for (let n = ready.length; n > 0; n--) {
      const handle = ready.shift()!;
      if (handle._cancelled) continue;
      this._currentHandle = handle;
      handle._run();
      // Cleared here, not after the loop: an iteration with many handles is compiled while it
      // runs, and code after the loop, never run yet, would throw that compiled code away.
      this._currentHandle = null;
    }
  }

  /** Nothing is ready and a timer is due at `when`: a loop run by hand sleeps the thread until then. */
  _idleUntil(when: number): void {
    if (this._driver === Driver.BY_HAND) sleepThread(when - this.time());
  }

  /** Runs iterations until `stop()` is called. Synchronous. */
  runForever(): void {
    this._runForeverSetup("runForever");
    try {
      for (;;) {
        this._checkProgress(null);
        this._runOnce();
        if (this._stopping) break;
      }
    } finally {
      this._runForeverCleanup();
    }
  }

  /**
   * Runs the loop until `x` (a coroutine, Future or thenable) completes, and returns its result or
   * throws its error. Synchronous: a wait that only the host could end is an error, not a hang.
   */
  runUntilComplete<T>(x: Coroutine<T> | Future<T> | PromiseLike<T>): T {
    this._checkClosed("runUntilComplete");
    this._checkNotRunning("runUntilComplete");
    const newTask = !(x instanceof Future);
    const future = _ensureFuture(x, this, "runUntilComplete");
    const stop = (): void => this.stop();
    future.addDoneCallback(stop);
    this._runForeverSetup("runUntilComplete");
    try {
      for (;;) {
        this._checkProgress(future);
        this._runOnce();
        if (this._stopping) break;
      }
    } catch (error) {
      if (newTask && future.done() && !future.cancelled()) future.exception();
      throw error;
    } finally {
      future.removeDoneCallback(stop);
      this._runForeverCleanup();
    }
    if (!future.done()) {
      throw new Error(`Event loop stopped before Future completed: ${future} (stop() was called while it was pending)`);
    }
    return future.result();
  }

  /** Makes the loop's current run return after the iteration in progress. */
  stop(): void {
    this._stopping = true;
  }

  /**
   * Queues a step that something outside the loop made ready (a thenable settled). `inline`: the
   * caller is a promise job with nothing else on the stack, so an idle loop with nothing else
   * ready runs the iteration now instead of queueing a microtask to run it.
   */
  _readyFromHost(handle: Handle, inline: boolean): void {
    this._ready.push(handle);
    if (this._driver !== Driver.IDLE || this._hostTurnQueued) return;
    if (inline && this._hostDriven && this._ready.length === 1) this._runHostTurn();
    else this._scheduleHostTurn();
  }

  /** True while `runUntilComplete`/`runForever` runs it: such a run cannot wait for microtasks. */
  _isRunByHand(): boolean {
    return this._driver === Driver.BY_HAND;
  }

  isRunning(): boolean {
    return this._driver !== Driver.IDLE;
  }

  isClosed(): boolean {
    return this._closed;
  }

  /** Drops every queued callback and timer; the loop cannot be used afterwards. */
  close(): void {
    if (this._driver !== Driver.IDLE) throw new Error("Cannot close a running event loop: close it from outside its callbacks, once the run has returned (stop() ends runForever)");
    if (this._closed) return;
    this._closed = true;
    this._ready.clear();
    this._scheduled.clear();
    this._clearHostTimer();
  }

  /**
   * Debug mode, as asyncio's `set_debug`: tasks record where they were created (shown by
   * `formatTasks`), and coroutines created while the loop runs and never driven are reported
   * ("coroutine ... was never awaited") and listed by `checkLeaks()`, with the task and coroutine
   * that created them. Off by default on an EventLoop, because it makes creating tasks and
   * coroutines slower; on by default on a TestLoop.
   *
   * `coroutineStacks: true` also records each such coroutine's creation stack (the exact line
   * that created it), which makes creating a coroutine about ten times slower; off by default.
   */
  setDebug(enabled: boolean, options?: { coroutineStacks?: boolean }): void {
    this._debug = Boolean(enabled);
    if (options?.coroutineStacks !== undefined) this._coroutineStacks = Boolean(options.coroutineStacks);
    if (this._driver !== Driver.IDLE) _setCoroutineTracker(this._debug ? this : null);
  }

  getDebug(): boolean {
    return this._debug;
  }

  /**
   * What is queued on the loop now, in the order it will run: ready handles first, then live
   * timers by due time. Data for a test to assert on; `String(loop.pending())` reads well.
   */
  pending(): PendingWork {
    return new PendingWork(this);
  }

  /**
   * What a finished test should not leave behind on this loop: tasks still pending, futures that
   * failed with nobody retrieving the error, and (in debug mode) coroutines created during a run
   * and never awaited. Listing does not count as retrieving. `report.ok` is true when all are empty.
   */
  checkLeaks(): LeakReport {
    return new LeakReport(this);
  }

  setExceptionHandler(handler: ExceptionHandler | null): void {
    if (handler !== null && typeof handler !== "function") {
      throw new TypeError(`setExceptionHandler(): a function or null is expected, got ${describeValue(handler)}`);
    }
    this._exceptionHandler = handler;
  }

  getExceptionHandler(): ExceptionHandler | null {
    return this._exceptionHandler;
  }

  /** Reports an error nobody else will see: to the handler set with setExceptionHandler, else to console.error. */
  callExceptionHandler(context: ExceptionContext): void {
    if (context === null || typeof context !== "object") {
      throw new TypeError(`callExceptionHandler(): a context object ({ message, exception? }) is expected, got ${describeValue(context)}`);
    }
    const handler = this._exceptionHandler;
    if (handler === null) {
      _reportSafely(context);
      return;
    }
    try {
      handler(this, context);
    } catch (exception) {
      _reportSafely({ message: "Unhandled error in exception handler", exception, context });
    }
  }

  toString(): string {
    const state = this._closed ? "closed" : this._driver === Driver.IDLE ? "idle" : "running";
    return `<${this.constructor.name} ${state} ready=${this._ready.length} timers=${this._scheduled.liveSize}>`;
  }

  _timerHandleCancelled(timer: TimerHandle): void {
    // Only a timer still in the heap is a dead entry there: one that already fired (sleep cancels
    // its timer in a finally block after it fired) must not be counted, or liveSize undercounts.
    if (timer._scheduled) this._scheduled.noteCancelled();
  }

  _runForeverSetup(method: string): void {
    this._checkClosed(method);
    this._checkNotRunning(method);
    this._driver = Driver.BY_HAND;
    _setRunningLoop(this);
    if (this._debug) _setCoroutineTracker(this);
  }

  _runForeverCleanup(): void {
    this._stopping = false;
    this._driver = Driver.IDLE;
    _setRunningLoop(null);
    _setCoroutineTracker(null);
    if (this._ready.length > 0 || this._scheduled.liveSize > 0) this._scheduleHostTurn();
  }

  /** A run by hand that nothing left on the loop can advance would block forever: say why instead. */
  private _checkProgress(future: Future<unknown> | null): void {
    if (this._ready.length > 0 || this._stopping) return;
    this._scheduled.dropCancelled();
    if (this._scheduled.size > 0) return;
    throw stuckError(this, future);
  }

  private _checkNotRunning(method: string): void {
    if (this._driver === Driver.BY_HAND) {
      throw new Error(`This event loop is already running: ${method}() was called from inside its own run`);
    }
    if (this._driver === Driver.BY_HOST) {
      throw new Error(
        `This event loop is already running (driven by the host): ${method}() cannot run it by hand from inside one of its callbacks; await the task instead`,
      );
    }
    const other = _getRunningLoop();
    if (other !== null && other !== this) {
      throw new Error(`Cannot run the event loop while another loop is running: ${method}() was called inside ${other}`);
    }
  }

  _checkClosed(method: string): void {
    if (this._closed) {
      throw new Error(`Event loop is closed: ${method}() cannot be used on a closed loop; make a new one with newEventLoop()`);
    }
  }

  private _checkCallback(callback: unknown, method: string): void {
    if (callback instanceof Coroutine || isCoroutineFunction(callback)) {
      throw new TypeError(
        `coroutines cannot be used with ${method}(): got ${describeValue(callback)}; ` +
          `schedule it with loop.createTask(fn()) instead`,
      );
    }
    if (typeof callback !== "function") {
      throw new TypeError(`a callable object was expected by ${method}(), got ${describeValue(callback)}`);
    }
  }

  // --- Driven by the host -----------------------------------------------------------------

  /** Work arrived while nobody drives the loop: ask the host to run it (no-op for TestLoop). */
  _scheduleHostTurn(): void {
    if (!this._hostDriven || this._closed) return;
    if (this._ready.length > 0) {
      if (!this._hostTurnQueued) {
        this._hostTurnQueued = true;
        hostMicrotask(this._hostTurn);
      }
      return;
    }
    this._armHostTimer();
  }

  /**
   * One iteration, as a microtask: what it queues runs in the next one, after the promise
   * reactions and microtasks queued meanwhile, as each `await` of a native async function takes
   * one microtask tick. So compiled code interleaves with native promise code as native code does.
   */
  _runHostTurn(): void {
    this._hostTurnQueued = false;
    if (this._driver !== Driver.IDLE || this._closed) return;
    this._driver = Driver.BY_HOST;
    _setRunningLoop(this);
    if (this._debug) _setCoroutineTracker(this);
    try {
      this._runOnce();
    } finally {
      this._driver = Driver.IDLE;
      this._stopping = false;
      _setRunningLoop(null);
      _setCoroutineTracker(null);
    }
    if (this._closed) return;
    if (this._ready.length > 0) {
      this._hostTurnQueued = true;
      if (++this._microtaskTurns < MICROTASK_TURN_BUDGET) {
        hostMicrotask(this._hostTurn);
      } else {
        this._microtaskTurns = 0;
        hostYield(this._hostTurn);
      }
    } else {
      this._microtaskTurns = 0;
      if (this._scheduled.size > 0 || this._hostTimer !== null) this._armHostTimer();
    }
  }

  /**
   * `_runHostTurn` as a function to hand to the host. Only the host calls it: the loop's own calls
   * go to the shared method, since optimized code that called one loop's closure would be thrown
   * away with that loop.
   */
  _hostTurn = (): void => this._runHostTurn();

  private _armHostTimer(): void {
    const timers = this._scheduled;
    timers.dropCancelled();
    const next = timers.peek();
    if (next === undefined) {
      this._clearHostTimer();
      return;
    }
    if (this._hostTimer !== null && this._hostTimerWhen <= next._when) return;
    this._clearHostTimer();
    this._hostTimerWhen = next._when;
    this._hostTimer = hostSetTimeout(this._hostTimerFired, Math.max(0, next._when - this.time()));
  }

  private _hostTimerFired = (): void => {
    this._hostTimer = null;
    this._hostTimerWhen = Infinity;
    this._runHostTurn();
  };

  private _clearHostTimer(): void {
    if (this._hostTimer !== null) {
      hostClearTimeout(this._hostTimer);
      this._hostTimer = null;
      this._hostTimerWhen = Infinity;
    }
  }
}

_registerLoopFactory(() => new EventLoop());
