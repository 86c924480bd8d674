import { TestLoop } from "@stepwise/runtime";
import { ExpiringCache } from "../src/expiring-cache";

let loop;
let restore;
beforeEach(() => {
  loop = new TestLoop();
  restore = loop.installTimers();
});
afterEach(() => {
  restore();
  loop.close();
});

const MINUTE = 60_000;

test("an entry is gone ttl after it was set", () => {
  const cache = new ExpiringCache(10 * MINUTE);
  cache.set("user:1", { name: "Ada" });
  loop.advance(10 * MINUTE - 1);
  expect(cache.size).toBe(1);
  loop.advance(1);
  expect(cache.size).toBe(0);
  expect(cache.get("user:1")).toBeUndefined();
});

test("each read restarts its ttl (timer.refresh())", () => {
  const cache = new ExpiringCache(10 * MINUTE);
  cache.set("user:1", { name: "Ada" });
  for (let i = 0; i < 6; i++) {
    loop.advance(9 * MINUTE);
    expect(cache.get("user:1")).toEqual({ name: "Ada" });
  }
  loop.advance(10 * MINUTE);
  expect(cache.size).toBe(0);
  expect(loop.time()).toBe(64 * MINUTE);
});

test("a day of sessions: ten thousand entries, each expiring on its own timer", () => {
  const cache = new ExpiringCache(30 * MINUTE);
  const peak = [];
  for (let i = 0; i < 10_000; i++) {
    cache.set(`session:${i}`, i);
    loop.advance(8_640); // one new session every 8.64 s, for 24 hours
    peak.push(cache.size);
  }
  expect(loop.time()).toBe(24 * 60 * MINUTE);
  expect(Math.max(...peak)).toBe(208); // 30 minutes' worth of sessions: 1800 s / 8.64 s = 208.3
  loop.advance(30 * MINUTE);
  expect(cache.size).toBe(0);
  expect(loop.pending().empty).toBe(true);
});

test("clear() cancels every timer", () => {
  const cache = new ExpiringCache(MINUTE);
  cache.set("a", 1);
  cache.set("b", 2);
  expect(loop.pending().timers).toHaveLength(2);
  cache.clear();
  expect(loop.pending().empty).toBe(true);
});
