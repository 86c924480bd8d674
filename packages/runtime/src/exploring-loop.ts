import { TestLoop } from "./test-loop.js";
import type { Handle } from "./handle.js";
import { RandomSource } from "./random-source.js";
import { RandomOrder, ReplayOrder, fifoOrder, type InterleavingStrategy } from "./interleaving-strategy.js";
import { formatSchedule, parseSchedule, type ChoicePoints } from "./schedule.js";
import { describeValue } from "./describe.js";

export interface ExploringLoopOptions {
  /** Shuffle the order at every choice point with this seed. */
  seed?: number;
  /** Replay this schedule (from an explore() failure), then FIFO. */
  schedule?: string;
}

/**
 * A TestLoop (virtual time, never driven by the host) that, at every iteration with two or more
 * callbacks ready, runs them in an order its strategy picks instead of FIFO: shuffled by a seed,
 * replayed from a schedule, or — without options — FIFO, as a TestLoop. It records every choice
 * it made (`schedule`), so any run can be replayed exactly.
 *
 * It only reorders the ready queue before the iteration runs: `EventLoop._runOnce` still runs
 * every callback, and exactly the ones that were ready when the iteration began.
 */
export class ExploringLoop extends TestLoop {
  _strategy: InterleavingStrategy;
  /** The order chosen at each choice point so far. */
  _points: ChoicePoints = [];

  constructor(options: ExploringLoopOptions = {}) {
    super();
    if (options === null || typeof options !== "object") {
      throw new TypeError(`new ExploringLoop(): options must be an object ({ seed } or { schedule }), got ${describeValue(options)}`);
    }
    const { seed, schedule } = options;
    if (seed !== undefined && schedule !== undefined) {
      throw new TypeError("new ExploringLoop(): give a seed or a schedule, not both (a schedule already fixes every choice)");
    }
    if (seed !== undefined) {
      this._strategy = new RandomOrder(new RandomSource(checkSeed(seed, "new ExploringLoop()")));
    } else if (schedule !== undefined) {
      this._strategy = new ReplayOrder(parseSchedule(schedule, "new ExploringLoop()"));
    } else {
      this._strategy = fifoOrder;
    }
  }

  /** The choices made so far, as a string that replays them (`new ExploringLoop({ schedule })`, `replay`). */
  get schedule(): string {
    return formatSchedule(this._points);
  }

  /** How many iterations so far began with two or more callbacks ready. */
  get choicePoints(): number {
    return this._points.length;
  }

  override _runOnce(): void {
    this._takeDueTimers();
    this._reorderReady();
    super._runOnce();
  }

  /**
   * The first half of EventLoop._runOnce, done early so due timers are ordered with the rest
   * (timers due at the same moment are a race as real as any); the base then finds none left to
   * move. Repeated here rather than split out of the base so the base's hot path stays as it is.
   */
  private _takeDueTimers(): void {
    const timers = this._scheduled;
    const ready = this._ready;
    timers.dropCancelled();
    if (ready.length === 0 && !this._stopping && timers.size > 0) this._idleUntil(timers.peek()!._when);
    const now = this.time();
    while (timers.size > 0 && timers.peek()!._when <= now) {
      const timer = timers.pop()!;
      if (!timer._cancelled) ready.push(timer);
    }
  }

  /** At a choice point, puts the live ready callbacks in the strategy's order. */
  private _reorderReady(): void {
    const ready = this._ready;
    if (ready.length < 2) return;
    let live = 0;
    for (const handle of ready) if (!handle._cancelled) live++;
    if (live < 2) return;
    // Asked before the queue is touched: a strategy that refuses (a schedule that does not fit)
    // leaves the loop as it was.
    const digits = this._strategy.order(live);
    const waiting: Handle[] = [];
    for (let h = ready.shift(); h !== undefined; h = ready.shift()) if (!h._cancelled) waiting.push(h);
    for (const d of digits) ready.push(waiting.splice(d, 1)[0]!);
    ready.push(waiting[0]!);
    this._points.push(digits);
  }
}

export function checkSeed(seed: unknown, method: string): number {
  if (typeof seed !== "number" || !Number.isInteger(seed)) {
    throw new TypeError(`${method}: seed must be an integer, got ${describeValue(seed)}`);
  }
  return seed;
}
