import { Coroutine } from "./coroutine.js";
import { Future } from "./future.js";
import { Task } from "./task.js";
import { _getRunningLoop, getEventLoop } from "./current-loop.js";
import { AT_START, AT_YIELD, COMPLETED, AsyncGenRequest, NEXT, RETURN, THROW, type RequestKind } from "./async-gen-request.js";
import { describeValue } from "./describe.js";

export type AsyncGenState = "created" | "suspended" | "running" | "awaiting" | "closed";

/** Shared across copies of the runtime, as the coroutine-function mark is. */
const ASYNC_GEN_FUNCTION = Symbol.for("stepwise.asyncGenFunction");

const METHOD_NAMES = ["next", "throw", "return"] as const;

/**
 * What a compiled `async function*` returns (Python's async generator). `next`, `throw` and
 * `return` (also as asyncio's `asend`, `athrow`, `aclose`) each return a coroutine that serves the
 * request when driven, resolving to `{ value, done }`; so `for await` works on it from any code,
 * and a test can step `gen.next()` by hand and see what the generator awaits. With `start:
 * "eager"`, each call returns a Task that started at once, as a native generator starts running.
 */
export class AsyncGen<T = unknown, TReturn = unknown, TNext = unknown> {
  _body: Generator<unknown, unknown, unknown>;
  _state = AT_START;
  /** Requests not yet answered, oldest first; the head is the one served next. */
  _queue: AsyncGenRequest[] = [];
  /** The request whose coroutine is driving the body now (possibly suspended at an await), else null. */
  _server: AsyncGenRequest | null = null;
  /** True while the body itself runs (inside its generator's next/throw/return). */
  _running = false;
  /** Completed when the body is free again, for requests driven while it was held. */
  _free: Future<void> | null = null;
  readonly _eager: boolean;
  readonly _name: string;
  readonly _loc: string;
  /**
   * The names of the coroutines that next/throw/return make ("values.next"), each made the first
   * time it is needed: a `for await` makes a request per step, and a new string each time cost
   * about an eighth of the step.
   */
  _requestNames: (string | undefined)[] | null = null;

  constructor(body: Generator<unknown, unknown, unknown>, name = "", loc = "", eager = false) {
    this._body = body;
    this._name = name;
    this._loc = loc;
    this._eager = eager;
  }

  next(...args: [] | [TNext]): Coroutine<IteratorResult<T, TReturn>> {
    return this._request(NEXT, args[0]);
  }

  throw(error?: unknown): Coroutine<IteratorResult<T, TReturn>> {
    return this._request(THROW, error);
  }

  return(value?: TReturn | PromiseLike<TReturn>): Coroutine<IteratorResult<T, TReturn>> {
    return this._request(RETURN, value);
  }

  /** asyncio's name for `next(value)`. */
  asend(value?: TNext): Coroutine<IteratorResult<T, TReturn>> {
    return this._request(NEXT, value);
  }

  /** asyncio's name for `throw(error)`. */
  athrow(error?: unknown): Coroutine<IteratorResult<T, TReturn>> {
    return this._request(THROW, error);
  }

  /** asyncio's name for `return()`: finishes the generator, running its `finally` blocks. */
  aclose(): Coroutine<IteratorResult<T, TReturn>> {
    return this._request(RETURN, undefined);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  get [Symbol.toStringTag](): string {
    return "AsyncGenerator";
  }

  /** The name of the compiled generator function. */
  get name(): string {
    return this._name;
  }

  /** Where the generator function is defined: `file:line:column`. */
  get location(): string {
    return this._loc;
  }

  /**
   * `"created"` (not started), `"suspended"` (at a yield), `"running"` (its body runs now),
   * `"awaiting"` (a request is in progress, its body suspended at an await), `"closed"`.
   */
  get state(): AsyncGenState {
    if (this._running) return "running";
    if (this._server !== null) return "awaiting";
    return this._state === AT_START ? "created" : this._state === AT_YIELD ? "suspended" : this._state === COMPLETED ? "closed" : "awaiting";
  }

  toString(): string {
    const where = this._loc ? ` at ${this._loc}` : "";
    return `<async generator ${this._name || "(anonymous)"}()${where} ${this.state}>`;
  }

  _request(kind: RequestKind, value: unknown): Coroutine<IteratorResult<T, TReturn>> {
    const request = new AsyncGenRequest(this as AsyncGen<unknown, unknown, unknown>, kind, value);
    this._queue.push(request);
    const names = (this._requestNames ??= [undefined, undefined, undefined]);
    const name = (names[kind] ??= `${this._name || "(anonymous)"}.${METHOD_NAMES[kind]}`);
    const co = new Coroutine<IteratorResult<T, TReturn>>(request, name, this._loc);
    if (!this._eager) return co;
    return new Task(co, { loop: getEventLoop(), eagerStart: true }) as unknown as Coroutine<IteratorResult<T, TReturn>>;
  }

  /** A Future completed once no request holds the body; a request driven meanwhile awaits it. */
  _whenFree(): Future<void> {
    return (this._free ??= new Future<void>({ loop: _getRunningLoop() ?? getEventLoop() }));
  }

  _wake(): void {
    const free = this._free;
    if (free === null) return;
    this._free = null;
    if (!free.done()) free.setResult(undefined);
  }
}

/**
 * Called by compiled code with the generator of an `async function*`'s body: the wrapper called
 * it, so its parameters were evaluated at the call (an error from them thrown there), as a native
 * async generator's are.
 * @internal for code generated by @stepwise/babel-plugin
 */
export function _stepwiseAsyncGen(body: Generator<unknown, unknown, unknown>, name: string, loc: string): AsyncGen {
  return new AsyncGen(body, name, loc, false);
}

/**
 * As `_stepwiseAsyncGen`, for files compiled with `start: "eager"`.
 * @internal for code generated by @stepwise/babel-plugin
 */
export function _stepwiseAsyncGenEager(body: Generator<unknown, unknown, unknown>, name: string, loc: string): AsyncGen {
  return new AsyncGen(body, name, loc, true);
}

/**
 * Marks a compiled async generator function so `isAsyncGenFunction` knows it, and gives it the
 * name and length the original had where the wrapper's own differ.
 * @internal for code generated by @stepwise/babel-plugin
 */
export function _stepwiseMarkAsyncGen<F extends (...args: never[]) => unknown>(fn: F, name?: string, length?: number): F {
  (fn as unknown as Record<symbol, boolean>)[ASYNC_GEN_FUNCTION] = true;
  if (name !== undefined && fn.name !== name) Object.defineProperty(fn, "name", { value: name, configurable: true });
  if (length !== undefined && fn.length !== length) Object.defineProperty(fn, "length", { value: length, configurable: true });
  return fn;
}

/** True for the object a compiled async generator function returns. */
export function isAsyncGen(x: unknown): x is AsyncGen {
  return x instanceof AsyncGen;
}

/** True for an `async function*` compiled by @stepwise/babel-plugin. */
export function isAsyncGenFunction(fn: unknown): boolean {
  return typeof fn === "function" && (fn as unknown as Record<symbol, unknown>)[ASYNC_GEN_FUNCTION] === true;
}

/**
 * TypeScript types a compiled `async function*` as returning a native `AsyncGenerator`: this gives
 * the same value typed as the `AsyncGen` it is, and refuses anything else.
 */
export function asyncGen<T, TReturn = unknown, TNext = unknown>(
  value: AsyncGenerator<T, TReturn, TNext> | AsyncGen<T, TReturn, TNext>,
): AsyncGen<T, TReturn, TNext> {
  if (value instanceof AsyncGen) return value as AsyncGen<T, TReturn, TNext>;
  const native = Object.prototype.toString.call(value) === "[object AsyncGenerator]";
  throw new TypeError(
    native
      ? "asyncGen(): this is a native async generator: the file that defines the async function* was not compiled with " +
          "@stepwise/babel-plugin (check the plugin is in its Babel config)"
      : `asyncGen(): expected the result of calling a compiled async generator function, got ${describeValue(value)}`,
  );
}
