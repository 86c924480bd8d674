import { CancelledError } from "./errors.js";
import { currentTask } from "./current-task.js";
import { awaitResult, coro } from "./loop-bound.js";
import { _getRunningLoop } from "./current-loop.js";
import { describeValue } from "./describe.js";
import type { Coroutine } from "./coroutine.js";
import type { Handle } from "./handle.js";
import type { Task } from "./task.js";

/**
 * A deadline passed (asyncio's `TimeoutError`, which is the builtin one; JavaScript has no such
 * class). `cause` is the CancelledError that interrupted the awaited work.
 */
export class TimeoutError extends Error {}
TimeoutError.prototype.name = "TimeoutError";

type State = "created" | "active" | "expiring" | "expired" | "finished";

/** Marks "no error left the body" for `_exit`, since any value (undefined too) can be thrown. */
const NO_ERROR: unique symbol = Symbol("no error");

function checkWhen(when: unknown, method: string): asserts when is number | null {
  if (when !== null && (typeof when !== "number" || Number.isNaN(when))) {
    throw new TypeError(`${method}: expected a time in milliseconds on the loop's clock or null (never), got ${describeValue(when)}`);
  }
}

/**
 * A deadline for a block of code in a task (asyncio's `Timeout`). When it passes, the task is
 * cancelled: the code inside sees CancelledError, and the block's end turns it into
 * TimeoutError — only if this timeout caused it (`cancelling()` tells), so an outside
 * cancellation stays a cancellation.
 *
 * Use it with `run` (primary: works in any compiled code):
 *   `await timeout(100).run(async () => { ... })`
 * or by hand: `await t.enter()`, then `await t.exit()` after the body, or `await t.exit(error)`
 * when it threw (that call throws what should propagate). `await using t = await timeout(100).enter()`
 * also works where `Symbol.asyncDispose` exists, but dispose cannot see the body's error, so an
 * expiry surfaces as a SuppressedError around the TimeoutError.
 */
export class Timeout {
  _state: State = "created";
  _when: number | null;
  _handle: Handle | null = null;
  _task: Task<unknown> | null = null;
  _cancelling = 0;

  constructor(when: number | null) {
    checkWhen(when, "new Timeout()");
    this._when = when;
  }

  /** The deadline on the loop's clock (ms), or null for none. */
  when(): number | null {
    return this._when;
  }

  /** Moves the deadline (null: none). Only while the block runs. */
  reschedule(when: number | null): void {
    checkWhen(when, "Timeout.reschedule()");
    if (this._state !== "active") {
      if (this._state === "created") throw new Error(`Timeout has not been entered: reschedule() on ${this}; call enter() (or run()) first`);
      throw new Error(`Cannot change state of ${this._state} Timeout: reschedule() on ${this}`);
    }
    this._when = when;
    if (this._handle !== null) this._handle.cancel();
    if (when === null || when === Infinity) {
      this._handle = null;
      return;
    }
    const loop = this._task!._loop;
    this._handle = when <= loop.time() ? loop.callSoon(this._onTimeout) : loop.callAt(when, this._onTimeout);
  }

  /** True once the deadline has passed and the task was cancelled for it. */
  expired(): boolean {
    return this._state === "expiring" || this._state === "expired";
  }

  /** Starts the deadline for the current task; the coroutine's value is this Timeout. */
  enter(): Coroutine<this> {
    return coro("Timeout.enter", this._enterGen());
  }

  /**
   * Ends the block: `exit()` when the body finished, `exit(error)` when it threw `error`. With an
   * error it throws what should propagate: TimeoutError if this timeout interrupted the body,
   * otherwise `error` itself.
   */
  exit(...error: [] | [unknown]): Coroutine<void> {
    return coro("Timeout.exit", this._exitGen(error.length === 0 ? NO_ERROR : error[0]));
  }

  /** Runs `body` inside the deadline and returns what it returns. */
  run<R>(body: (timeout: this) => PromiseLike<R> | R): Coroutine<R> {
    if (typeof body !== "function") throw new TypeError(`Timeout.run(): expected a function, got ${describeValue(body)}`);
    return coro("Timeout.run", this._runGen(() => body(this)));
  }

  *_enterGen(): Generator<unknown, this, unknown> {
    if (this._state !== "created") throw new Error(`Timeout has already been entered: enter() on ${this}; make a new one`);
    const task = currentTask();
    if (task === null) throw new Error(`Timeout should be used inside a task: enter() on ${this} found no running task`);
    this._state = "active";
    this._task = task;
    this._cancelling = task.cancelling();
    this.reschedule(this._when);
    return this;
  }

  *_exitGen(error: unknown): Generator<unknown, void, unknown> {
    if (this._state !== "active" && this._state !== "expiring") {
      throw new Error(`Timeout.exit() on ${this}: it is not active; call enter() first, and exit() once`);
    }
    if (this._handle !== null) {
      this._handle.cancel();
      this._handle = null;
    }
    if (this._state === "expiring") {
      this._state = "expired";
      // Our cancellation is the only one pending: the interruption is the timeout, not the caller.
      if (this._task!.uncancel() <= this._cancelling && error instanceof CancelledError) {
        throw new TimeoutError(`the deadline (${this._when} ms on the loop's clock) passed`, { cause: error });
      }
    } else {
      this._state = "finished";
    }
    if (error !== NO_ERROR) throw error;
  }

  *_runGen<R>(body: () => PromiseLike<R> | R): Generator<unknown, R, unknown> {
    yield* this._enterGen();
    let result: R;
    try {
      result = yield* awaitResult(body());
    } catch (error) {
      yield* this._exitGen(error);
      throw error;
    }
    yield* this._exitGen(NO_ERROR);
    return result;
  }

  _onTimeout = (): void => {
    this._task!.cancel();
    this._state = "expiring";
    this._handle = null;
  };

  toString(): string {
    return `<Timeout [${this._state}]${this._state === "active" ? ` when=${this._when}` : ""}>`;
  }
}

const asyncDispose = (Symbol as { asyncDispose?: symbol }).asyncDispose;
if (asyncDispose !== undefined) {
  Object.defineProperty(Timeout.prototype, asyncDispose, {
    // Dispose cannot see the body's error: an expired deadline is taken to have interrupted it.
    value(this: Timeout) {
      return coro("Timeout.exit", this._exitGen(this._state === "expiring" ? new CancelledError() : NO_ERROR));
    },
    writable: true,
    configurable: true,
  });
}

/**
 * A Timeout that expires `ms` milliseconds from now on the running loop's clock; null: never
 * (asyncio's `timeout`). Like asyncio it needs a running loop (or a task stepped by hand): "now"
 * is that loop's time, and another loop's clock (a TestLoop's virtual one) would be wrong.
 */
export function timeout(ms: number | null): Timeout {
  checkWhen(ms, "timeout()");
  if (ms === null) return new Timeout(null);
  const loop = _getRunningLoop() ?? currentTask()?._loop;
  if (loop === undefined) {
    throw new Error(
      "timeout(): no running event loop to measure the delay on; call it inside a task, or use timeoutAt(loop.time() + ms)",
    );
  }
  return new Timeout(loop.time() + ms);
}

/** A Timeout that expires when the loop's clock reaches `when`; null: never (asyncio's `timeout_at`). */
export function timeoutAt(when: number | null): Timeout {
  checkWhen(when, "timeoutAt()");
  return new Timeout(when);
}
