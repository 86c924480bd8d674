/**
 * The three errors asyncio defines that JavaScript lacks. Where asyncio raises a built-in
 * (RuntimeError, ValueError) Stepwise throws a plain `Error` or `TypeError` instead.
 */

/** Thrown by `Coroutine.send`/`throw` when the coroutine's body returns; `.value` is what it returned. */
export class StopIteration<T = unknown> extends Error {
  readonly value: T;
  constructor(value: T) {
    super("coroutine finished; its return value is in .value");
    this.value = value;
  }
}
StopIteration.prototype.name = "StopIteration";

/**
 * Delivered into a task's coroutine at the `await` it is suspended on when the task is cancelled.
 * JavaScript has no BaseException: a bare `catch (e)` catches this too, so rethrow it
 * (`if (e instanceof CancelledError) throw e`) unless you mean to swallow the cancellation.
 */
export class CancelledError extends Error {
  constructor(message?: string) {
    super(message ?? "");
  }
}
CancelledError.prototype.name = "CancelledError";

/** A Future (or Task) was asked for something its current state does not allow. */
export class InvalidStateError extends Error {}
InvalidStateError.prototype.name = "InvalidStateError";
