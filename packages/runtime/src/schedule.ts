import { describeValue } from "./describe.js";

/**
 * A schedule is the order chosen at each choice point of one run (a loop iteration that began
 * with two or more callbacks ready), written so it can be pasted back to replay that run.
 *
 * A choice point with n ready callbacks is stored as n - 1 digits: each says which callback runs
 * next, counted among those not yet run in queue order (0 = the oldest), so all zeros is the
 * loop's own FIFO order. In the string, choice points are joined with "."; a point's digits are
 * written side by side, or joined with "," once one of them is 10 or more. Trailing FIFO points
 * are left out (a replay runs FIFO once the schedule is used up): the plain FIFO run is "".
 */
export type ChoicePoints = number[][];

export function formatSchedule(points: ChoicePoints): string {
  let end = points.length;
  while (end > 0 && points[end - 1]!.every((d) => d === 0)) end--;
  const tokens: string[] = [];
  for (let i = 0; i < end; i++) {
    const digits = points[i]!;
    tokens.push(digits.join(digits.some((d) => d > 9) ? "," : ""));
  }
  return tokens.join(".");
}

/** Reads a schedule string back into its choice points; `method` names the call for errors. */
export function parseSchedule(schedule: unknown, method: string): ChoicePoints {
  if (typeof schedule !== "string") {
    throw new TypeError(`${method}: schedule must be a string (as an explore() failure message gives it), got ${describeValue(schedule)}`);
  }
  if (schedule === "") return [];
  if (!/^[0-9]+(,[0-9]+)*(\.[0-9]+(,[0-9]+)*)*$/.test(schedule)) {
    throw new SyntaxError(
      `${method}: ${describeValue(schedule)} is not a schedule: it must be digit groups joined with "." ` +
        `(like "1.02.1"); pass the string from an explore() failure message as it is`,
    );
  }
  return schedule
    .split(".")
    .map((token) => (token.includes(",") ? token.split(",") : [...token]).map((d) => Number(d)));
}

/**
 * The scenario did not do the same thing as the run a schedule came from. Not a failure of the
 * scenario's invariant: explore() and replay() let it through as it is.
 */
export class ScheduleMismatchError extends Error {}
ScheduleMismatchError.prototype.name = "ScheduleMismatchError";

export const SAME_EVERY_RUN =
  "A scenario must do the same thing on every run given the same order: build fresh state on every " +
  "call, and depend on nothing outside the loop (Math.random, Date.now, state an earlier run left)";
