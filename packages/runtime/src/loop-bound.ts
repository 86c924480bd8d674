import { Coroutine } from "./coroutine.js";
import { _getRunningLoop, getEventLoop } from "./current-loop.js";
import { isThenable } from "./describe.js";
import type { EventLoop } from "./event-loop.js";

/** The loop a combinator called now works on: the running one, else the current one (as sleep). */
export function callerLoop(): EventLoop {
  return _getRunningLoop() ?? getEventLoop();
}

/**
 * Binds a primitive to the first loop that uses it, as asyncio's `_LoopBoundMixin`: a Lock or
 * Queue made outside any loop works on whichever loop first waits on it, and only on that one.
 */
export class LoopBound {
  _loop: EventLoop | null = null;

  _getLoop(method: string): EventLoop {
    const loop = callerLoop();
    if (this._loop === null) this._loop = loop;
    else if (this._loop !== loop) {
      throw new Error(
        `${this} is bound to a different event loop: ${method}() was called on ${loop}, but it was first used on ${this._loop}; ` +
          `make one per loop`,
      );
    }
    return loop;
  }
}

/** Awaits what a user callback returned, if it is awaitable; a plain value is returned at once. */
export function* awaitResult<R>(x: R | PromiseLike<R>): Generator<unknown, R, unknown> {
  if (x instanceof Coroutine || isThenable(x)) return (yield x) as R;
  return x as R;
}

/** Makes a coroutine out of a generator body, named for task dumps and `getStack()`. */
export function coro<T>(name: string, body: Generator<unknown, T, unknown>): Coroutine<T> {
  return new Coroutine<T>(body, name, "");
}

/** Removes the first occurrence of `item` from `list`; false if it was not there. */
export function removeItem<T>(list: T[], item: T): boolean {
  const i = list.indexOf(item);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}

/** What the combinators accept: a coroutine, a Future (or Task), or any other thenable. */
export type Awaitable<T> = Coroutine<T> | PromiseLike<T>;
