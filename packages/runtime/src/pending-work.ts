import type { EventLoop } from "./event-loop.js";
import type { Handle, TimerHandle } from "./handle.js";
import { Task, TaskStep } from "./task.js";
import { describeCallback } from "./handle.js";
import { describeValue } from "./describe.js";

/** A callback queued to run on the next iteration. */
export interface PendingHandle {
  handle: Handle;
  /** What it will do, e.g. "step of Task 'main'" or "tick(1)". */
  callback: string;
}

/** A timer that will run when the loop's clock reaches `when`. */
export interface PendingTimer {
  handle: TimerHandle;
  when: number;
  /** What it will do, e.g. "setUnlessCancelled(<Future pending>, undefined), wakes Task 'main'". */
  callback: string;
}

/**
 * A snapshot of what is queued on a loop (`loop.pending()`), in the order it will run: the ready
 * handles, then the live timers by due time (ties in scheduling order). Cancelled ones are left out.
 */
export class PendingWork {
  /** The loop's clock when the snapshot was taken. */
  readonly time: number;
  readonly ready: readonly PendingHandle[];
  readonly timers: readonly PendingTimer[];

  constructor(loop: EventLoop) {
    const waiters = new Map<unknown, Task<unknown>>();
    for (const task of loop._tasks) {
      if (task._futWaiter !== null) waiters.set(task._futWaiter, task);
    }
    const describe = (h: Handle): string => describeHandle(h, waiters);
    this.time = loop.time();
    this.ready = [...loop._ready].filter((h) => !h._cancelled).map((handle) => ({ handle, callback: describe(handle) }));
    this.timers = loop._scheduled.sorted().map((handle) => ({ handle, when: handle._when, callback: describe(handle) }));
  }

  /** True when nothing is queued: the loop has nothing to run, now or later. */
  get empty(): boolean {
    return this.ready.length === 0 && this.timers.length === 0;
  }

  toString(): string {
    const lines = [`Pending at time ${this.time}: ${this.ready.length} ready, ${this.timers.length} timer(s)`];
    for (const r of this.ready) lines.push(`  ready          ${r.callback}`);
    for (const t of this.timers) lines.push(`  at ${String(t.when).padEnd(11)} ${t.callback}`);
    return lines.join("\n");
  }
}

function describeHandle(handle: Handle, waiters: Map<unknown, Task<unknown>>): string {
  if (handle instanceof TaskStep) return `step of Task '${handle._task.getName()}'`;
  const cb = handle._callback;
  const args = handle._args;
  let s = `${describeCallback(cb).replace(/\(\)$/, "")}(${args.map(describeValue).join(", ")})`;
  for (const arg of args) {
    const task = waiters.get(arg);
    if (task !== undefined) s += `, wakes Task '${task.getName()}'`;
  }
  return s;
}
