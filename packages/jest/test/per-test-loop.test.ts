import { TestLoop, coroutine, getEventLoop, sleep } from "@stepwise/runtime";
import { allowPending, testLoop } from "@stepwise/jest";

async function pause(ms: number): Promise<string> {
  await sleep(ms);
  return `slept ${ms}`;
}

let previous: TestLoop | null = null;

test("each test gets a fresh TestLoop, set as the current loop", () => {
  const loop = testLoop();
  expect(loop).toBeInstanceOf(TestLoop);
  expect(getEventLoop()).toBe(loop);
  expect(loop.time()).toBe(0);
  previous = loop;
});

test("the loop of the previous test was closed when it ended", () => {
  expect(previous!.isClosed()).toBe(true);
  expect(testLoop()).not.toBe(previous);
});

test("a coroutine stepped by hand schedules its timers on the test's loop", () => {
  const co = coroutine(pause(100));
  co.send(undefined);
  testLoop().advance(100);
  expect(() => co.send(undefined)).toFinishWith("slept 100");
});

test("runUntilComplete on the test loop runs in virtual time", () => {
  expect(testLoop().runUntilComplete(pause(3_600_000))).toBe("slept 3600000");
  expect(testLoop().time()).toBe(3_600_000);
});

test("allowPending() lets this test end with a task still sleeping", () => {
  allowPending();
  testLoop().createTask(coroutine(pause(1000)));
  testLoop().advance(10);
});

describe("outside a test", () => {
  const errors: string[] = [];
  beforeAll(() => {
    for (const call of [testLoop, allowPending]) {
      try {
        call();
      } catch (e) {
        errors.push(String(e));
      }
    }
  });
  test("testLoop() and allowPending() say they work only inside a test", () => {
    expect(errors).toEqual([
      expect.stringMatching(/testLoop\(\): no test is running; the per-test loop exists from the first beforeEach to the first afterEach/),
      "Error: allowPending(): call it inside a test; it applies to that test only",
    ]);
  });
});
