// The runtime's combinators and primitives used from compiled async functions, as a user writes them.
import { TestLoop, type Coroutine } from "@stepwise/runtime";
import { load } from "./helpers";

test("compiled code: taskGroup, withLock, timeout, asCompleted, Queue and gather on a TestLoop", () => {
  const { main } = load(`
    import { Lock, Queue, TimeoutError, asCompleted, gather, sleep, taskGroup, timeout } from "@stepwise/runtime";
    export async function main(log) {
      const lock = new Lock();
      const q = new Queue(1);
      await taskGroup(async (tg) => {
        for (const n of [1, 2]) {
          tg.createTask((async () => {
            await lock.withLock(async () => { log.push("lock " + n); await sleep(5); });
            await q.put(n);
          })());
        }
        log.push("got " + (await q.get()) + ", " + (await q.get()));
      });
      try {
        await timeout(10).run(async () => { await sleep(100); });
      } catch (e) {
        log.push((e instanceof TimeoutError) + " at " + (await sleep(0, "now")));
      }
      for (const next of asCompleted([sleep(20, "late"), sleep(10, "early")])) log.push(await next);
      return await gather(sleep(1, "a"), sleep(2, "b"));
    }
  `) as { main: (log: string[]) => Coroutine<string[]> };
  const loop = new TestLoop();
  const log: string[] = [];
  try {
    expect(loop.runUntilComplete(main(log))).toEqual(["a", "b"]);
    expect(log).toEqual(["lock 1", "lock 2", "got 1, 2", "true at now", "early", "late"]);
    expect(loop.time()).toBe(10 + 10 + 20 + 2);
  } finally {
    loop.close();
  }
});
