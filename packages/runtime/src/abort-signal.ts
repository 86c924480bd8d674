import { CancelledError } from "./errors.js";
import { Task } from "./task.js";
import { currentTask } from "./current-task.js";
import { describeValue } from "./describe.js";

/** The controllers of signals handed out for each task, aborted together on its next cancel request. */
const pending = new WeakMap<Task<unknown>, Set<AbortController>>();

function abortAll(task: Task<unknown>, msg: string | undefined): void {
  const set = pending.get(task);
  pending.delete(task);
  task._onCancelRequest = null;
  if (set === undefined) return;
  const reason = new CancelledError(msg ?? `${task} was cancelled`);
  for (const c of set) c.abort(reason);
}

/**
 * An AbortSignal that aborts when `task` is asked to cancel (or finishes cancelled), for the
 * fetch-like calls the task awaits: `await fetch(url, { signal: abortSignalOf(task) })`. A
 * native promise cannot be cancelled, so without it the request would run on after the task
 * stopped waiting. The reason is a CancelledError. Each call gives a fresh signal for the *next*
 * cancel request: a task that recovers from a cancellation (a timeout block that ended) asks
 * again for its later calls.
 */
export function abortSignalOf(task: Task<unknown>): AbortSignal {
  if (!(task instanceof Task)) throw new TypeError(`abortSignalOf(): expected a Task, got ${describeValue(task)}`);
  const controller = new AbortController();
  if (task.done()) {
    if (task.cancelled()) controller.abort(new CancelledError(task._cancelMessage ?? `${task} was cancelled`));
    return controller.signal;
  }
  if (task._mustCancel) {
    // A cancellation is already on its way to the task's next await: the call would be wasted.
    controller.abort(new CancelledError(task._cancelMessage ?? `${task} is being cancelled`));
    return controller.signal;
  }
  let set = pending.get(task);
  if (set === undefined) {
    set = new Set();
    pending.set(task, set);
    task._onCancelRequest = (msg) => abortAll(task, msg);
    task.addDoneCallback((t) => {
      if (t.cancelled()) abortAll(t, t._cancelMessage);
      else {
        // Finished normally: nothing left to abort; drop the controllers.
        pending.delete(t);
        t._onCancelRequest = null;
      }
    });
  }
  set.add(controller);
  return controller.signal;
}

/** abortSignalOf(the current task); throws outside a task. */
export function taskSignal(): AbortSignal {
  const task = currentTask();
  if (task === null) {
    throw new Error("taskSignal(): no task is running; call it inside a task, or use abortSignalOf(task)");
  }
  return abortSignalOf(task);
}

function reasonMessage(reason: unknown): string | undefined {
  if (reason === undefined) return undefined;
  if (reason instanceof Error) return reason.message;
  return String(reason);
}

/**
 * Cancels `task` when `signal` aborts (at once if it already has), with the abort reason's
 * message as the cancel message. Returns a function that stops listening; the listener is also
 * removed once the task is done.
 */
export function cancelOnAbort(task: Task<unknown>, signal: AbortSignal): () => void {
  if (!(task instanceof Task)) throw new TypeError(`cancelOnAbort(): expected a Task, got ${describeValue(task)}`);
  if (signal === null || typeof signal !== "object" || typeof signal.addEventListener !== "function" || typeof signal.aborted !== "boolean") {
    throw new TypeError(`cancelOnAbort(): expected an AbortSignal, got ${describeValue(signal)}`);
  }
  if (signal.aborted) {
    task.cancel(reasonMessage(signal.reason));
    return () => {};
  }
  const onAbort = (): void => {
    task.cancel(reasonMessage(signal.reason));
  };
  const detach = (): void => signal.removeEventListener("abort", onAbort);
  signal.addEventListener("abort", onAbort, { once: true });
  if (!task.done()) task.addDoneCallback(detach);
  else detach();
  return detach;
}
