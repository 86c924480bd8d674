import { asyncFn, thrown } from "./helpers";
import { EventLoop, TestLoop, VirtualTimeout, sleep, withVirtualTimers, type ExceptionContext } from "../src/index";

const NAMES = ["setTimeout", "setInterval", "clearTimeout", "clearInterval", "setImmediate", "clearImmediate"] as const;

let loop: TestLoop;
let reported: ExceptionContext[];
let restore: (() => void) | null;
beforeEach(() => {
  loop = new TestLoop();
  reported = [];
  loop.setExceptionHandler((_l, context) => void reported.push(context));
  restore = null;
});
afterEach(() => {
  restore?.();
  jest.restoreAllMocks();
  loop.close();
});

/** Spies on the host's timer functions (they still work), so a test can assert they were never called. */
function spyOnHostTimers(): jest.SpyInstance[] {
  return NAMES.map((name) => jest.spyOn(globalThis, name as "setTimeout"));
}

test("an hour of setInterval ticks and sleeps runs in virtual time, never touching the host's timers", () => {
  const hostSpies = spyOnHostTimers();
  restore = loop.installTimers();
  let ticks = 0;
  const interval = setInterval(() => ticks++, 1000);
  const main = asyncFn("main", function* () {
    for (let minute = 0; minute < 60; minute++) yield sleep(60_000);
    clearInterval(interval);
    return loop.time();
  });
  expect(loop.runUntilComplete(main())).toBe(3_600_000);
  expect(ticks).toBe(3600);
  expect(loop.pending().empty).toBe(true);
  restore();
  for (const spy of hostSpies) expect(spy).not.toHaveBeenCalled();
});

test("restore puts the original functions back, and a second call does nothing", () => {
  const originals = NAMES.map((name) => globalThis[name]);
  restore = loop.installTimers();
  expect(NAMES.map((name) => globalThis[name] === originals[NAMES.indexOf(name)])).toEqual(NAMES.map(() => false));
  restore();
  expect(NAMES.map((name) => globalThis[name])).toEqual(originals);
  restore();
  expect(NAMES.map((name) => globalThis[name])).toEqual(originals);
});

test("closing the loop restores the globals if the test did not", () => {
  const originals = NAMES.map((name) => globalThis[name]);
  const other = new TestLoop();
  other.installTimers();
  expect(globalThis.setTimeout).not.toBe(originals[0]);
  other.close();
  expect(NAMES.map((name) => globalThis[name])).toEqual(originals);
});

test("one installation at a time: a second is refused, naming the loop that has them", () => {
  restore = loop.installTimers();
  const other = new TestLoop();
  expect(() => other.installTimers()).toThrow(
    /^installTimers\(\): virtual timers are already installed for <TestLoop idle ready=0 timers=0>; call the restore function/,
  );
  other.close();
});

test("setTimeout passes its arguments, with the timer as this; clearTimeout takes the timer or its number", () => {
  restore = loop.installTimers();
  const log: unknown[] = [];
  const t1 = setTimeout(function (this: unknown, a: string, b: number) {
    log.push([a, b, this === t1]);
  }, 50, "x", 2);
  const t2 = setTimeout(() => log.push("cleared by object"), 10);
  const t3 = setTimeout(() => log.push("cleared by number"), 10);
  clearTimeout(t2);
  clearTimeout(Number(t3));
  expect(t1).toBeInstanceOf(VirtualTimeout);
  expect(typeof +t1).toBe("number");
  loop.advance(100);
  expect(log).toEqual([["x", 2, true]]);
});

test("delays follow Node: 0, negative, huge or non-numeric delays become 1 ms", () => {
  restore = loop.installTimers();
  const at: Record<string, number> = {};
  setTimeout(() => (at.zero = loop.time()), 0);
  setTimeout(() => (at.negative = loop.time()), -5);
  setTimeout(() => (at.huge = loop.time()), 2 ** 31);
  setTimeout(() => (at.text = loop.time()), "soon" as unknown as number);
  setTimeout(() => (at.numeric = loop.time()), "20" as unknown as number);
  loop.advance(100);
  expect(at).toEqual({ zero: 1, negative: 1, huge: 1, text: 1, numeric: 20 });
});

test("timer objects behave like Node's: ref/unref/hasRef chain, refresh restarts the delay", () => {
  restore = loop.installTimers();
  const fired: number[] = [];
  const t = setTimeout(() => fired.push(loop.time()), 100);
  expect(t.unref()).toBe(t);
  expect(t.hasRef()).toBe(false);
  expect(t.ref().hasRef()).toBe(true);
  loop.advance(60);
  t.refresh();
  loop.advance(60);
  expect(fired).toEqual([]);
  loop.advance(40);
  expect(fired).toEqual([160]);
  t.refresh(); // re-arms a timeout that already fired, as in Node
  loop.advance(100);
  expect(fired).toEqual([160, 260]);
});

test("setInterval repeats until cleared, also from its own callback; its errors go to the exception handler", () => {
  restore = loop.installTimers();
  const times: number[] = [];
  const handle = setInterval(() => {
    times.push(loop.time());
    if (times.length === 2) throw new Error("tick failed");
    if (times.length === 4) clearInterval(handle);
  }, 25);
  loop.advance(1000);
  expect(times).toEqual([25, 50, 75, 100]);
  expect(reported.map((c) => (c.exception as Error).message)).toEqual(["tick failed"]);
});

test("setImmediate runs on the loop's next iteration, before later timers; clearImmediate cancels it", () => {
  restore = loop.installTimers();
  const log: string[] = [];
  setTimeout(() => log.push("timeout"), 1);
  setImmediate((what: string) => log.push(what), "immediate");
  const dropped = setImmediate(() => log.push("dropped"));
  clearImmediate(dropped);
  loop.runUntilIdle();
  expect(log).toEqual(["immediate"]);
  loop.advance(1);
  expect(log).toEqual(["immediate", "timeout"]);
});

test("loop.pending() names the timers by the call that made them", () => {
  restore = loop.installTimers();
  function tick(): void {}
  setInterval(tick, 1000);
  setTimeout(tick, 5);
  expect(loop.pending().timers.map((t) => [t.when, t.callback])).toEqual([
    [5, "setTimeout(function tick, 5)"],
    [1000, "setInterval(function tick, 1000)"],
  ]);
});

test("a callback that is not a function is refused, naming the call", () => {
  restore = loop.installTimers();
  expect(() => setTimeout("alert(1)" as never, 10)).toThrow(
    new TypeError('setTimeout(): the callback must be a function, got "alert(1)" (virtual timers of <TestLoop idle ready=0 timers=0>)'),
  );
  expect(loop.pending().empty).toBe(true);
});

test("a loop driven by the host keeps using the host's real timers while virtual ones are installed", () => {
  const [hostSetTimeout] = spyOnHostTimers();
  restore = loop.installTimers();
  const hostLoop = new EventLoop();
  hostLoop.callLater(60_000, () => {});
  expect(hostSetTimeout).toHaveBeenCalledTimes(1);
  expect(loop.pending().empty).toBe(true);
  hostLoop.close();
});

describe("withVirtualTimers", () => {
  test("restores the globals when the function returns or throws", () => {
    const original = globalThis.setTimeout;
    const result = withVirtualTimers(loop, () => {
      expect(globalThis.setTimeout).not.toBe(original);
      setTimeout(() => {}, 10);
      return "done";
    });
    expect(result).toBe("done");
    expect(globalThis.setTimeout).toBe(original);
    expect(loop.pending().timers.map((t) => t.when)).toEqual([10]);
    expect(thrown(() => withVirtualTimers(loop, () => { throw new Error("inside"); }))).toEqual(new Error("inside"));
    expect(globalThis.setTimeout).toBe(original);
  });

  test("restores them once a returned promise settles", async () => {
    const original = globalThis.setTimeout;
    let during: unknown;
    await withVirtualTimers(loop, async () => {
      await Promise.resolve();
      during = globalThis.setTimeout;
    });
    expect(during).not.toBe(original);
    expect(globalThis.setTimeout).toBe(original);
  });
});
