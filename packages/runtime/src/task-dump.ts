import type { EventLoop } from "./event-loop.js";
import { Task } from "./task.js";
import type { TimerHandle } from "./handle.js";
import { allTasks } from "./all-tasks.js";
import { describeValue } from "./describe.js";
import { describeCallback } from "./handle.js";
import { taskOrigin } from "./creation-stack.js";
import { _getRunningLoop, getEventLoop } from "./current-loop.js";

/** One coroutine of a task's chain of inline awaits. */
export interface TaskFrame {
  /** The compiled function's name ("" for an anonymous one). */
  name: string;
  /** Where the function is defined, `file:line:column` ("" when unknown, e.g. `sleep`). */
  location: string;
}

/**
 * A pending task as the dump shows it.
 * - `"running"`: it is the task whose step is executing now (the dump was taken from inside it);
 * - `"scheduled"`: its next step is queued on the loop (not started yet, or resuming);
 * - `"waiting"`: it waits on a future or a native promise, and runs again only when that completes.
 */
export interface TaskInfo {
  task: Task<unknown>;
  name: string;
  state: "running" | "scheduled" | "waiting";
  /** False while its coroutine has not run at all. */
  started: boolean;
  /** The coroutines it is suspended in, outermost first. */
  stack: TaskFrame[];
  /** What the innermost coroutine awaits (the future or promise it waits on), else undefined. */
  awaiting: unknown;
  /** A sentence saying what it waits for, and what would complete that (a timer, the host). */
  waitingFor: string;
  /** Where the task was created, innermost frame first; null when the loop was not in debug mode then. */
  createdAt: string[] | null;
}

/** Every pending task of `loop` (default: the running loop, else `getEventLoop()`), in creation order. */
export function dumpTasks(loop?: EventLoop): TaskInfo[] {
  const l = loop ?? _getRunningLoop() ?? getEventLoop();
  const timers = timersByArgument(l);
  return [...allTasks(l)].map((task) => describeTask(l, task, timers));
}

/**
 * The dump as text, for an error message or a console: each pending task with its state, what it
 * waits for, the coroutines it is suspended in (with their locations) and where it was created.
 */
export function formatTasks(loop?: EventLoop): string {
  const l = loop ?? _getRunningLoop() ?? getEventLoop();
  return formatTaskInfos(l, dumpTasks(l));
}

export function formatTaskInfos(loop: EventLoop, infos: readonly TaskInfo[]): string {
  const header =
    infos.length === 0
      ? `No pending tasks on ${loop} at time ${loop.time()}.`
      : `${infos.length} pending task${infos.length === 1 ? "" : "s"} on ${loop} at time ${loop.time()}:`;
  return [header, ...infos.map(formatTaskInfo)].join("\n\n");
}

export function formatTaskInfo(info: TaskInfo): string {
  const lines = [`Task '${info.name}' (${info.state}): ${info.waitingFor}`];
  if (info.stack.length > 0) {
    lines.push("  suspended in (outermost first):");
    for (const f of info.stack) lines.push(`    ${f.name || "(anonymous)"}${f.location ? `  at ${f.location}` : ""}`);
  }
  if (info.createdAt !== null && info.createdAt.length > 0) {
    lines.push("  created (most recent call first):");
    for (const frame of info.createdAt) lines.push(`    ${frame}`);
  }
  return lines.join("\n");
}

/** Timers by the objects among their arguments, so a future a timer will complete (sleep's) can be named. */
function timersByArgument(loop: EventLoop): Map<unknown, TimerHandle> {
  const map = new Map<unknown, TimerHandle>();
  for (const timer of loop._scheduled.sorted()) {
    for (const arg of timer._args) if (arg !== null && typeof arg === "object" && !map.has(arg)) map.set(arg, timer);
  }
  return map;
}

function describeTask(loop: EventLoop, task: Task<unknown>, timers: Map<unknown, TimerHandle>): TaskInfo {
  const coro = task._coro;
  const started = coro.state !== "created";
  const stack = started ? task.getStack().map((c) => ({ name: c.name, location: c.location })) : [];
  const awaiting = coro.awaiting;
  let state: TaskInfo["state"];
  let waitingFor: string;
  if (loop._currentTask === task) {
    state = "running";
    waitingFor = "running now (the dump was taken from inside this task)";
  } else if (task._futWaiter !== null) {
    state = "waiting";
    const awaited = task._futWaiter;
    const timer = timers.get(awaited);
    waitingFor =
      awaited instanceof Task
        ? `waits for Task '${awaited.getName()}'${awaited._loop === loop && !awaited.done() ? " (listed in this dump)" : ""}`
        : `waits for ${describeValue(awaited)}` +
          (timer !== undefined ? `, which a timer completes at time ${timer._when} (${describeCallback(timer._callback)})` : "");
  } else if (task._hostWait !== null) {
    state = "waiting";
    waitingFor = `waits for ${describeValue(task._hostWait)}, which only the host can settle`;
  } else {
    state = "scheduled";
    waitingFor = started
      ? `its next step is queued (it awaited ${describeValue(awaiting)}, and resumes on a coming iteration)`
      : "not started yet: its first step is queued";
  }
  return { task, name: task.getName(), state, started, stack, awaiting, waitingFor, createdAt: taskOrigin(task) };
}
