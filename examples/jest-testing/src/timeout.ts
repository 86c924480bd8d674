import { CancelledError, ensureFuture, getEventLoop } from "@stepwise/runtime";
import type { Coroutine } from "@stepwise/runtime";

export class TimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`timed out after ${ms} ms`);
    this.name = "TimeoutError";
  }
}

/**
 * `work`'s result, or a TimeoutError once `ms` have passed on the loop's clock (asyncio.wait_for):
 * the work runs as a Task, and a timer cancels it when time is up.
 */
export async function withTimeout<T>(work: Coroutine<T> | PromiseLike<T>, ms: number): Promise<T> {
  const loop = getEventLoop(); // inside a task: the loop running it (a TestLoop in the tests)
  const inner = ensureFuture(work, { loop });
  let expired = false;
  const timer = loop.callLater(ms, () => {
    expired = true;
    inner.cancel(`timed out after ${ms} ms`);
  });
  try {
    return await inner;
  } catch (error) {
    if (expired && error instanceof CancelledError) throw new TimeoutError(ms);
    throw error;
  } finally {
    timer.cancel();
  }
}
