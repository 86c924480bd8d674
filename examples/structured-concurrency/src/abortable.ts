import { cancelOnAbort, coroutine, createTask } from "@stepwise/runtime";

/**
 * Runs `work` as a task that `signal` cancels: the way in for code that stops things with an
 * AbortSignal (a Ctrl+C handler, a request the client closed). Aborting throws CancelledError
 * here, with the abort reason as its message; cancelling the caller cancels the work too.
 */
export async function abortable<T>(signal: AbortSignal, work: PromiseLike<T>): Promise<T> {
  const task = createTask(coroutine(work), { name: "abortable" });
  cancelOnAbort(task, signal);
  return await task;
}
