import { sleep } from "@stepwise/runtime";

/**
 * Asks `job.status()` every `intervalMs` until it says "done", and returns how many times it
 * asked; after `maxWaitMs` it gives up. Written with `sleep`, so on a TestLoop the waits are
 * virtual and the test decides when each one ends.
 */
export async function waitUntilDone(job, { intervalMs = 5_000, maxWaitMs = 60_000 } = {}) {
  for (let asked = 1, waited = 0; ; asked++, waited += intervalMs) {
    if ((await job.status()) === "done") return asked;
    if (waited + intervalMs > maxWaitMs) throw new Error(`the job is not done after ${maxWaitMs} ms (asked ${asked} times)`);
    await sleep(intervalMs);
  }
}
