import { TestLoop, withVirtualTimers } from "@stepwise/runtime";
import { retry } from "../src/retry";

/** An operation that fails `failures` times, then answers "ok"; it notes the time of each attempt. */
function flaky(loop, failures) {
  const attempts = [];
  const operation = (callback) => {
    attempts.push(loop.time());
    setTimeout(() => (attempts.length <= failures ? callback(new Error(`attempt ${attempts.length} failed`)) : callback(null, "ok")), 10);
  };
  return { operation, attempts };
}

/** Runs every timer there is, in order, however far away: the clock jumps from one to the next. */
function runAllTimers(loop) {
  while (loop.advanceToNextTimer() !== null);
}

test("two failures, then success: attempts at 0, 110 and 320 ms (100 ms, then 200 ms of backoff)", () => {
  const loop = new TestLoop();
  const done = jest.fn();
  const { operation, attempts } = flaky(loop, 2);
  withVirtualTimers(loop, () => {
    retry(operation, { attempts: 3, delayMs: 100 }, done);
    runAllTimers(loop);
  });
  expect(attempts).toEqual([0, 110, 320]);
  expect(done).toHaveBeenCalledWith(null, "ok");
  expect(loop.time()).toBe(330);
  loop.close();
});

test("out of attempts, the last error is passed on", () => {
  const loop = new TestLoop();
  const done = jest.fn();
  const { operation, attempts } = flaky(loop, 10);
  withVirtualTimers(loop, () => {
    retry(operation, { attempts: 4, delayMs: 1000 }, done);
    runAllTimers(loop);
  });
  expect(attempts).toEqual([0, 1010, 3020, 7030]);
  expect(done).toHaveBeenCalledWith(new Error("attempt 4 failed"));
  loop.close();
});
