import { Coroutine, Future, Handle, Task } from "@stepwise/runtime";
import { stringify } from "jest-matcher-utils";

/**
 * A value for a message: runtime objects by their own one-line description (a pretty-printed
 * Future would be its internals), anything else as Jest prints it, asymmetric matchers included.
 */
export function describeValue(x: unknown): string {
  if (x instanceof Coroutine || x instanceof Future || x instanceof Handle) return String(x);
  if (x instanceof Promise) return "a native Promise";
  try {
    return stringify(x, 4, 8);
  } catch {
    return Object.prototype.toString.call(x);
  }
}

/** `fetchUser() at src/users.ts:4:1` */
export function coroutineLabel(co: Coroutine<unknown>): string {
  return `${co.name || "(anonymous)"}()` + (co.location ? ` at ${co.location}` : "");
}

/** A coroutine's name, where it is defined, its state and, when suspended, what it awaits and through which frames. */
export function describeCoroutine(co: Coroutine<unknown>): string {
  return `${coroutineLabel(co)}, ${coroutineState(co)}`;
}

function coroutineState(co: Coroutine<unknown>): string {
  switch (co.state) {
    case "created":
      return "not started";
    case "running":
      return "running";
    case "closed":
      return "finished";
    case "suspended": {
      const chain = co.chain;
      const via = chain.length > 1 ? ` inside ${chain.map((c) => `${c.name || "(anonymous)"}()`).join(" → ")}` : "";
      return `suspended on ${describeValue(co.awaiting)}${via}`;
    }
  }
}

/** A task's name, its coroutine and its state, read without retrieving its error. */
export function describeTask(task: Task<unknown>): string {
  return `Task '${task.getName()}' of ${coroutineLabel(task.getCoro())}, ${futureState(task)}`;
}

function futureState(f: Future<unknown>): string {
  if (f.cancelled()) return "cancelled";
  if (!f.done()) {
    if (f instanceof Task) {
      const co = f.getCoro();
      return co.state === "suspended" ? `pending, ${coroutineState(co)}` : `pending, its coroutine ${coroutineState(co)}`;
    }
    return "pending";
  }
  return f._failed ? `failed with ${describeValue(f._exception)}` : `finished with ${describeValue(f._result)}`;
}

/** What an expectation was given: a coroutine, a Task or Future, or anything else. */
export function describeSubject(x: unknown): string {
  if (x instanceof Coroutine) return describeCoroutine(x);
  if (x instanceof Task) return describeTask(x);
  if (x instanceof Future) return `${x.constructor.name}, ${futureState(x)}`;
  return describeValue(x);
}
