import { StopIteration } from "@stepwise/runtime";
import { describeValue } from "./describe.js";

/** What one step of a coroutine did. */
export type Outcome =
  | { kind: "suspended"; value: unknown }
  | { kind: "returned"; value: unknown }
  | { kind: "threw"; error: unknown };

/** Runs a step (`() => co.send(v)`, `() => co.throw(e)`) and says how it ended. */
export function outcomeOf(stepFn: () => unknown): Outcome {
  let value: unknown;
  try {
    value = stepFn();
  } catch (error) {
    if (error instanceof StopIteration) return { kind: "returned", value: error.value };
    return { kind: "threw", error };
  }
  return { kind: "suspended", value };
}

export function describeOutcome(o: Outcome): string {
  switch (o.kind) {
    case "suspended":
      return `it awaits ${describeValue(o.value)}`;
    case "returned":
      return `it returned ${describeValue(o.value)}`;
    case "threw":
      return `it threw ${describeValue(o.error)}`;
  }
}
