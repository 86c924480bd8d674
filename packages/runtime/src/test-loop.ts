import { EventLoop } from "./event-loop.js";
import { describeValue } from "./describe.js";

/**
 * An EventLoop for tests: its clock is virtual, starts at 0, and moves only when told to
 * (`advance`) or when the loop has nothing ready and jumps to its next timer. It never runs on
 * its own from the host, so a test decides exactly when anything happens.
 */
export class TestLoop extends EventLoop {
  private _now = 0;

  constructor() {
    super();
    this._hostDriven = false;
  }

  override time(): number {
    return this._now;
  }

  /** Nothing is ready: jump the clock to the next timer instead of waiting for it. */
  override _idleUntil(when: number): void {
    if (when > this._now) this._now = when;
  }

  /**
   * Moves the clock forward by `ms`, running everything that becomes due on the way, in order,
   * each timer at its own time. Inside a run of this loop it only moves the clock.
   */
  advance(ms: number): void {
    if (typeof ms !== "number" || !(ms >= 0)) {
      throw new RangeError(`advance(): ms must be a number >= 0 (time cannot go backwards), got ${describeValue(ms)}`);
    }
    if (this.isRunning()) {
      this._now += ms;
      return;
    }
    const target = this._now + ms;
    this._runForeverSetup("advance");
    try {
      for (;;) {
        while (this._ready.length > 0) this._runOnce();
        this._scheduled.dropCancelled();
        const next = this._scheduled.peek();
        if (next === undefined || next._when > target) break;
        if (next._when > this._now) this._now = next._when;
        this._runOnce();
      }
      this._now = target;
    } finally {
      this._runForeverCleanup();
    }
  }
}
