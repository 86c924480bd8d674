import { _getCurrentLoop, _getRunningLoop } from "./current-loop.js";
import type { EventLoop } from "./event-loop.js";
import type { Task } from "./task.js";

/**
 * The Task whose step is running on `loop` (default: the running loop, else the current one), or
 * null — asyncio's `current_task`. Outside any loop it is null rather than an error, so a task
 * stepped by hand (`task._step()`) can still find itself through the loop it belongs to.
 */
export function currentTask(loop?: EventLoop): Task<unknown> | null {
  const l = loop ?? _getRunningLoop() ?? _getCurrentLoop();
  return l === null ? null : l._currentTask;
}
