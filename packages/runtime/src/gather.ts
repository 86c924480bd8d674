import { CancelledError } from "./errors.js";
import { Future, isFuture } from "./future.js";
import { _ensureFuture } from "./ensure-future.js";
import { Coroutine } from "./coroutine.js";
import { isThenable } from "./describe.js";
import { callerLoop, type Awaitable } from "./loop-bound.js";
import type { EventLoop } from "./event-loop.js";

export interface GatherOptions {
  /** Errors (and cancellations) become entries of the result list instead of failing the gather. */
  returnExceptions?: boolean;
}

/**
 * The Future `gather` returns: cancelling it cancels every child that is still running, and the
 * gather then fails with CancelledError once they are done (asyncio's `_GatheringFuture`).
 */
export class GatheringFuture<T extends unknown[] = unknown[]> extends Future<T> {
  _children: Future<unknown>[];
  _cancelRequested = false;

  constructor(children: Future<unknown>[], loop: EventLoop) {
    super({ loop });
    this._children = children;
  }

  /** Cancels the children; true if any of them accepted. The gather itself ends when they have. */
  override cancel(msg?: string): boolean {
    if (this.done()) return false;
    let accepted = false;
    for (const child of this._children) if (child.cancel(msg)) accepted = true;
    if (accepted) this._cancelRequested = true;
    return accepted;
  }
}

type Results<T extends readonly unknown[]> = { -readonly [K in keyof T]: Awaited<T[K]> };

function isOptions(x: unknown): x is GatherOptions {
  return x !== null && typeof x === "object" && !(x instanceof Coroutine) && !isFuture(x) && !isThenable(x);
}

/**
 * Runs the awaitables concurrently (coroutines become Tasks) and gives the list of their results
 * in argument order (asyncio's `gather`). The first error fails the gather at once while the
 * others keep running; with `{ returnExceptions: true }` errors are listed as results. Options go
 * last: `gather(a, b, { returnExceptions: true })`.
 */
export function gather<T extends readonly Awaitable<unknown>[]>(...aws: T): GatheringFuture<Results<T>>;
export function gather(...args: [...Awaitable<unknown>[], GatherOptions]): GatheringFuture<unknown[]>;
export function gather(...args: unknown[]): GatheringFuture<unknown[]> {
  let returnExceptions = false;
  if (args.length > 0 && isOptions(args[args.length - 1])) {
    returnExceptions = Boolean((args.pop() as GatherOptions).returnExceptions);
  }
  if (args.length === 0) {
    const outer = new GatheringFuture<unknown[]>([], callerLoop());
    outer.setResult([]);
    return outer;
  }

  let loop: EventLoop | undefined;
  const children: Future<unknown>[] = [];
  const byArg = new Map<unknown, Future<unknown>>();
  const alreadyDone: Future<unknown>[] = [];
  let outer: GatheringFuture<unknown[]> | null = null;
  let finished = 0;

  const onChildDone = (child: Future<unknown>): void => {
    finished++;
    if (outer === null || outer.done()) {
      // Nobody will read this child's error through the gather: count it as retrieved.
      if (!child.cancelled()) child.exception();
      return;
    }
    if (!returnExceptions) {
      if (child.cancelled()) {
        outer.setException(child._makeCancelledError());
        return;
      }
      const error = child.exception();
      if (child._failed) {
        outer.setException(error);
        return;
      }
    }
    if (finished === byArg.size) {
      const results = children.map((f) => {
        if (f.cancelled()) return new CancelledError(f._cancelMessage ?? "");
        const error = f.exception();
        return f._failed ? error : f.result();
      });
      if (outer._cancelRequested) outer.setException(child._makeCancelledError());
      else outer.setResult(results);
    }
  };

  for (const arg of args) {
    let fut = byArg.get(arg);
    if (fut === undefined) {
      fut = _ensureFuture(arg as Awaitable<unknown>, loop, "gather");
      loop ??= fut._loop;
      byArg.set(arg, fut);
      if (fut.done()) alreadyDone.push(fut);
      else fut.addDoneCallback(onChildDone);
    }
    children.push(fut);
  }
  outer = new GatheringFuture<unknown[]>(children, loop!);
  for (const fut of alreadyDone) onChildDone(fut);
  return outer;
}
