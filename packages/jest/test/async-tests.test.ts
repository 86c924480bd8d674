import { coroutine, getRunningLoop, sleep } from "@stepwise/runtime";
import { testLoop } from "@stepwise/jest";

async function later<T>(ms: number, value: T): Promise<T> {
  await sleep(ms);
  return value;
}

let setUpAt = -1;
beforeEach(async () => {
  await sleep(5);
  setUpAt = testLoop().time();
});

test("an async test runs on the test's loop, in virtual time", async () => {
  expect(setUpAt).toBe(5);
  expect(getRunningLoop()).toBe(testLoop());
  const started = testLoop().time();
  expect(await later(60 * 60_000, "an hour later")).toBe("an hour later");
  expect(testLoop().time() - started).toBe(60 * 60_000);
});

test("native promises the code awaits settle before virtual time moves on", async () => {
  const fetched = jest.fn().mockResolvedValue({ id: 1 });
  async function withDeadline(): Promise<unknown> {
    const deadline = testLoop().createTask(coroutine(later(1000, "timed out")));
    const answer = await fetched();
    deadline.cancel();
    return answer;
  }
  expect(await withDeadline()).toEqual({ id: 1 });
  // The deadline's timer was due at 1005: the clock did not jump there while the promise settled.
  expect(testLoop().time()).toBe(5);
});

test("a coroutine handed to uncompiled code (expect(...).rejects) runs on the loop too", async () => {
  async function failing(): Promise<never> {
    await sleep(10);
    throw new RangeError("out of range");
  }
  await expect(failing()).rejects.toThrow(RangeError);
});

test.each([
  [10, "ten"],
  [20, "twenty"],
])("test.each: after %i ms, %s", async (ms, word) => {
  expect(await later(ms as number, word)).toBe(word);
  expect(testLoop().time()).toBe(5 + (ms as number));
});

describe("hooks outside a test", () => {
  let fromBeforeAll = "";
  beforeAll(async () => {
    fromBeforeAll = await later(1000, "ready");
  });
  test("beforeAll runs on a TestLoop of its own", () => {
    expect(fromBeforeAll).toBe("ready");
  });
});
