import { CancelledError } from "./errors.js";
import { Future } from "./future.js";
import { _ensureFuture } from "./ensure-future.js";
import { Timeout, TimeoutError } from "./timeout.js";
import { currentTask } from "./current-task.js";
import { callerLoop, coro, type Awaitable } from "./loop-bound.js";
import { describeValue } from "./describe.js";
import type { Coroutine } from "./coroutine.js";

/**
 * Awaits `aw` for at most `ms` milliseconds of the loop's clock (null: no limit), as asyncio's
 * `wait_for`: past the deadline `aw` is cancelled, its cleanup runs, then TimeoutError is thrown.
 * With `ms <= 0` a coroutine never starts. If `aw` swallows the cancellation and returns, its
 * value is returned.
 */
export function waitFor<T>(aw: Awaitable<T>, ms: number | null): Coroutine<T> {
  if (ms !== null && (typeof ms !== "number" || Number.isNaN(ms))) {
    throw new TypeError(`waitFor(): ms must be a number of milliseconds or null, got ${describeValue(ms)}`);
  }
  return coro("waitFor", waitForBody(aw, ms));
}

function* waitForBody<T>(aw: Awaitable<T>, ms: number | null): Generator<unknown, T, unknown> {
  const loop = currentTask()?._loop ?? callerLoop();
  if (ms !== null && ms <= 0) {
    const fut = _ensureFuture(aw, loop, "waitFor");
    if (fut.done()) return fut.result();
    yield* cancelAndWait(fut);
    try {
      return fut.result();
    } catch (error) {
      if (error instanceof CancelledError) throw new TimeoutError(`waitFor(): the timeout (${ms} ms) had already passed`, { cause: error });
      throw error;
    }
  }
  const deadline = new Timeout(ms === null ? null : loop.time() + ms);
  return yield* deadline._runGen(() => aw);
}

/** Cancels `fut` and waits until it is done, on a separate Future so the caller stays cancellable. */
function* cancelAndWait(fut: Future<unknown>): Generator<unknown, void, unknown> {
  const waiter = new Future<void>({ loop: fut._loop });
  const release = (): void => {
    if (!waiter.done()) waiter.setResult(undefined);
  };
  fut.addDoneCallback(release);
  try {
    fut.cancel();
    yield waiter;
  } finally {
    fut.removeDoneCallback(release);
  }
}
