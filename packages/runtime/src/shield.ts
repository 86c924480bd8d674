import { Future } from "./future.js";
import { _ensureFuture } from "./ensure-future.js";
import type { Awaitable } from "./loop-bound.js";

/**
 * Protects `aw` from the cancellation of whoever awaits it (asyncio's `shield`): cancelling the
 * returned Future, or the task awaiting it, leaves `aw` running. Cancelling `aw` itself still
 * cancels the returned Future. Keep a reference to a Task you shield if you need its result.
 */
export function shield<T>(aw: Awaitable<T>): Future<T> {
  const inner = _ensureFuture(aw, undefined, "shield");
  if (inner.done()) return inner;
  const outer = new Future<T>({ loop: inner._loop });

  const onInnerDone = (f: Future<T>): void => {
    if (outer.cancelled()) {
      // The waiter is gone: nobody else will read this error, do not report it as lost.
      if (!f.cancelled()) f.exception();
      return;
    }
    if (f.cancelled()) {
      outer.cancel();
      return;
    }
    const error = f.exception();
    if (f._failed) outer.setException(error);
    else outer.setResult(f.result());
  };
  const onOuterDone = (): void => {
    if (!inner.done()) inner.removeDoneCallback(onInnerDone);
  };
  inner.addDoneCallback(onInnerDone);
  outer.addDoneCallback(onOuterDone);
  return outer;
}
