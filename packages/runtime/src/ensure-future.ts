import { Coroutine } from "./coroutine.js";
import { isCoroutineFunction } from "./coroutine-function.js";
import { Future, isFuture } from "./future.js";
import { Task } from "./task.js";
import { _getRunningLoop, getEventLoop } from "./current-loop.js";
import { describeValue, isThenable } from "./describe.js";
import type { EventLoop } from "./event-loop.js";

function* awaitThenable<T>(thenable: PromiseLike<T>): Generator<unknown, T, unknown> {
  return (yield thenable) as T;
}

/**
 * A Future for `x`: a Future as it is, a coroutine wrapped in a Task, any other thenable wrapped
 * in a Task that awaits it.
 */
export function ensureFuture<T>(x: Coroutine<T> | Future<T> | PromiseLike<T>, options?: { loop?: EventLoop }): Future<T> {
  return _ensureFuture(x, options?.loop, "ensureFuture");
}

/** ensureFuture's work; `method` is the public call (ensureFuture or runUntilComplete) its errors name. */
export function _ensureFuture<T>(
  x: Coroutine<T> | Future<T> | PromiseLike<T>,
  loop: EventLoop | undefined,
  method: string,
): Future<T> {
  if (isFuture(x)) {
    if (loop !== undefined && x._loop !== loop) {
      throw new Error(
        method === "ensureFuture"
          ? `ensureFuture(): ${x} belongs to a different loop than the one specified as the loop argument`
          : `${method}(): ${x} belongs to a different loop than ${loop}; create it on this loop`,
      );
    }
    return x as Future<T>;
  }
  const target = loop ?? _getRunningLoop() ?? getEventLoop();
  if (x instanceof Coroutine) return target.createTask(x);
  if (isThenable(x)) {
    return target.createTask(new Coroutine(awaitThenable(x), "awaitThenable", ""));
  }
  if (isCoroutineFunction(x)) {
    const name = (x as unknown as { name: string }).name;
    throw new TypeError(`${method}(): got the async function ${name} itself; call it: ${method}(${name}())`);
  }
  throw new TypeError(`${method}(): a Future, a coroutine or a thenable is required, got ${describeValue(x)}`);
}

/** Wraps a coroutine in a Task on the running loop (else the current one), as asyncio.create_task. */
export function createTask<T>(coro: Coroutine<T>, options?: { name?: string }): Task<T> {
  const loop = _getRunningLoop() ?? getEventLoop();
  return loop.createTask(coro, options);
}
