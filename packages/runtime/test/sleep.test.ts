import { asyncFn, returnValue } from "./helpers";
import { Future, TestLoop, sleep } from "../src/index";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => loop.close());

test("sleep is a lazy coroutine named sleep", () => {
  const s = sleep(10);
  expect(s.name).toBe("sleep");
  expect(s.state).toBe("created");
  expect(loop.runUntilComplete(s)).toBeUndefined();
});

test("resolves with its value after ms of the loop's clock", () => {
  expect(loop.runUntilComplete(sleep(25, "v"))).toBe("v");
  expect(loop.time()).toBe(25);
});

test("sleep(0) suspends once on a bare value, like asyncio.sleep(0)", () => {
  const s = sleep(0, "x");
  expect(s.send()).toBeUndefined();
  expect(returnValue(() => s.send())).toBe("x");
});

test("sleep(ms) stepped by hand awaits a Future that a timer of the running loop completes", () => {
  let awaited: unknown;
  loop.callSoon(() => {
    awaited = sleep(10).send();
  });
  loop.advance(0);
  expect(awaited).toBeInstanceOf(Future);
  expect((awaited as Future<unknown>).getLoop()).toBe(loop);
  expect((awaited as Future<unknown>).done()).toBe(false);
  loop.advance(10);
  expect((awaited as Future<unknown>).done()).toBe(true);
});

test("inside a task on a TestLoop, sleep uses that loop's virtual clock without the loop being set", () => {
  const f = asyncFn("f", function* () {
    const t0 = loop.time();
    yield sleep(1000);
    return loop.time() - t0;
  });
  expect(loop.runUntilComplete(f())).toBe(1000);
});

test("cancelling a sleeping task cancels its timer", () => {
  const t = loop.createTask(sleep(100));
  loop.advance(0);
  expect(loop._scheduled.liveSize).toBe(1);
  t.cancel();
  loop.advance(0);
  expect(t.cancelled()).toBe(true);
  expect(loop._scheduled.liveSize).toBe(0);
});

test("after a sleep has finished, its timer is not left counted on the loop", () => {
  expect(loop.runUntilComplete(sleep(10, "v"))).toBe("v");
  expect(String(loop)).toBe("<TestLoop idle ready=0 timers=0>");
  loop.callLater(1, () => {});
  expect(String(loop)).toBe("<TestLoop idle ready=0 timers=1>");
});

test("a negative delay acts as 0", () => {
  const s = sleep(-5, 1);
  expect(s.send()).toBeUndefined();
});

test("a non-numeric ms is refused at the call", () => {
  expect(() => sleep("10" as unknown as number)).toThrow(new TypeError("sleep(): ms must be a number of milliseconds, got \"10\""));
  expect(() => sleep(NaN)).toThrow(new TypeError("sleep(): ms must be a number of milliseconds, got NaN"));
});
