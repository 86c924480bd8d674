import { EventLoop, TestLoop, getEventLoop, getRunningLoop, newEventLoop, setEventLoop } from "../src/index";

afterEach(() => setEventLoop(null));

test("getEventLoop outside a run makes an EventLoop once and keeps returning it", () => {
  setEventLoop(null);
  const a = getEventLoop();
  expect(a).toBeInstanceOf(EventLoop);
  expect(a).not.toBeInstanceOf(TestLoop);
  expect(getEventLoop()).toBe(a);
});

test("getEventLoop returns the loop set with setEventLoop", () => {
  const loop = new TestLoop();
  setEventLoop(loop);
  expect(getEventLoop()).toBe(loop);
  loop.close();
});

test("a closed set loop is replaced by a new one", () => {
  const loop = new TestLoop();
  setEventLoop(loop);
  loop.close();
  const next = getEventLoop();
  expect(next).not.toBe(loop);
  expect(next.isClosed()).toBe(false);
  // ... and the new one becomes the set one.
  expect(getEventLoop()).toBe(next);
  next.close();
});

test("inside a run, getEventLoop and getRunningLoop return the running loop, not the set one", () => {
  const set = new TestLoop();
  const running = new TestLoop();
  setEventLoop(set);
  const seen: unknown[] = [];
  running.callSoon(() => seen.push(getEventLoop(), getRunningLoop()));
  running.advance(0);
  expect(seen).toEqual([running, running]);
  expect(getEventLoop()).toBe(set);
  set.close();
  running.close();
});

test("getRunningLoop outside a run throws and says what to use instead", () => {
  expect(() => getRunningLoop()).toThrow(
    "no running event loop: getRunningLoop() works only inside a task or callback the loop runs; use getEventLoop() outside one",
  );
});

test("newEventLoop makes a fresh EventLoop each call without setting it", () => {
  setEventLoop(null);
  const a = newEventLoop();
  const b = newEventLoop();
  expect(a).toBeInstanceOf(EventLoop);
  expect(a).not.toBe(b);
  expect(getEventLoop()).not.toBe(a);
  a.close();
  b.close();
});

test("setEventLoop refuses what is not a loop and keeps the loop that was set", () => {
  const loop = new TestLoop();
  setEventLoop(loop);
  expect(() => setEventLoop(42 as unknown as EventLoop)).toThrow(new TypeError("setEventLoop(): expected an EventLoop or null, got 42"));
  expect(getEventLoop()).toBe(loop);
  loop.close();
});

test("setEventLoop refuses what is not a loop", () => {
  expect(() => setEventLoop({} as EventLoop)).toThrow(new TypeError("setEventLoop(): expected an EventLoop or null, got an object (Object)"));
  expect(() => setEventLoop("loop" as unknown as EventLoop)).toThrow(new TypeError('setEventLoop(): expected an EventLoop or null, got "loop"'));
});
