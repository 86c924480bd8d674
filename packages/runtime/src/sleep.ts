import { Coroutine } from "./coroutine.js";
import { describeValue } from "./describe.js";
import { _getRunningLoop, getEventLoop } from "./current-loop.js";
import type { Future } from "./future.js";

function setUnlessCancelled<T>(future: Future<T>, value: T): void {
  if (!future.cancelled()) future.setResult(value);
}

function* sleepBody<T>(ms: number, value: T): Generator<unknown, T, unknown> {
  if (ms <= 0) {
    // A bare suspension: the driving Task resumes it on the next loop iteration.
    yield undefined;
    return value;
  }
  // The loop is looked up when the coroutine first runs, as in asyncio: inside a task that is the
  // task's loop, so sleeping on a TestLoop uses its virtual clock.
  const loop = _getRunningLoop() ?? getEventLoop();
  const future = loop.createFuture<T>();
  const timer = loop.callLater(ms, setUnlessCancelled, future, value);
  try {
    return (yield future) as T;
  } finally {
    timer.cancel();
  }
}

/** A coroutine that finishes after `ms` milliseconds of the loop's clock, with `value`; 0 yields one iteration. */
export function sleep<T = undefined>(ms: number, value?: T): Coroutine<T> {
  if (typeof ms !== "number" || Number.isNaN(ms)) {
    throw new TypeError(`sleep(): ms must be a number of milliseconds, got ${describeValue(ms)}`);
  }
  return new Coroutine<T>(sleepBody(ms, value as T), "sleep", "");
}
