import { asyncFn } from "./helpers";
import {
  ExploringLoop,
  InterleavingError,
  TestLoop,
  createTask,
  explore,
  getEventLoop,
  replay,
  setEventLoop,
  sleep,
  type Task,
} from "../src/index";

// Two withdrawals from one account. Each checks the balance, then writes to a ledger (10 ms),
// then subtracts: a check-then-act across an await. The second request arrives 10 ms after the
// first, so in FIFO order the first one has subtracted before the second one checks.
interface Account {
  balance: number;
}

const writeLedger = (): ReturnType<typeof sleep> => sleep(10);

const withdraw = asyncFn("withdraw", function* (account: Account, amount: number) {
  if (account.balance < amount) return false;
  yield writeLedger();
  account.balance -= amount;
  return true;
});

/** The fix: check again once the await is over, so the check and the subtraction happen in one step. */
const withdrawSafely = asyncFn("withdrawSafely", function* (account: Account, amount: number) {
  if (account.balance < amount) return false;
  yield writeLedger();
  if (account.balance < amount) return false;
  account.balance -= amount;
  return true;
});

type Withdraw = typeof withdraw;

const arriveLater = asyncFn("arriveLater", function* (ms: number, account: Account, amount: number, w: Withdraw) {
  yield sleep(ms);
  return (yield w(account, amount)) as boolean;
});

const twoRequests = asyncFn("twoRequests", function* (account: Account, w: Withdraw) {
  const first = createTask(w(account, 80)) as Task<boolean>;
  const second = createTask(arriveLater(10, account, 50, w)) as Task<boolean>;
  const results = [(yield first) as boolean, (yield second) as boolean];
  return { balance: account.balance, results };
});

const racy = () => twoRequests({ balance: 100 }, withdraw);
const fixed = () => twoRequests({ balance: 100 }, withdrawSafely);
const neverNegative = (r: { balance: number }): void => {
  if (r.balance < 0) throw new Error(`balance went negative: ${r.balance}`);
};

function failureOf(fn: () => unknown): InterleavingError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InterleavingError) return error;
    throw error;
  }
  throw new Error("expected an InterleavingError, but nothing was thrown");
}

describe("finding a check-then-act race", () => {
  test("a plain run on a TestLoop (FIFO) never shows it", () => {
    const loop = new TestLoop();
    const outcome = loop.runUntilComplete(racy());
    loop.close();
    expect(outcome).toEqual({ balance: 20, results: [true, false] });
  });

  test("random exploration finds it and reports seed, run and a schedule", () => {
    const error = failureOf(() => explore(racy, { seed: 1, runs: 50, check: neverNegative }));
    expect(error.mode).toBe("random");
    expect(error.seed).toBe(1);
    expect(error.schedule).toMatch(/^[0-9.]+$/);
    expect(error.message).toBe(
      `explore() found a failing order on run ${error.run} of 50 (seed 1), schedule "${error.schedule}".\n` +
        `Replay exactly this run: replay(scenario, "${error.schedule}") or explore(scenario, { schedule: "${error.schedule}", check })\n` +
        "The check failed: Error: balance went negative: -30",
    );
    expect(error.cause).toEqual(new Error("balance went negative: -30"));
  });

  test("the same seed finds the same run with the same schedule", () => {
    const a = failureOf(() => explore(racy, { seed: 7, runs: 50, check: neverNegative }));
    const b = failureOf(() => explore(racy, { seed: 7, runs: 50, check: neverNegative }));
    expect([b.run, b.schedule, b.message]).toEqual([a.run, a.schedule, a.message]);
  });

  test("replaying the reported schedule reproduces the failing run exactly", () => {
    const { schedule } = failureOf(() => explore(racy, { seed: 1, runs: 50, check: neverNegative }));
    expect(replay(racy, schedule)).toEqual({ balance: -30, results: [true, true] });
    const again = failureOf(() => replay(racy, schedule, { check: neverNegative }));
    expect(again.mode).toBe("replay");
    expect(again.schedule).toBe(schedule);
    expect(again.message).toBe(`replay of schedule "${schedule}" failed\nThe check failed: Error: balance went negative: -30`);
    expect(failureOf(() => explore(racy, { schedule, check: neverNegative })).schedule).toBe(schedule);
  });

  test("exhaustive search finds it on the second run: only the last choice point differs from FIFO", () => {
    const error = failureOf(() => explore(racy, { exhaustive: true, check: neverNegative }));
    expect(error.mode).toBe("exhaustive");
    expect(error.run).toBe(2);
    expect(error.seed).toBeUndefined();
    // Three choice points: both requests starting, both timers due at 10 ms, both wake-ups.
    expect(error.schedule).toBe("0.0.1");
    expect(error.message).toContain('on run 2 (exhaustive, at most 1000), schedule "0.0.1".');
    expect(replay(racy, "0.0.1")).toEqual({ balance: -30, results: [true, true] });
  });

  test("the fixed version passes random and exhaustive exploration", () => {
    const random = explore(fixed, { seed: 1, runs: 50, check: neverNegative });
    expect(random).toMatchObject({ mode: "random", runs: 50, complete: false });
    expect(random.schedules).toBeGreaterThan(1);
    expect(random.message).toBe(`explore(): 50 random runs (seed 1), ${random.schedules} different schedule(s), no failure`);
    // 2 orders at each of the 3 choice points; the failing orders now take one more choice point.
    const all = explore(fixed, { exhaustive: true, check: neverNegative });
    expect(all).toMatchObject({ mode: "exhaustive", complete: true, runs: 8 });
    expect(all.message).toBe("explore(): all 8 order(s) run (exhaustive), no failure");
    expect(replay(fixed, "0.0.1")).toEqual({ balance: 20, results: [true, false] });
  });

  test("the message says when maxRuns cut the exhaustive search", () => {
    const cut = explore(fixed, { exhaustive: { maxRuns: 3 }, check: neverNegative });
    expect(cut).toMatchObject({ mode: "exhaustive", complete: false, runs: 3 });
    expect(cut.message).toContain("the exhaustive search was cut at maxRuns (3) before it finished");
  });
});

describe("explore()", () => {
  const oneStep = asyncFn("oneStep", function* () {
    yield sleep(0);
    return 1;
  });

  test("a scenario that never has two callbacks ready at once runs once", () => {
    let calls = 0;
    const result = explore(() => (calls++, oneStep()), { runs: 100 });
    expect(calls).toBe(1);
    expect(result).toMatchObject({ runs: 1, complete: true, schedules: 1 });
    expect(explore(() => oneStep(), { exhaustive: true })).toMatchObject({ runs: 1, complete: true });
  });

  test("a check that returns false fails the run; one that returns anything else passes it", () => {
    const error = failureOf(() => explore(() => oneStep(), { check: (n) => n === 2 }));
    expect(error.message).toContain('on run 1 of 100 (seed 1), schedule "".');
    expect(error.message).toMatch(/\nThe check returned false$/);
    expect(explore(() => oneStep(), { check: (n) => n === 1 }).complete).toBe(true);
  });

  test("an error from the run is a failure, with the schedule that led to it", () => {
    const boom = asyncFn("boom", function* (log: string[]) {
      const a = createTask(asyncFn("a", function* () { log.push("a"); })());
      const b = createTask(asyncFn("b", function* () { log.push("b"); })());
      yield a;
      yield b;
      if (log.join("") === "ba") throw new Error("b ran first");
    });
    const error = failureOf(() => explore(() => boom([]), { exhaustive: true }));
    expect(error.run).toBe(2);
    expect(error.schedule).toBe("1");
    expect(error.message).toContain("The scenario threw: Error: b ran first");
  });

  test("each run gets a fresh loop, current while the scenario runs, and the previous one back after", () => {
    const before = new TestLoop();
    setEventLoop(before);
    const loops: ExploringLoop[] = [];
    explore(
      (loop) => {
        expect(getEventLoop()).toBe(loop);
        loops.push(loop);
        return fixed();
      },
      { runs: 3 },
    );
    expect(getEventLoop()).toBe(before);
    expect(new Set(loops).size).toBe(3);
    expect(loops.every((l) => l.isClosed())).toBe(true);
    setEventLoop(null);
    before.close();
  });

  test("a scenario that does something different on a replay is told so, not reported as a race", () => {
    expect(() => replay(racy, "0.0.1.1")).toThrow(
      "the run finished after 3 choice point(s), but the schedule orders 4",
    );
    expect(() => replay(racy, "00")).toThrow(
      "at choice point 1, 2 callbacks were ready, but the schedule orders 3",
    );
    let calls = 0;
    // Half the runs start one task more than the others.
    const flaky = asyncFn("flaky", function* () {
      const n = calls++ % 2 === 0 ? 2 : 3;
      const tasks = Array.from({ length: n }, () => createTask(sleep(0)));
      for (const t of tasks) yield t;
    });
    expect(() => explore(() => flaky(), { exhaustive: true })).toThrow("run 2 did not repeat the runs before it");
  });

  test("bad options are refused with the reason", () => {
    expect(() => explore("main" as never)).toThrow(TypeError);
    expect(() => explore(racy, { run: 5 } as never)).toThrow('explore(): unknown option "run"');
    expect(() => explore(racy, { runs: 0 })).toThrow("explore(): runs must be a whole number of runs >= 1, got 0");
    expect(() => explore(racy, { seed: 1.5 })).toThrow("explore(): seed must be an integer, got 1.5");
    expect(() => explore(racy, { exhaustive: { maxRuns: -1 } })).toThrow("exhaustive.maxRuns must be a whole number");
    expect(() => explore(racy, { exhaustive: true, seed: 3 })).toThrow("seed has no meaning with exhaustive");
    expect(() => explore(racy, { schedule: "1", runs: 3 })).toThrow("give schedule alone, without runs");
    expect(() => explore(racy, { check: "positive" as never })).toThrow("check must be a function");
    expect(() => replay(racy, "1..2")).toThrow('replay(): "1..2" is not a schedule');
    expect(() => replay(racy, 12 as never)).toThrow("replay(): schedule must be a string");
  });

  test("a scenario that returns nothing the loop can run is refused, not reported as a race", () => {
    expect(() => explore(() => undefined as never)).toThrow(
      "explore(): the scenario must return what to run — a coroutine such as main(), a Task or a Future — got undefined; did it forget to return?",
    );
    expect(() => replay(() => Promise.resolve(1), "")).toThrow(
      "replay(): the scenario returned a native Promise, which runs outside the loop",
    );
  });

  test("a scenario that throws while setting up fails the run", () => {
    const error = failureOf(() =>
      explore(() => {
        throw new RangeError("no such account");
      }),
    );
    expect(error.message).toMatch(/\nThe scenario threw: RangeError: no such account$/);
  });

  test("it refuses to run inside a running loop", () => {
    const loop = new TestLoop();
    const inner = asyncFn("inner", function* () {
      explore(racy);
    });
    expect(() => loop.runUntilComplete(inner())).toThrow("explore() cannot run inside a running event loop");
    loop.close();
  });
});

describe("ExploringLoop", () => {
  function order(loop: ExploringLoop, n: number): string[] {
    const log: string[] = [];
    for (let i = 0; i < n; i++) loop.callSoon(() => log.push(String.fromCharCode(97 + i)));
    loop.advance(0);
    loop.close();
    return log;
  }

  test("without options it runs FIFO, as a TestLoop, and records the choice points as FIFO", () => {
    const loop = new ExploringLoop();
    loop.callSoon(() => {});
    loop.advance(0);
    expect(loop.choicePoints).toBe(0);
    expect(order(loop, 4)).toEqual(["a", "b", "c", "d"]);
    expect(loop.choicePoints).toBe(1);
    expect(loop.schedule).toBe("");
  });

  test("with a seed it reorders the callbacks ready at one iteration, and a schedule replays that order", () => {
    const shuffled = new ExploringLoop({ seed: 3 });
    const log = order(shuffled, 6);
    expect([...log].sort()).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(log).not.toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(order(new ExploringLoop({ schedule: shuffled.schedule }), 6)).toEqual(log);
    expect(order(new ExploringLoop({ seed: 3 }), 6)).toEqual(log);
    // Digit i picks among the callbacks not yet run: 2 of abcd is c, then 0 of abd is a, 1 of bd is d.
    expect(order(new ExploringLoop({ schedule: "201" }), 4)).toEqual(["c", "a", "d", "b"]);
  });

  test("callbacks queued during an iteration wait for the next one, whatever the order", () => {
    const loop = new ExploringLoop({ schedule: "1" });
    const log: string[] = [];
    loop.callSoon(() => {
      log.push("a");
      loop.callSoon(() => log.push("a2"));
    });
    loop.callSoon(() => log.push("b"));
    loop.advance(0);
    expect(log).toEqual(["b", "a", "a2"]);
    loop.close();
  });

  test("timers due at the same moment are a choice point too", () => {
    const loop = new ExploringLoop({ schedule: "1" });
    const log: string[] = [];
    loop.callLater(10, () => log.push("first"));
    loop.callLater(10, () => log.push("second"));
    loop.advance(10);
    expect(log).toEqual(["second", "first"]);
    expect(loop.schedule).toBe("1");
    loop.close();
  });

  test("cancelled callbacks are not choices", () => {
    const loop = new ExploringLoop({ seed: 1 });
    const log: string[] = [];
    loop.callSoon(() => log.push("a"));
    loop.callSoon(() => log.push("b")).cancel();
    loop.advance(0);
    expect(log).toEqual(["a"]);
    expect(loop.choicePoints).toBe(0);
    loop.close();
  });

  test("a digit of 10 or more makes the point's digits comma-separated, and any schedule replays the same", () => {
    const schedule = "10,0,0,0,0,0,0,0,0,0,0";
    const loop = new ExploringLoop({ schedule });
    expect(order(loop, 12)).toEqual(["k", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "l"]);
    expect(loop.schedule).toBe(schedule);
    for (const seed of [1, 2, 3, 4, 5]) {
      const shuffled = new ExploringLoop({ seed });
      const log = order(shuffled, 12);
      expect(order(new ExploringLoop({ schedule: shuffled.schedule }), 12)).toEqual(log);
    }
  });

  test("a schedule that does not fit leaves the queue as it was", () => {
    const loop = new ExploringLoop({ schedule: "2" });
    const log: string[] = [];
    loop.callSoon(() => log.push("a"));
    loop.callSoon(() => log.push("b"));
    expect(() => loop.advance(0)).toThrow("digit 1 is 2, but only 2 callbacks are left to choose from there (0 to 1)");
    expect(loop._ready.length).toBe(2);
    expect(log).toEqual([]);
    loop.close();
  });

  test("bad options are refused", () => {
    expect(() => new ExploringLoop({ seed: 1, schedule: "1" })).toThrow("give a seed or a schedule, not both");
    expect(() => new ExploringLoop({ seed: "1" as never })).toThrow("new ExploringLoop(): seed must be an integer");
    expect(() => new ExploringLoop({ schedule: "a" })).toThrow('new ExploringLoop(): "a" is not a schedule');
  });
});
