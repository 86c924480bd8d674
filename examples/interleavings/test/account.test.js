import { InterleavingError, TestLoop, explore, replay } from "@stepwise/runtime";
import { Account, SafeAccount } from "../src/account";
import { twoWithdrawals } from "../src/two-withdrawals";

// Each run needs fresh state: the scenario builds a new account every time it is called.
const racy = () => twoWithdrawals(new Account(100));
const safe = () => twoWithdrawals(new SafeAccount(100));
const check = ({ balance }) => expect(balance).toBeGreaterThanOrEqual(0);

/** The InterleavingError that `fn` throws. */
function failureOf(fn) {
  try {
    fn();
  } catch (error) {
    if (error instanceof InterleavingError) return error;
    throw error;
  }
  throw new Error("expected explore() to find a failing order");
}

test("one plain run looks fine: the second withdrawal is refused", () => {
  const loop = new TestLoop();
  expect(loop.runUntilComplete(racy())).toEqual({ balance: 20, results: [true, false] });
  loop.close();
});

test("explore() runs it in other orders and finds the overdraft", () => {
  const error = failureOf(() => explore(racy, { check }));
  expect(error.message).toMatch(/^explore\(\) found a failing order on run \d+ of 100 \(seed 1\), schedule "[\d.]+"/);
  expect(error.message).toContain("Received:    -30");
});

test("the schedule in the error replays the failing run exactly", () => {
  const { schedule } = failureOf(() => explore(racy, { check }));
  expect(replay(racy, schedule)).toEqual({ balance: -30, results: [true, true] });
  expect(() => replay(racy, schedule, { check })).toThrow(InterleavingError);
});

test("exhaustive search finds the smallest change from the plain order", () => {
  // Three choice points (two tasks start, two timers fire at 10 ms, two tasks wake): only the last differs.
  expect(failureOf(() => explore(racy, { exhaustive: true, check })).schedule).toBe("0.0.1");
});

test("the fix holds in every order", () => {
  expect(explore(safe, { check })).toMatchObject({ runs: 100 });
  expect(explore(safe, { exhaustive: true, check })).toMatchObject({ complete: true, runs: 8 });
});
