import { Future, StopIteration, TestLoop, coroutine, setEventLoop, sleep } from "@stepwise/runtime";
import type { Coroutine } from "@stepwise/runtime";
import { backoffDelays, retry } from "../src/retry";

let loop: TestLoop;
beforeEach(() => {
  // sleep() outside a running loop uses the current loop: make it a TestLoop, which never runs
  // by itself, so a coroutine stepped by hand stays exactly where the test left it.
  loop = new TestLoop();
  setEventLoop(loop);
});
afterEach(() => {
  setEventLoop(null);
  loop.close();
});

/** The value a step finished with (StopIteration), or a failure if it did not finish. */
function returned<T>(co: Coroutine<T>, step: () => unknown): T {
  try {
    step();
  } catch (e) {
    if (e instanceof StopIteration) return e.value as T;
    throw e;
  }
  throw new Error(`${co.name} did not return; it awaits ${String(co.awaiting)}`);
}

describe("stepped by hand", () => {
  test("a failure is followed by a sleep of baseDelay, then a second attempt", () => {
    const requests: Future<string>[] = [];
    const operation = jest.fn((_attempt: number) => {
      const request = new Future<string>({ loop });
      requests.push(request);
      return request;
    });
    const co: Coroutine<string> = coroutine(retry(operation, { attempts: 3, baseDelayMs: 100 }));
    expect(co.state).toBe("created");
    expect(operation).not.toHaveBeenCalled();

    // First attempt: suspended on the operation's Future.
    expect(co.send(undefined)).toBe(requests[0]);
    expect(operation).toHaveBeenLastCalledWith(1);

    // It fails: retry catches, then sleeps. sleep() runs inline, so the chain shows it, and what
    // the coroutine now awaits is the sleep's Future, due 100 ms from now on the loop's clock.
    const sleeping = co.throw(new Error("503 Service Unavailable"));
    expect(sleeping).toBeInstanceOf(Future);
    expect(co.chain.map((c) => c.name)).toEqual(["retry", "sleep"]);
    expect(loop.time()).toBe(0);

    // Resume as the loop would when the timer fires: the second attempt starts.
    expect(co.send(undefined)).toBe(requests[1]);
    expect(operation).toHaveBeenLastCalledWith(2);
    expect(co.chain.map((c) => c.name)).toEqual(["retry"]);

    // Inject the response.
    expect(returned(co, () => co.send("profile"))).toBe("profile");
    expect(co.state).toBe("closed");
  });

  test("errors that are not worth retrying come out of the coroutine at once", () => {
    const co = coroutine(
      retry(() => new Future<number>({ loop }), {
        attempts: 5,
        baseDelayMs: 100,
        shouldRetry: (e) => !(e instanceof TypeError),
      }),
    );
    co.send(undefined);
    expect(() => co.throw(new TypeError("bad request"))).toThrow("bad request");
    expect(co.state).toBe("closed");
  });

  test("after the last attempt the last error is thrown", () => {
    const co = coroutine(retry(() => new Future<number>({ loop }), { attempts: 2, baseDelayMs: 100 }));
    co.send(undefined);
    co.throw(new Error("first")); // -> sleeping
    co.send(undefined); // -> second attempt
    expect(() => co.throw(new Error("second"))).toThrow("second");
  });
});

describe("on a TestLoop: virtual time", () => {
  test("the clock after the backoff is the sum of the delays", () => {
    const attemptsAt: number[] = [];
    const flaky = async (attempt: number): Promise<string> => {
      attemptsAt.push(loop.time());
      if (attempt < 4) throw new Error(`failure ${attempt}`);
      return "ok";
    };
    const options = { attempts: 5, baseDelayMs: 100 };
    expect(loop.runUntilComplete(retry(flaky, options))).toBe("ok");
    expect(attemptsAt).toEqual([0, 100, 300, 700]);
    expect(loop.time()).toBe(100 + 200 + 400);
    expect(backoffDelays(options)).toEqual([100, 200, 400, 800]);
  });

  test("55 minutes of backoff take no real time", () => {
    const onRetry = jest.fn();
    const options = { attempts: 9, baseDelayMs: 60_000, maxDelayMs: 10 * 60_000, onRetry };
    const failing = async (attempt: number): Promise<never> => {
      await sleep(10); // each attempt itself takes 10 ms
      throw new Error(`failure ${attempt}`);
    };
    expect(() => loop.runUntilComplete(retry(failing, options))).toThrow("failure 9");
    const delays = backoffDelays(options);
    expect(delays).toEqual([60_000, 120_000, 240_000, 480_000, 600_000, 600_000, 600_000, 600_000]);
    expect(onRetry.mock.calls.map((call) => call[2])).toEqual(delays);
    expect(loop.time()).toBe(delays.reduce((a, b) => a + b) + 9 * 10);
    expect(loop.time()).toBe(55 * 60_000 + 90);
  });

  test("advance() moves time by hand: the retry waits until its timer is due", () => {
    let calls = 0;
    const task = loop.createTask(
      coroutine(
        retry(
          async () => {
            calls++;
            if (calls === 1) throw new Error("once");
            return calls;
          },
          { attempts: 2, baseDelayMs: 250 },
        ),
      ),
    );
    loop.advance(0);
    expect(calls).toBe(1);
    loop.advance(249);
    expect(calls).toBe(1);
    expect(task.done()).toBe(false);
    loop.advance(1);
    expect(calls).toBe(2);
    expect(task.result()).toBe(2);
    expect(loop.time()).toBe(250);
  });

  test("cancelling the task while it sleeps stops the retries", () => {
    let calls = 0;
    const task = loop.createTask(
      coroutine(
        retry(
          async () => {
            calls++;
            throw new Error("down");
          },
          { attempts: 10, baseDelayMs: 1000 },
        ),
      ),
    );
    loop.advance(500);
    expect(task.cancel()).toBe(true);
    loop.advance(0);
    expect(task.cancelled()).toBe(true);
    loop.advance(60_000);
    expect(calls).toBe(1);
  });
});
