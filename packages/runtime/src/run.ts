import { Coroutine } from "./coroutine.js";
import { EventLoop } from "./event-loop.js";
import { _getCurrentLoop, _getRunningLoop, setEventLoop } from "./current-loop.js";
import { notACoroutine } from "./describe.js";

/**
 * Runs `coro` on a fresh loop driven by the host and resolves with its result, as asyncio.run:
 * afterwards the tasks it left behind are cancelled (their cleanup runs) and the loop is closed.
 */
export async function run<T>(coro: Coroutine<T>): Promise<T> {
  if (_getRunningLoop() !== null) {
    throw new Error("run() cannot be called from a running event loop: await the coroutine instead");
  }
  if (!((coro as unknown) instanceof Coroutine)) throw notACoroutine("run", coro);
  const loop = new EventLoop();
  const previous = _getCurrentLoop();
  setEventLoop(loop);
  try {
    return await loop.createTask(coro);
  } finally {
    await cancelLeftovers(loop);
    if (_getCurrentLoop() === loop) setEventLoop(previous);
    loop.close();
  }
}

async function cancelLeftovers(loop: EventLoop): Promise<void> {
  const tasks = [...loop._tasks];
  if (tasks.length === 0) return;
  for (const task of tasks) task.cancel();
  await Promise.allSettled(tasks);
  for (const task of tasks) {
    if (!task.cancelled() && task.exception() !== undefined) {
      loop.callExceptionHandler({
        message: "unhandled exception during run() shutdown",
        exception: task.exception(),
        task,
      });
    }
  }
}
