import { TestLoop, allTasks, withVirtualTimers } from "@stepwise/runtime";
import { waitUntilDone } from "../src/poll";
import { debounce } from "../src/debounce";

/** A job that is done at the `doneAt`-th time it is asked. */
function job(doneAt) {
  return {
    asked: 0,
    status() {
      return ++this.asked >= doneAt ? "done" : "running";
    },
  };
}

describe("with autojump off, only the test moves the clock", () => {
  let loop;
  beforeEach(() => {
    loop = new TestLoop({ autojump: false });
  });
  afterEach(() => loop.close());

  test("step by step: runUntilIdle, advanceToNextTimer, advance", () => {
    const build = job(4);
    const task = loop.createTask(waitUntilDone(build, { intervalMs: 5000 }), { name: "poller" });

    loop.runUntilIdle(); // asks once, then sleeps
    expect(build.asked).toBe(1);
    expect(loop.time()).toBe(0);
    expect(loop.pending().timers).toEqual([
      expect.objectContaining({ when: 5000, callback: expect.stringContaining("wakes Task 'poller'") }),
    ]);

    expect(loop.advanceToNextTimer()).toBe(5000);
    expect(build.asked).toBe(2);
    loop.advance(4999);
    expect(build.asked).toBe(2);
    loop.advance(1);
    expect(build.asked).toBe(3);
    loop.advance(5000);

    expect(task.result()).toBe(4);
    expect(loop.advanceToNextTimer()).toBeNull(); // nothing left to run
    expect(loop.time()).toBe(15_000);
  });

  test("a run that needs time to pass says so, with the task dump, instead of jumping", () => {
    const co = waitUntilDone(job(3), { intervalMs: 5000 });
    let message = "";
    try {
      loop.runUntilComplete(co);
    } catch (error) {
      message = error.message;
    }
    expect(message).toContain("the loop needs time to pass, but autojump is off");
    expect(message).toContain("the next timer is due at time 5000 (now 0)");
    expect(message).toMatch(/suspended in \(outermost first\):\n\s+waitUntilDone {2}at .*poll\.js/);

    // The task is still there, sleeping: turn autojump on and the same run finishes.
    loop.setAutojump(true);
    const [task] = allTasks(loop);
    expect(loop.runUntilComplete(task)).toBe(3);
    expect(loop.time()).toBe(10_000);
  });
});

describe("with autojump on (the default)", () => {
  test("a minute of polling is over at once, and the give-up time is exact", () => {
    const loop = new TestLoop();
    expect(() => loop.runUntilComplete(waitUntilDone(job(Infinity), { intervalMs: 5000, maxWaitMs: 60_000 }))).toThrow(
      "the job is not done after 60000 ms (asked 13 times)",
    );
    expect(loop.time()).toBe(60_000);
    loop.close();
  });

  test("sleep and setTimeout share one clock", () => {
    const loop = new TestLoop();
    const log = [];
    const build = job(3);
    build.status = function () {
      log.push(`asked at ${loop.time()}`);
      return ++this.asked >= 3 ? "done" : "running";
    };
    withVirtualTimers(loop, () => {
      const notify = debounce((what) => log.push(`${what} at ${loop.time()}`), 7000);
      notify("saved");
      loop.runUntilComplete(waitUntilDone(build, { intervalMs: 5000 }));
    });
    expect(log).toEqual(["asked at 0", "asked at 5000", "saved at 7000", "asked at 10000"]);
    loop.close();
  });
});
