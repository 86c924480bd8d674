import { RandomSource } from "./random-source.js";
import { SAME_EVERY_RUN, ScheduleMismatchError, type ChoicePoints } from "./schedule.js";

/** Decides the order at each choice point of a run (see schedule.ts for what the digits mean). */
export interface InterleavingStrategy {
  /** The order for `n` >= 2 ready callbacks, as n - 1 digits; digit i is below n - i. */
  order(n: number): number[];
  /** The run is over: a strategy that follows a plan checks the run went all the way through it. */
  finish?(): void;
}

/** The loop's own order: what a plain TestLoop does. */
export const fifoOrder: InterleavingStrategy = {
  order: (n) => new Array<number>(n - 1).fill(0),
};

/** A uniformly random order at every choice point, from a seeded source. */
export class RandomOrder implements InterleavingStrategy {
  constructor(private readonly _random: RandomSource) {}

  order(n: number): number[] {
    const digits = new Array<number>(n - 1);
    for (let i = 0; i < n - 1; i++) digits[i] = this._random.below(n - i);
    return digits;
  }
}

/** The orders of a recorded schedule, then FIFO once it is used up. */
export class ReplayOrder implements InterleavingStrategy {
  private _next = 0;

  constructor(private readonly _points: ChoicePoints) {}

  order(n: number): number[] {
    const k = this._next;
    if (k >= this._points.length) return fifoOrder.order(n);
    const digits = this._points[k]!;
    if (digits.length !== n - 1) {
      throw new ScheduleMismatchError(
        `The schedule does not fit this scenario: at choice point ${k + 1}, ${n} callbacks were ready, but the ` +
          `schedule orders ${digits.length + 1}. A schedule replays only the scenario it came from. ${SAME_EVERY_RUN}.`,
      );
    }
    const bad = digits.findIndex((d, i) => d >= n - i);
    if (bad >= 0) {
      throw new ScheduleMismatchError(
        `The schedule is not valid at choice point ${k + 1}: digit ${bad + 1} is ${digits[bad]}, but only ` +
          `${n - bad} callbacks are left to choose from there (0 to ${n - bad - 1}); was the schedule copied whole?`,
      );
    }
    this._next++;
    return digits.slice();
  }

  /** The run is over: it must have reached every choice point the schedule orders. */
  finish(): void {
    if (this._next < this._points.length) {
      throw new ScheduleMismatchError(
        `The schedule does not fit this scenario: the run finished after ${this._next} choice point(s), but the ` +
          `schedule orders ${this._points.length}. ${SAME_EVERY_RUN}.`,
      );
    }
  }
}

/** One digit decided at a choice point, and how many values it could have taken. */
export interface Decision {
  value: number;
  bound: number;
}

/**
 * Depth-first search over every order: a run follows `prefix` (the decisions of the previous run,
 * its last one moved on by one) and takes FIFO after it; `nextPrefix` then gives the next run's.
 * Each digit is its own decision, so the search visits every permutation at every choice point.
 */
export class DepthFirstOrder implements InterleavingStrategy {
  readonly trace: Decision[] = [];

  constructor(private readonly _prefix: readonly Decision[], private readonly _run: number) {}

  order(n: number): number[] {
    const digits = new Array<number>(n - 1);
    for (let i = 0; i < n - 1; i++) {
      const at = this.trace.length;
      const bound = n - i;
      let value = 0;
      if (at < this._prefix.length) {
        const planned = this._prefix[at]!;
        if (planned.bound !== bound) {
          throw new ScheduleMismatchError(
            `explore(): run ${this._run} did not repeat the runs before it: a choice point where an earlier run ` +
              `chose among ${planned.bound} callbacks now has ${bound}. ${SAME_EVERY_RUN}.`,
          );
        }
        value = planned.value;
      }
      this.trace.push({ value, bound });
      digits[i] = value;
    }
    return digits;
  }

  finish(): void {
    if (this.trace.length < this._prefix.length) {
      throw new ScheduleMismatchError(
        `explore(): run ${this._run} did not repeat the runs before it: it finished before a choice point ` +
          `an earlier run reached. ${SAME_EVERY_RUN}.`,
      );
    }
  }

  /** The prefix of the next run after this one, or null when every order has been run. */
  nextPrefix(): Decision[] | null {
    const trace = this.trace;
    for (let j = trace.length - 1; j >= 0; j--) {
      const d = trace[j]!;
      if (d.value + 1 < d.bound) return [...trace.slice(0, j), { value: d.value + 1, bound: d.bound }];
    }
    return null;
  }
}
