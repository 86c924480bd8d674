import { Task, type Handle, type TestLoop } from "@stepwise/runtime";
import { describeTask, describeValue } from "./describe.js";

/**
 * What a test left behind on its loop: pending tasks, failed tasks whose error nobody retrieved,
 * and timers or callbacks that never ran. An Error with a dump of them, or null when clean.
 * TODO(after merge): the pending tasks are `allTasks(loop)` and the dump `formatTasks`/`dumpTasks`
 * from @stepwise/runtime; this is the one place to switch.
 */
export function checkLeftovers(loop: TestLoop, pendingAllowed: boolean): Error | null {
  const sections: string[] = [];
  // Tasks only (a plain Future's error is the test's own business); one collected since is still listed.
  const failed = loop.checkLeaks().unretrievedErrors.filter((e) => e.future === undefined || e.future instanceof Task);
  if (!pendingAllowed) {
    const pending = [...loop._tasks];
    const owned = new Set<unknown>();
    for (const t of pending) owned.add(t._step).add(t).add(t._futWaiter);
    // A task's own step, wakeup, or the timer that completes what it waits on (sleep) is part of the task.
    const belongsToTask = (h: Handle) => owned.has(h._callback) || h._args.some((a) => owned.has(a));
    const timers = loop._scheduled.sorted().filter((h) => !belongsToTask(h));
    const callbacks = [...loop._ready].filter((h) => !h.cancelled() && !belongsToTask(h));
    section(sections, pending, "task still pending", "tasks still pending", describeTask);
    section(sections, timers, "timer still scheduled", "timers still scheduled", (h) => `${describeCall(h)} due at ${h.when()} (now ${loop.time()})`);
    section(sections, callbacks, "callback queued but never run", "callbacks queued but never run", describeCall);
  }
  section(sections, failed, "task failed and nobody retrieved its error", "tasks failed and nobody retrieved their errors", (e) =>
    e.future !== undefined ? describeTask(e.future as Task<unknown>) : e.description,
  );
  if (sections.length === 0) return null;
  return new Error(
    `The test left work on its loop:\n${sections.join("\n")}\n` +
      "Finish, cancel or close what the test started (a coroutine stepped by hand and left in sleep() keeps its timer until co.close()); retrieve an expected failure with task.exception() " +
      "or expect(task).toHaveThrown(...); or call allowPending() in the test if pending work is intended.",
  );
}

/** `reminder()`, `setUnlessCancelled(<Future pending>, undefined)`: the call the handle would make. */
function describeCall(h: Handle): string {
  const cb = h._callback;
  const name = typeof cb === "function" && cb.name ? cb.name : "(anonymous function)";
  return `${name}(${h._args.map(describeValue).join(", ")})`;
}

function section<X>(out: string[], items: readonly X[], one: string, many: string, describe: (x: X) => string): void {
  if (items.length === 0) return;
  out.push(`${items.length} ${items.length === 1 ? one : many}:`);
  for (const x of items) out.push(`  - ${describe(x)}`);
}
