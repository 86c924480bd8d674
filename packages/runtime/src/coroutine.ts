import { StopIteration } from "./errors.js";
import { describeValue, isThenable } from "./describe.js";

export type CoroutineState = "created" | "running" | "suspended" | "closed";

// Internal states, compared on every step. A const enum, so the build writes the numbers
// themselves: the JIT reads a module-level `const` from the module's scope, checking on every use
// that it is initialized (and the CommonJS build loads an exported one from `exports`).
export const enum State {
  CREATED,
  RUNNING,
  SUSPENDED,
  CLOSED,
}
const STATE_NAMES: readonly CoroutineState[] = ["created", "running", "suspended", "closed"];

/** True when `_resume` may drive `co` now: not running inline in another, not running, not closed. */
export function isDrivable(co: Coroutine<unknown>): boolean {
  const state = co._state;
  return co._owner === null && (state === State.CREATED || state === State.SUSPENDED);
}

/** What `_resume` reports; the value it refers to is in `_value`. */
export const enum Outcome {
  SUSPEND,
  RETURN,
  THROW,
}
export type ResumeOutcome = Outcome;

/** A frame's iterator: a compiled body's generator, or a stand-in with the same protocol. */
export type Frame = Iterator<unknown, unknown, unknown>;

/**
 * Stands in for a frame whose body returned a thenable: the frame awaits it, as a native async
 * function adopts a returned promise, and then completes with its outcome. Stateless, so shared.
 */
const ADOPT: Frame = {
  next: (value: unknown) => ({ done: true, value }),
  throw: (error: unknown) => {
    throw error;
  },
  return: (value: unknown) => ({ done: true, value }),
};

/** Something with a `done()`/`result()` pair that a coroutine may read without suspending. */
interface FutureLike {
  readonly _stepwiseFuture: true;
  done(): boolean;
  result(): unknown;
}

function isFuture(x: unknown): x is FutureLike {
  return x !== null && typeof x === "object" && (x as Partial<FutureLike>)._stepwiseFuture === true;
}

/**
 * Whether `_resume` keeps the outermost coroutine's `_link` current while the chain runs. Debug
 * mode needs it (a coroutine created inside a running chain is reported with the frame that
 * created it); otherwise `_link` is brought up to date when the chain suspends, because a store
 * into a long-lived coroutine at every inline call and return costs a write barrier each time.
 */
let exactTop = false;
export function _setExactTop(on: boolean): void {
  exactTop = on;
}

/** What `then` forwards to: a Task, whose `then` gives a native promise. */
interface Thenable {
  then: Promise<unknown>["then"];
}

/** Set by task.ts: wraps a coroutine in a Task on the current loop for `then`. */
let wrapInTask: ((co: Coroutine<unknown>) => Thenable) | null = null;
export function _setTaskWrapper(fn: (co: Coroutine<unknown>) => Thenable): void {
  wrapInTask = fn;
}

/**
 * A compiled async function's body, paused until something drives it (Python's coroutine).
 *
 * A coroutine that awaits a coroutine that never started runs it inline: the inner one becomes a
 * frame on the outer one's chain (each frame links to its caller through `_link` and to its callee
 * through `_callee`) and the outer one's `_resume` drives the top frame directly, so a resume costs
 * the same at any depth and deep chains use no JavaScript stack. Links per frame rather than an
 * array on the outermost: an array grown by a push keeps room for sixteen more frames, and a
 * program may hold many tasks suspended a few calls deep.
 * `_resume` is the one place generators are driven.
 */
export class Coroutine<T = unknown> implements PromiseLike<T> {
  /** The frame's iterator: the compiled body's generator, or ADOPT. */
  _gen: Frame;
  _state = State.CREATED;
  /** The coroutine whose `_resume` drives this one while it runs inline, else null. */
  _owner: Coroutine<unknown> | null = null;
  /**
   * The inline-await chain upwards. On the outermost coroutine: the innermost frame (null while
   * nothing runs inline), as of the chain's last suspension (see exactTop). On a frame running
   * inline (`_owner` set): the frame that awaits it, the next one out. (One field for both: a
   * coroutine is only ever one of the two.)
   */
  _link: Coroutine<unknown> | null = null;
  /** The frame this one runs inline (it awaits that one), else null: always current. */
  _callee: Coroutine<unknown> | null = null;
  /**
   * When suspended: what the innermost frame awaits. After `_resume` returns RETURN or THROW:
   * the return value or the error, until the driver takes it. (One field: a program may hold
   * many coroutines suspended.)
   */
  _value: unknown = undefined;
  /** The Task made by `then` (uncompiled code awaiting this coroutine), if any. */
  _task: Thenable | null = null;
  readonly _name: string;
  readonly _loc: string;

  constructor(gen: Frame, name = "", loc = "") {
    this._gen = gen;
    this._name = name;
    this._loc = loc;
  }

  /** The name of the compiled function. */
  get name(): string {
    return this._name;
  }

  /** Where the compiled function is defined: `file:line:column`. */
  get location(): string {
    return this._loc;
  }

  get state(): CoroutineState {
    const owner = this._owner;
    return STATE_NAMES[owner === null ? this._state : owner._state]!;
  }

  /** What the coroutine is suspended on (for a chain of inline awaits: what the innermost awaits). */
  get awaiting(): unknown {
    const root = this._owner ?? this;
    return root._state === State.SUSPENDED ? root._value : undefined;
  }

  /** The chain of coroutines this one is running inline, itself first. */
  get chain(): readonly Coroutine<unknown>[] {
    const frames: Coroutine<unknown>[] = [];
    for (let f: Coroutine<unknown> | null = this; f !== null; f = f._callee) frames.push(f);
    return frames;
  }

  /**
   * Resumes with `value` as the result of the await it is suspended on, runs to the next
   * suspension and returns what it now awaits. Throws StopIteration (`.value`) when the body
   * returns, and the body's error when it throws.
   */
  send(value?: unknown): unknown {
    if (this._state !== State.SUSPENDED || this._owner !== null) {
      // Not the common case (resuming a suspended coroutine): check it may be driven at all.
      this._checkDrivable("send");
      if (this._state === State.CREATED && value !== undefined) {
        throw new TypeError(
          `can't send non-undefined value to a just-started coroutine: ${this} has not run yet; ` +
            `start it with send(undefined) (or send()), then send values into its awaits`,
        );
      }
    }
    const outcome = this._resume(false, value);
    if (outcome === Outcome.SUSPEND) return this._value;
    return this._outcome(outcome);
  }

  /** Raises `error` at the await the coroutine is suspended on; returns as `send` does. */
  throw(error: unknown): unknown {
    this._checkDrivable("throw");
    return this._outcome(this._resume(true, error));
  }

  /** The iterator-protocol form of `send`. */
  next(value?: unknown): IteratorResult<unknown, T> {
    if (this._state !== State.SUSPENDED || this._owner !== null) {
      // As in send: only what is not a plain resumption needs the checks.
      this._checkDrivable("next");
      if (this._state === State.CREATED && value !== undefined) {
        throw new TypeError(`can't send non-undefined value to a just-started coroutine: ${this}`);
      }
    }
    const outcome = this._resume(false, value);
    if (outcome === Outcome.SUSPEND) return { done: false, value: this._value };
    const v = this._value;
    this._value = undefined;
    if (outcome === Outcome.RETURN) return { done: true, value: v as T };
    throw v;
  }

  /**
   * Finishes a suspended coroutine, running its `finally` blocks (`catch` blocks do not see it).
   * Does nothing to a coroutine that has not started or has finished.
   *
   * As CPython's gen_close, frame by frame from the innermost: each frame gets GeneratorExit (its
   * generator's `return()`), or, when the frame it awaited ended with an error, that error; it then
   * runs as usual — awaits in its finally blocks of inline coroutines and done futures are driven by
   * `_resume` — until it finishes, and the next frame out gets its outcome. A frame that suspends
   * again stops the close there ("coroutine ignored close"). The outermost frame's outcome is close's.
   */
  close(): unknown {
    if (this._state === State.CLOSED && this._owner === null) return undefined;
    this._checkDrivable("close");
    if (this._state === State.CREATED) {
      // Ends the unstarted generator without running any of it; also tells debug tracking that
      // this coroutine was dealt with (closed before starting: no "never awaited" report).
      this._gen.return!(undefined);
      this._finish();
      return undefined;
    }
    let isThrow = false;
    let error: unknown = undefined;
    for (;;) {
      const frame: Coroutine<unknown> = this._link ?? this;
      // The frame below gets the outcome instead of being resumed with it (`_resume` would).
      const below = frame === this ? null : frame._link;
      const barrier = below === null ? null : new CloseBarrier(below._gen);
      if (below !== null) below._gen = barrier!;
      if (!isThrow) frame._gen = returnOnce(frame);
      let outcome: ResumeOutcome;
      try {
        outcome = this._resume(isThrow, error);
      } finally {
        if (below !== null) below._gen = barrier!.gen;
      }
      if (outcome !== Outcome.SUSPEND) {
        const v = this._value;
        this._value = undefined;
        if (outcome === Outcome.RETURN) return v;
        throw v;
      }
      if (this._value !== barrier || barrier === null) throw this._ignoredClose();
      this._state = State.RUNNING;
      this._value = undefined;
      isThrow = barrier.isThrow;
      error = barrier.error;
    }
  }

  /** Makes a coroutine awaitable from code that was not compiled: runs it as a Task on the current loop. */
  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this._asTask().then(onFulfilled, onRejected);
  }

  /** As a promise's `catch`, through the same Task as `then`. */
  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this._asTask().then(undefined, onRejected);
  }

  /** As a promise's `finally`, through the same Task as `then`. */
  finally(onFinally?: (() => void) | null): Promise<T> {
    return this._asTask().then().finally(onFinally);
  }

  private _asTask(): { then: Promise<T>["then"] } {
    if (this._task === null) {
      if (wrapInTask === null) throw new Error("@stepwise/runtime is not fully loaded: import it from its package entry");
      this._task = wrapInTask(this);
    }
    return this._task as { then: Promise<T>["then"] };
  }

  toString(): string {
    const where = this._loc ? ` at ${this._loc}` : "";
    return `<coroutine ${this._name || "(anonymous)"}()${where} ${this.state}>`;
  }

  /**
   * Drives the chain once: resumes the top frame with `value` (or throws `value` into it) and
   * carries on through inline awaits, returns and errors until the chain suspends on something
   * only its driver can resolve, or finishes. The caller has checked the state.
   */
  _resume(isThrow: boolean, value: unknown): ResumeOutcome {
    // Kept under V8's inlining limit (460 bytes of bytecode), so that send and Task._step run it
    // inline: what is rare lives in the small methods it calls.
    this._state = State.RUNNING;
    let frame: Coroutine<unknown> = this._link ?? this;
    for (;;) {
      let awaited: unknown;
      let returned = false;
      try {
        const r = isThrow ? frame._gen.throw!(value) : frame._gen.next(value);
        awaited = r.value;
        // A body that returns a thenable awaits it first, as a native async function adopts a
        // returned promise; a `then` getter that throws fails the return, as resolution would.
        // (`done` is compared with false first: the JIT does not know a generator's `done` is a
        // boolean, and would test every kind of truthiness on every step.)
        if (r.done !== false && r.done) {
          if (isThenable(awaited)) frame._gen = ADOPT;
          else returned = true;
        }
      } catch (error) {
        // PEP 479: a StopIteration escaping a body is a bug, not a return.
        value = error instanceof StopIteration ? leakedStopIteration(frame, error) : error;
        isThrow = true;
        if (frame === this) return this._end(Outcome.THROW, value);
        frame = this._popFrame(frame);
        continue;
      }
      if (returned) {
        if (frame === this) return this._end(Outcome.RETURN, awaited);
        frame = this._popFrame(frame);
        isThrow = false;
        value = awaited;
        continue;
      }
      if (awaited instanceof Coroutine) {
        if (awaited._state === State.CREATED && awaited._owner === null && awaited._task === null) {
          frame = this._pushFrame(awaited, frame);
          isThrow = false;
          value = undefined;
          continue;
        }
        if (awaited._task === null) {
          isThrow = true;
          value = this._cannotAwait(awaited);
          continue;
        }
        awaited = awaited._task;
      }
      if (isFuture(awaited) && awaited.done()) {
        isThrow = this._takeOutcome(awaited);
        value = this._value;
        continue;
      }
      if (frame !== this) this._link = frame;
      else if (this._link !== null) this._link = null;
      this._state = State.SUSPENDED;
      this._value = awaited;
      return Outcome.SUSPEND;
    }
  }

  /** Ends the run of the outermost frame: the outcome goes to `_value` until the driver takes it. */
  private _end(outcome: Outcome.RETURN | Outcome.THROW, value: unknown): ResumeOutcome {
    this._finish();
    this._value = value;
    return outcome;
  }

  /** Starts `co` inline as the new top frame, awaited by `top`. */
  private _pushFrame(co: Coroutine<unknown>, top: Coroutine<unknown>): Coroutine<unknown> {
    co._owner = this;
    co._link = top;
    top._callee = co;
    if (exactTop) this._link = co;
    return co;
  }

  /** Reads a done future's outcome into `_value`; true when it is an error to throw in. */
  private _takeOutcome(future: FutureLike): boolean {
    try {
      this._value = future.result();
      return false;
    } catch (error) {
      this._value = error;
      return true;
    }
  }

  private _outcome(outcome: ResumeOutcome): unknown {
    if (outcome === Outcome.SUSPEND) return this._value;
    const v = this._value;
    this._value = undefined;
    if (outcome === Outcome.RETURN) throw new StopIteration(v);
    throw v;
  }

  /** `frame`, the top one, has finished: its caller is the top frame again. */
  private _popFrame(frame: Coroutine<unknown>): Coroutine<unknown> {
    const caller = frame._link!;
    frame._finishInline();
    caller._callee = null;
    if (exactTop) this._link = caller === this ? null : caller;
    return caller;
  }

  _finish(): void {
    this._state = State.CLOSED;
    this._link = null;
    this._callee = null;
    this._value = undefined;
    this._gen = ADOPT;
  }

  /** `_finish` for a frame that ran inline: only the outermost coroutine has a chain or a value. */
  _finishInline(): void {
    this._owner = null;
    this._link = null;
    this._state = State.CLOSED;
    this._gen = ADOPT;
  }

  _checkDrivable(method: string): void {
    const misuse = this._misuse(method);
    if (misuse !== null) throw misuse;
  }

  /** Why `method` cannot drive this coroutine now, or null if it can. */
  _misuse(method: string): Error | null {
    if (this._owner !== null) {
      return new Error(
        `coroutine is being awaited already: ${this} is running inline inside ${this._owner}; ` +
          `${method}() the outermost coroutine (or its Task) instead`,
      );
    }
    if (this._state === State.RUNNING) {
      return new Error(
        `coroutine already executing: ${method}() was called on ${this} from inside its own run; ` +
          `wait until it suspends`,
      );
    }
    if (this._state === State.CLOSED && method !== "close") {
      return new Error(
        `cannot reuse already awaited coroutine: ${this} has finished; call ${this._name || "the function"}() again for a new one`,
      );
    }
    return null;
  }

  private _cannotAwait(co: Coroutine<unknown>): Error {
    if (co === this || co._owner === this) {
      return new Error(`coroutine already executing: ${co} awaits itself`);
    }
    if (co._state === State.CLOSED) {
      return new Error(
        `cannot reuse already awaited coroutine: ${co} has finished; call ${co._name || "the function"}() again to await a new one`,
      );
    }
    return new Error(
      `coroutine is being awaited already: ${co} has been started elsewhere; ` +
        `only a coroutine that never ran can be awaited inline — wrap it in a Task (ensureFuture) to share it`,
    );
  }

  private _ignoredClose(): Error {
    return new Error(
      `coroutine ignored close: ${this} awaited ${describeValue(this._value)} in a finally block while closing; ` +
        `a closing coroutine must not await again`,
    );
  }
}

function leakedStopIteration(frame: Coroutine<unknown>, error: StopIteration): Error {
  return new Error(
    `coroutine raised StopIteration: ${frame} threw a StopIteration, which is reserved for drivers; ` +
      `return the value instead`,
    { cause: error },
  );
}

/**
 * Stands in for a frame's generator for one call: whichever way `_resume` drives it, it puts the
 * generator back and calls its `return()` (close's GeneratorExit), so `_resume` handles what
 * follows — a finally block that awaits, finishes or throws — as for any other resumption.
 */
function returnOnce(frame: Coroutine<unknown>): Frame {
  const gen = frame._gen;
  const deliver = (): IteratorResult<unknown> => {
    frame._gen = gen;
    return gen.return!(undefined);
  };
  return { next: deliver, throw: deliver, return: deliver };
}

/**
 * Stands in, during close, for the generator of the frame below the one being closed: it records
 * the closed frame's outcome and suspends on itself, so `_resume` stops there instead of resuming
 * the frame below with that outcome.
 */
class CloseBarrier implements Frame {
  isThrow = false;
  error: unknown = undefined;
  constructor(readonly gen: Frame) {}
  next(): IteratorResult<unknown> {
    return { done: false, value: this };
  }
  throw(error: unknown): IteratorResult<unknown> {
    this.isThrow = true;
    this.error = error;
    return { done: false, value: this };
  }
  return(): IteratorResult<unknown> {
    return { done: false, value: this };
  }
}
