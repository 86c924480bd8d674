import type { EventLoop } from "./event-loop.js";
import type { Future } from "./future.js";
import { dumpTasks, formatTaskInfos } from "./task-dump.js";

/**
 * The error for a run by hand that nothing on the loop can advance: no ready callback, no timer.
 * asyncio would block in select() forever; a synchronous JavaScript loop can only say why.
 */
export function stuckError(loop: EventLoop, future: Future<unknown> | null): Error {
  const what = future === null ? "runForever()" : `runUntilComplete(): ${future}`;
  // The task dump says which task waits on what, and where: the answer to "why is it stuck?".
  const tasks = dumpTasks(loop);
  const pending = tasks.length > 0 ? `\n\n${formatTaskInfos(loop, tasks)}` : "";
  if (loop._hostWaits > 0) {
    return new Error(
      `${what} cannot finish synchronously: ${loop._hostWaits} task(s) wait on a native promise that only the host ` +
        `can settle, and nothing else is scheduled on ${loop}. Use the asynchronous form instead — ` +
        "`await run(main())`, or `await loop.createTask(main())` to let the host drive this loop." +
        pending,
    );
  }
  return new Error(
    `${what} can make no progress: nothing is ready or scheduled on ${loop}, so the wait would never end. ` +
      "Something must complete the awaited future (or call stop()); if that happens outside the loop, " +
      "await the future instead of running the loop by hand." +
      pending,
  );
}
