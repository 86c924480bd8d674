import { asyncFn, thrown } from "./helpers";
import { TestLoop, sleep } from "../src/index";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => loop.close());

describe("runUntilIdle", () => {
  test("runs what is ready, what that queues, and timers already due, without moving the clock", () => {
    const log: string[] = [];
    loop.callLater(0, () => log.push(`due at ${loop.time()}`));
    loop.callLater(5, () => log.push("later"));
    loop.callSoon(() => {
      log.push("a");
      loop.callSoon(() => log.push("b"));
    });
    loop.runUntilIdle();
    expect(log).toEqual(["a", "due at 0", "b"]);
    expect(loop.time()).toBe(0);
    expect(loop.pending().timers.map((t) => t.when)).toEqual([5]);
  });

  test("steps tasks up to their first wait on time", () => {
    const log: string[] = [];
    const worker = asyncFn("worker", function* () {
      log.push("started");
      yield sleep(0);
      log.push("after sleep(0)");
      yield sleep(100);
      log.push("after sleep(100)");
    });
    const task = loop.createTask(worker());
    loop.runUntilIdle();
    expect(log).toEqual(["started", "after sleep(0)"]);
    expect(task.done()).toBe(false);
    expect(loop.time()).toBe(0);
  });

  test("is refused from inside the loop's own run", () => {
    let message = "";
    loop.callSoon(() => {
      message = (thrown(() => loop.runUntilIdle()) as Error).message;
    });
    loop.runUntilIdle();
    expect(message).toBe("This event loop is already running: runUntilIdle() was called from inside its own run");
  });
});

describe("advanceToNextTimer", () => {
  test("moves the clock to the next timer, runs everything due then, and returns the new time", () => {
    const log: string[] = [];
    loop.callLater(30, () => log.push("30"));
    loop.callLater(10, () => log.push("10a"));
    loop.callLater(10, () => {
      log.push("10b");
      loop.callSoon(() => log.push("10b's follow-up"));
    });
    expect(loop.advanceToNextTimer()).toBe(10);
    expect(log).toEqual(["10a", "10b", "10b's follow-up"]);
    expect(loop.advanceToNextTimer()).toBe(30);
    expect(log).toEqual(["10a", "10b", "10b's follow-up", "30"]);
  });

  test("returns null when no timer is pending, after running what was ready; the clock stays", () => {
    const log: string[] = [];
    loop.callSoon(() => log.push("ready"));
    const cancelled = loop.callLater(50, () => log.push("cancelled"));
    cancelled.cancel();
    expect(loop.advanceToNextTimer()).toBeNull();
    expect(log).toEqual(["ready"]);
    expect(loop.time()).toBe(0);
  });

  test("steps a sleeping task one wake-up at a time", () => {
    const log: number[] = [];
    const ticker = asyncFn("ticker", function* () {
      for (let i = 0; i < 3; i++) {
        yield sleep(1000);
        log.push(loop.time());
      }
    });
    const task = loop.createTask(ticker());
    expect(loop.advanceToNextTimer()).toBe(1000);
    expect(log).toEqual([1000]);
    expect(loop.advanceToNextTimer()).toBe(2000);
    expect(loop.advanceToNextTimer()).toBe(3000);
    expect(log).toEqual([1000, 2000, 3000]);
    expect(task.done()).toBe(true);
    expect(loop.advanceToNextTimer()).toBeNull();
  });
});

describe("autojump off", () => {
  test("is on by default, and can be switched", () => {
    expect(loop.getAutojump()).toBe(true);
    loop.setAutojump(false);
    expect(loop.getAutojump()).toBe(false);
    expect(new TestLoop({ autojump: false }).getAutojump()).toBe(false);
  });

  test("only advance and advanceToNextTimer move the clock", () => {
    const off = new TestLoop({ autojump: false });
    const log: number[] = [];
    off.callLater(100, () => log.push(off.time()));
    off.runUntilIdle();
    expect(log).toEqual([]);
    expect(off.time()).toBe(0);
    off.advance(99);
    expect(log).toEqual([]);
    off.advance(1);
    expect(log).toEqual([100]);
    off.close();
  });

  test("runUntilComplete that needs time to pass fails with the task dump, and the task can be finished later", () => {
    const off = new TestLoop({ autojump: false });
    const napper = asyncFn("napper", function* () {
      yield sleep(250);
      return "rested";
    });
    const task = off.createTask(napper(), { name: "napper-task" });
    const error = thrown(() => off.runUntilComplete(task)) as Error;
    expect(error.message).toMatch(
      /^runUntilComplete\(\): the loop needs time to pass, but autojump is off on <TestLoop running ready=0 timers=1>: nothing is ready, and the next timer is due at time 250 \(now 0\)\./,
    );
    expect(error.message).toContain("call loop.advance(ms) or loop.advanceToNextTimer()");
    expect(error.message).toContain("Task 'napper-task' (waiting): waits for <Future pending>, which a timer completes at time 250");
    expect(error.message).toContain("    napper  at test.js:1:0\n    sleep");
    expect(error.message).toContain("at 250");
    // Nothing was lost: the test moves the clock and the task finishes.
    expect(off.isRunning()).toBe(false);
    expect(task.done()).toBe(false);
    off.advance(250);
    expect(task.result()).toBe("rested");
    off.close();
  });

  test("runForever names itself in the error", () => {
    const off = new TestLoop({ autojump: false });
    off.callLater(5, () => off.stop());
    expect(() => off.runForever()).toThrow(/^runForever\(\): the loop needs time to pass, but autojump is off/);
    off.setAutojump(true);
    off.runForever();
    expect(off.time()).toBe(5);
    off.close();
  });
});

describe("a task that never lets time pass", () => {
  const spinner = asyncFn("pollForever", function* () {
    for (;;) yield sleep(0);
  });

  test("advance() stops it with an error and the dump instead of hanging", () => {
    const spinning = new TestLoop({ spinLimit: 500 });
    spinning.createTask(spinner(), { name: "poller" });
    const error = thrown(() => spinning.advance(10)) as Error;
    expect(error.message).toMatch(/^advance\(\): 500 loop iterations ran at virtual time 0 without the clock moving, so this would never return/);
    expect(error.message).toContain("typically a loop around `await sleep(0)`");
    expect(error.message).toContain("new TestLoop({ spinLimit })");
    expect(error.message).toContain("Task 'poller' (scheduled): its next step is queued");
    expect(error.message).toContain("    pollForever  at test.js:1:0\n    sleep");
    expect(error.message).toContain("ready          step of Task 'poller'");
    expect(spinning.isRunning()).toBe(false);
    expect(spinning.time()).toBe(0);
    spinning.close();
  });

  test("runUntilComplete too, with the default bound", () => {
    const task = loop.createTask(spinner());
    expect(() => loop.runUntilComplete(task)).toThrow(/^runUntilComplete\(\): 100000 loop iterations ran at virtual time 0/);
    task.cancel();
    loop.runUntilIdle();
    expect(task.cancelled()).toBe(true);
  });

  test("work spread over time is not counted as spinning", () => {
    const busy = new TestLoop({ spinLimit: 10 });
    const stepper = asyncFn("stepper", function* () {
      for (let i = 0; i < 100; i++) {
        yield sleep(0);
        yield sleep(0);
        yield sleep(1);
      }
      return busy.time();
    });
    expect(busy.runUntilComplete(stepper())).toBe(100);
    busy.close();
  });

  test("the bound must be a whole number >= 1", () => {
    expect(() => new TestLoop({ spinLimit: 0 })).toThrow(new RangeError("new TestLoop(): spinLimit must be a whole number >= 1, got 0"));
  });
});
