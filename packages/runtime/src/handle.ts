import type { EventLoop } from "./event-loop.js";
import { describeValue } from "./describe.js";

const NO_ARGS: readonly unknown[] = Object.freeze([]);

/**
 * A callback queued on a loop, as asyncio's `events.Handle`. Only the loop's run-once calls
 * `_run`; errors from the callback go to the loop's exception handler and never stop the loop.
 */
export class Handle {
  _callback: ((...args: never[]) => unknown) | null;
  _args: readonly unknown[];
  _loop: EventLoop;
  _cancelled = false;

  constructor(callback: (...args: never[]) => unknown, args: readonly unknown[], loop: EventLoop) {
    this._callback = callback;
    this._args = args.length === 0 ? NO_ARGS : args;
    this._loop = loop;
  }

  cancel(): void {
    if (this._cancelled) return;
    this._cancelled = true;
    // Drop references so a cancelled handle holds nothing alive until the loop reaches it.
    this._callback = null;
    this._args = NO_ARGS;
  }

  cancelled(): boolean {
    return this._cancelled;
  }

  _run(): void {
    const cb = this._callback as ((...args: unknown[]) => unknown) | null;
    if (cb === null) return;
    const a = this._args;
    try {
      switch (a.length) {
        case 0:
          cb();
          break;
        case 1:
          cb(a[0]);
          break;
        case 2:
          cb(a[0], a[1]);
          break;
        default:
          cb(...a);
      }
    } catch (exception) {
      this._reportException(cb, exception);
    }
  }

  /** An error from the callback goes to the loop's exception handler; the loop goes on. */
  _reportException(cb: unknown, exception: unknown): void {
    this._loop.callExceptionHandler({
      message: `Exception in callback ${describeCallback(cb)}`,
      exception,
      handle: this,
    });
  }

  toString(): string {
    const state = this._cancelled ? "cancelled" : describeCallback(this._callback);
    return `<${this.constructor.name} ${state}>`;
  }
}

/** A Handle due at a time on the loop's clock (milliseconds), as asyncio's `TimerHandle`. */
export class TimerHandle extends Handle {
  _when: number;
  _seq: number;
  /** True while the timer is in its loop's heap (asyncio's `_scheduled`): only then does cancelling it count as a dead heap entry. */
  _scheduled = false;

  constructor(
    when: number,
    seq: number,
    callback: (...args: never[]) => unknown,
    args: readonly unknown[],
    loop: EventLoop,
  ) {
    super(callback, args, loop);
    this._when = when;
    this._seq = seq;
  }

  when(): number {
    return this._when;
  }

  override cancel(): void {
    if (this._cancelled) return;
    super.cancel();
    this._loop._timerHandleCancelled(this);
  }

  override toString(): string {
    return `<TimerHandle when=${this._when} ${this._cancelled ? "cancelled" : describeCallback(this._callback)}>`;
  }
}

export function describeCallback(cb: unknown): string {
  if (typeof cb !== "function") return describeValue(cb);
  return cb.name ? `${cb.name}()` : "(anonymous function)";
}
