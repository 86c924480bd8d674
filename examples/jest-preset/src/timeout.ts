import { CancelledError, ensureFuture, getEventLoop } from "@stepwise/runtime";

export class TimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`timed out after ${ms} ms`);
    this.name = "TimeoutError";
  }
}

/** `work`'s result, or a TimeoutError once `ms` have passed on the loop's clock: the work runs as a Task that a timer cancels. */
export async function withTimeout<T>(work: PromiseLike<T>, ms: number): Promise<T> {
  const loop = getEventLoop();
  const task = ensureFuture(work, { loop });
  let expired = false;
  const timer = loop.callLater(ms, () => {
    expired = true;
    task.cancel();
  });
  try {
    return await task;
  } catch (error) {
    throw expired && error instanceof CancelledError ? new TimeoutError(ms) : error;
  } finally {
    timer.cancel();
  }
}
