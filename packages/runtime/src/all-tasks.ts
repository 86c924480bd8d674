import type { EventLoop } from "./event-loop.js";
import type { Task } from "./task.js";
import { _getRunningLoop, getEventLoop } from "./current-loop.js";

/**
 * The tasks of `loop` that are not done, as asyncio's `all_tasks`: a new Set, in creation order.
 * Without `loop`: the running loop, else the current one (`getEventLoop()`), so a test can call
 * it after a run (asyncio requires a running loop here).
 */
export function allTasks(loop?: EventLoop): Set<Task<unknown>> {
  const l = loop ?? _getRunningLoop() ?? getEventLoop();
  const tasks = new Set<Task<unknown>>();
  for (const t of l._tasks) if (!t.done()) tasks.add(t);
  return tasks;
}
