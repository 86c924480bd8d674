import { EventLoop } from "./event-loop.js";
import { describeValue } from "./describe.js";
import { formatTasks } from "./task-dump.js";
import { _restoreVirtualTimersOf, installVirtualTimers } from "./virtual-timers.js";

export interface TestLoopOptions {
  /**
   * When nothing is ready and a timer is pending, jump the clock to it (default true). Off, only
   * `advance` and `advanceToNextTimer` move the clock, and a run that would need time to pass
   * throws an error with the task dump instead.
   */
  autojump?: boolean;
  /** Debug mode (see `EventLoop.setDebug`); default true, so task dumps say where tasks were created. */
  debug?: boolean;
  /** In debug mode, also record where each tracked coroutine was created (see `EventLoop.setDebug`); default false. */
  coroutineStacks?: boolean;
  /**
   * How many iterations a run may make at one virtual time before it is taken for a task that
   * reschedules itself forever (an `await sleep(0)` loop) and stopped with an error; default 100,000.
   */
  spinLimit?: number;
}

const DEFAULT_SPIN_LIMIT = 100_000;

/**
 * An EventLoop for tests: its clock is virtual, starts at 0, and moves only when told to
 * (`advance`, `advanceToNextTimer`) or, with autojump on (the default), when the loop has
 * nothing ready and jumps to its next timer. It never runs on its own from the host, so a test
 * decides exactly when anything happens. Debug mode is on by default.
 */
export class TestLoop extends EventLoop {
  private _now = 0;
  private _autojump: boolean;
  private _spinLimit: number;
  /** Iterations of the current run at `_spinAt` on the clock. */
  private _spins = 0;
  private _spinAt = 0;
  /** The public call that started the current run, for error messages. */
  private _runMethod = "";

  constructor(options?: TestLoopOptions) {
    super();
    this._hostDriven = false;
    this._autojump = options?.autojump ?? true;
    this._debug = options?.debug ?? true;
    this._coroutineStacks = options?.coroutineStacks ?? false;
    const limit = options?.spinLimit ?? DEFAULT_SPIN_LIMIT;
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`new TestLoop(): spinLimit must be a whole number >= 1, got ${describeValue(limit)}`);
    }
    this._spinLimit = limit;
  }

  override time(): number {
    return this._now;
  }

  /** Turns autojump on or off (see `TestLoopOptions.autojump`). */
  setAutojump(enabled: boolean): void {
    this._autojump = Boolean(enabled);
  }

  getAutojump(): boolean {
    return this._autojump;
  }

  /** Nothing is ready: jump the clock to the next timer instead of waiting for it — if allowed. */
  override _idleUntil(when: number): void {
    if (when <= this._now) return;
    if (!this._autojump) throw this._needsTimeError(when);
    this._now = when;
  }

  /** Counts iterations at one virtual time, so a task that never lets time pass is stopped, not waited on forever. */
  override _runOnce(): void {
    if (this.isRunning()) {
      if (this._now !== this._spinAt) {
        this._spinAt = this._now;
        this._spins = 0;
      } else if (++this._spins > this._spinLimit) {
        this._spins = 0;
        throw this._spinError();
      }
    }
    super._runOnce();
  }

  override _runForeverSetup(method: string): void {
    super._runForeverSetup(method);
    this._runMethod = method;
    this._spins = 0;
    this._spinAt = this._now;
  }

  /**
   * Moves the clock forward by `ms`, running everything that becomes due on the way, in order,
   * each timer at its own time. Inside a run of this loop it only moves the clock.
   */
  advance(ms: number): void {
    if (typeof ms !== "number" || !(ms >= 0)) {
      throw new RangeError(`advance(): ms must be a number >= 0 (time cannot go backwards), got ${describeValue(ms)}`);
    }
    if (this.isRunning()) {
      this._now += ms;
      return;
    }
    const target = this._now + ms;
    this._runForeverSetup("advance");
    try {
      this._runDueUntil(target);
      this._now = target;
    } finally {
      this._runForeverCleanup();
    }
  }

  /**
   * Runs everything that is ready, and what that makes ready, including timers already due,
   * without moving the clock. Returns when nothing more can run at the current time.
   */
  runUntilIdle(): void {
    this._runForeverSetup("runUntilIdle");
    try {
      this._runDueUntil(this._now);
    } finally {
      this._runForeverCleanup();
    }
  }

  /**
   * Runs what is ready now, then moves the clock to the next timer and runs everything due at that
   * time (and what it makes ready). Returns the new time, or null when no timer is pending (the
   * clock stays put; what was ready has still run).
   */
  advanceToNextTimer(): number | null {
    this._runForeverSetup("advanceToNextTimer");
    try {
      this._runDueUntil(this._now);
      this._scheduled.dropCancelled();
      const next = this._scheduled.peek();
      if (next === undefined) return null;
      this._runDueUntil(next._when);
      return this._now;
    } finally {
      this._runForeverCleanup();
    }
  }

  /**
   * Routes the global `setTimeout`, `setInterval`, `clearTimeout`, `clearInterval`, `setImmediate`
   * and `clearImmediate` through this loop's virtual clock, for code that uses them instead of
   * `sleep`. Returns the function that restores the originals; call it when the test ends (or use
   * `withVirtualTimers(loop, fn)`); closing the loop restores them too. One installation at a time.
   */
  installTimers(): () => void {
    return installVirtualTimers(this);
  }

  /** Also puts back the host's timer functions if they were routed through this loop and not restored yet. */
  override close(): void {
    super.close();
    _restoreVirtualTimersOf(this);
  }

  /** Runs ready handles and timers due up to `target`, each timer at its own time. */
  private _runDueUntil(target: number): void {
    for (;;) {
      while (this._ready.length > 0) this._runOnce();
      this._scheduled.dropCancelled();
      const next = this._scheduled.peek();
      if (next === undefined || next._when > target) break;
      if (next._when > this._now) this._now = next._when;
      this._runOnce();
    }
  }

  private _needsTimeError(when: number): Error {
    return new Error(
      `${this._runMethod}(): the loop needs time to pass, but autojump is off on ${this}: nothing is ready, and the ` +
        `next timer is due at time ${when} (now ${this._now}). Only the test moves this clock: call ` +
        "loop.advance(ms) or loop.advanceToNextTimer() (outside the run), or turn autojump on with loop.setAutojump(true)." +
        `\n\n${formatTasks(this)}\n\n${this.pending()}`,
    );
  }

  private _spinError(): Error {
    return new Error(
      `${this._runMethod}(): ${this._spinLimit} loop iterations ran at virtual time ${this._now} without the clock ` +
        "moving, so this would never return: a task or callback keeps rescheduling itself without waiting for " +
        "time to pass (typically a loop around `await sleep(0)` or `await null` polling for something nothing " +
        "else changes). Make it wait on a Future, or sleep for a delay (sleep(10)) so the clock can move; if this " +
        "much work at one instant is intended, raise the bound: new TestLoop({ spinLimit })." +
        `\n\n${formatTasks(this)}\n\n${this.pending()}`,
    );
  }
}
