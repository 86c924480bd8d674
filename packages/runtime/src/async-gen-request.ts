import { AsyncGenSignal, AWAIT, YIELD, YIELD_RAW, implicitAwait } from "./async-gen-signal.js";
import type { AsyncGen } from "./async-gen.js";

/** What a request asks of the generator, and how the body is resumed. */
export const NEXT = 0;
export const THROW = 1;
export const RETURN = 2;
export type RequestKind = typeof NEXT | typeof THROW | typeof RETURN;

/** Where the generator's body is, as the request queue sees it. */
export const AT_START = 0;
export const AT_YIELD = 1;
export const EXECUTING = 2;
export const COMPLETED = 3;

// A request's phases. The "serving" ones mean its frame drives the body (for itself or for an
// earlier request), suspended on something the coroutine's driver must resolve.
const QUEUED = 0; // not driven yet
const WAITING = 1; // driven, but another request's frame holds the body: waits for it to be free
const SETTLED = 2; // served by a later request's frame; the outcome waits for this one's driver
const IN_BODY = 3; // serving: the body awaits; resume it with the result
const YIELD_OPERAND = 4; // serving: awaiting the operand of a yield, then delivering it
const RETURN_OPERAND = 5; // serving a return request: awaiting its value first
const THEN_RETURN = 6; // serving: a yield* awaits its inner return(); the result goes in through return()
const DONE = 7;

/** Returned by the serving steps when the request served was an earlier one: serve the next. */
const CONTINUE: unique symbol = Symbol("continue");
type Step = IteratorResult<unknown> | typeof CONTINUE;

/**
 * One `next`/`throw`/`return` call on an async generator, as the frame of the coroutine that call
 * returns: driving that coroutine serves the request. Requests are served in the order they were
 * made, as the spec's request queue does; driving a later one first serves the earlier ones on the
 * way (their outcomes wait for their own drivers), and one driven while another request's frame
 * holds the body waits on a Future until the body is free. The frame resumes the generator's body
 * and reads what it yields: a plain value is an await (handed to the coroutine's driver), an
 * AsyncGenSignal is a yield or an implicit await.
 */
export class AsyncGenRequest implements Iterator<unknown, unknown, unknown> {
  _phase = QUEUED;
  /** While this frame drives the body: the request it is serving (itself or an earlier one). */
  _serving: AsyncGenRequest | null = null;
  _outcome: unknown = undefined;
  _failed = false;

  constructor(
    readonly _gen: AsyncGen<unknown, unknown, unknown>,
    readonly _kind: RequestKind,
    readonly _arg: unknown,
  ) {}

  next(value?: unknown): IteratorResult<unknown> {
    switch (this._phase) {
      case QUEUED:
      case WAITING:
        return this._serve();
      case SETTLED:
        return this._deliver();
      case IN_BODY:
        return this._then(this._run(NEXT, value));
      case YIELD_OPERAND:
        this._gen._state = AT_YIELD;
        return this._then(this._settle({ value, done: false }, false));
      case RETURN_OPERAND:
        return this._then(this._gen._state === AT_YIELD ? this._run(RETURN, value) : this._settle({ value, done: true }, false));
      case THEN_RETURN:
        return this._then(this._run(RETURN, value));
      default:
        return { done: true, value: undefined };
    }
  }

  throw(error: unknown): IteratorResult<unknown> {
    switch (this._phase) {
      case IN_BODY:
      case YIELD_OPERAND:
      case THEN_RETURN:
        return this._then(this._run(THROW, error));
      case RETURN_OPERAND:
        return this._then(this._gen._state === AT_YIELD ? this._run(THROW, error) : this._settle(error, true));
      default:
        // Not started, waiting or already served: the error never reaches the generator.
        this._withdraw();
        throw error;
    }
  }

  /** The coroutine is being closed: a request not in service leaves the queue; one in service closes the body. */
  return(): IteratorResult<unknown> {
    if (this._serving === null) {
      this._withdraw();
      return { done: true, value: undefined };
    }
    const gen = this._gen;
    let r: IteratorResult<unknown>;
    gen._running = true;
    try {
      r = gen._body.return(undefined);
    } catch (error) {
      gen._running = false;
      this._closeServed();
      throw error;
    }
    gen._running = false;
    if (!r.done) {
      // It awaits or yields in a finally block: the coroutine reports "ignored close".
      this._phase = IN_BODY;
      return { done: false, value: r.value instanceof AsyncGenSignal ? r.value.value : r.value };
    }
    this._closeServed();
    return { done: true, value: undefined };
  }

  [Symbol.iterator](): this {
    return this;
  }

  /** Serves requests from the head of the queue until this one is settled or must wait. */
  private _serve(): IteratorResult<unknown> {
    const gen = this._gen;
    for (;;) {
      if (this._phase === SETTLED) return this._deliver();
      if (gen._server !== null) {
        this._phase = WAITING;
        return { done: false, value: gen._whenFree() };
      }
      const head = gen._queue[0]!;
      gen._server = this;
      this._serving = head;
      const step = this._start(head);
      if (step !== CONTINUE) return step;
    }
  }

  private _then(step: Step): IteratorResult<unknown> {
    return step === CONTINUE ? this._serve() : step;
  }

  /** The first move of serving `head`, from the generator's state (the spec's AsyncGeneratorResumeNext). */
  private _start(head: AsyncGenRequest): Step {
    const gen = this._gen;
    const state = gen._state;
    if (head._kind === NEXT) {
      return state === COMPLETED ? this._settle({ value: undefined, done: true }, false) : this._run(NEXT, head._arg);
    }
    if (state === AT_START) {
      // throw() or return() before the first next(): the body never runs.
      gen._body.return(undefined);
      gen._state = COMPLETED;
    }
    if (head._kind === THROW) return gen._state === AT_YIELD ? this._run(THROW, head._arg) : this._settle(head._arg, true);
    return this._returnOperand(head._arg);
  }

  /** A return request's value is awaited first; at a yield, the body then returns from there. */
  private _returnOperand(value: unknown): Step {
    const atYield = this._gen._state === AT_YIELD;
    let suspend: boolean;
    try {
      suspend = implicitAwait(value, this._gen._eager);
    } catch (error) {
      return atYield ? this._run(THROW, error) : this._settle(error, true);
    }
    if (suspend) {
      this._phase = RETURN_OPERAND;
      return { done: false, value };
    }
    return atYield ? this._run(RETURN, value) : this._settle({ value, done: true }, false);
  }

  /** Resumes the body and carries on until it awaits something the driver must resolve, yields or ends. */
  private _run(mode: RequestKind, value: unknown): Step {
    const gen = this._gen;
    const body = gen._body;
    for (;;) {
      let r: IteratorResult<unknown>;
      gen._state = EXECUTING;
      gen._running = true;
      try {
        r = mode === NEXT ? body.next(value) : mode === THROW ? body.throw(value) : body.return(value);
      } catch (error) {
        gen._state = COMPLETED;
        return this._settle(error, true);
      } finally {
        gen._running = false;
      }
      if (r.done) {
        gen._state = COMPLETED;
        return this._settle({ value: r.value, done: true }, false);
      }
      const signal = r.value;
      if (!(signal instanceof AsyncGenSignal)) {
        this._phase = IN_BODY;
        return { done: false, value: signal };
      }
      const kind = signal.kind;
      let suspend = false;
      if (kind !== YIELD_RAW) {
        try {
          suspend = implicitAwait(signal.value, gen._eager);
        } catch (error) {
          // A `then` getter that throws: the await throws it, where the body is.
          mode = THROW;
          value = error;
          continue;
        }
      }
      if (kind === YIELD || kind === YIELD_RAW) {
        if (suspend) {
          this._phase = YIELD_OPERAND;
          return { done: false, value: signal.value };
        }
        gen._state = AT_YIELD;
        return this._settle({ value: signal.value, done: false }, false);
      }
      if (suspend) {
        this._phase = kind === AWAIT ? IN_BODY : THEN_RETURN;
        return { done: false, value: signal.value };
      }
      mode = kind === AWAIT ? NEXT : RETURN;
      value = signal.value;
    }
  }

  /**
   * The request being served is answered: `outcome` is its `{ value, done }`, or its error. For
   * this request, that ends the coroutine; for an earlier one, it is kept for its own driver.
   */
  private _settle(outcome: unknown, failed: boolean): Step {
    const gen = this._gen;
    const served = this._serving!;
    gen._queue.shift();
    gen._server = null;
    this._serving = null;
    if (served === this) {
      this._phase = DONE;
      gen._wake();
      if (failed) throw outcome;
      return { done: true, value: outcome };
    }
    served._phase = SETTLED;
    served._outcome = outcome;
    served._failed = failed;
    return CONTINUE;
  }

  private _deliver(): IteratorResult<unknown> {
    this._phase = DONE;
    const outcome = this._outcome;
    this._outcome = undefined;
    if (this._failed) throw outcome;
    return { done: true, value: outcome };
  }

  /** Leaves the queue without being served (its coroutine was closed or got an error first). */
  private _withdraw(): void {
    const queue = this._gen._queue;
    const i = queue.indexOf(this);
    if (i >= 0) queue.splice(i, 1);
    this._phase = DONE;
  }

  /** The body was closed while this frame served a request: that request ends with `done`, the body is free. */
  private _closeServed(): void {
    const gen = this._gen;
    const served = this._serving!;
    gen._state = COMPLETED;
    gen._queue.splice(gen._queue.indexOf(served), 1);
    gen._server = null;
    this._serving = null;
    if (served !== this) {
      served._phase = SETTLED;
      served._outcome = { value: undefined, done: true };
      served._failed = false;
      this._withdraw();
    }
    this._phase = DONE;
    gen._wake();
  }
}
