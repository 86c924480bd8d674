import { EventLoop, StopIteration, Task, TestLoop, ensureFuture, getEventLoop, newEventLoop, setEventLoop } from "@stepwise/runtime";
import { sayHi } from "../src/say-hi";

let printed;
const print = (line) => printed.push(line);
beforeEach(() => {
  printed = [];
});

test("1. co.send(undefined) runs the body; StopIteration says it returned", () => {
  const co = sayHi(print);
  expect(co.state).toBe("created");
  expect(printed).toEqual([]);
  let stop;
  try {
    co.send(undefined);
  } catch (e) {
    if (!(e instanceof StopIteration)) throw e;
    stop = e;
  }
  expect(stop).toBeInstanceOf(StopIteration);
  expect(stop.value).toBeUndefined();
  expect(printed).toEqual(["Hi!"]);
  expect(co.state).toBe("closed");
  // A finished coroutine cannot be driven again.
  expect(() => co.send(undefined)).toThrow(/cannot reuse already awaited coroutine/);
});

test("1b. the first send must be undefined, like CPython's send(None)", () => {
  const co = sayHi(print);
  expect(() => co.send("hello")).toThrow(TypeError);
  expect(co.state).toBe("created");
  expect(printed).toEqual([]);
  co.close();
});

test("2. ensureFuture(coro) is a Task whose _step the loop has queued; _step() runs it once", () => {
  const loop = new EventLoop();
  setEventLoop(loop);
  try {
    const future = ensureFuture(sayHi(print));
    expect(future).toBeInstanceOf(Task);
    expect(future.getLoop()).toBe(loop);
    // Task constructor -> loop.callSoon(task._step) -> loop._ready.push(new Handle(task._step))
    expect(loop._ready.length).toBe(1);
    const handle = loop._ready.peek();
    expect(handle._callback).toBe(future._step);
    expect(printed).toEqual([]);

    future._step();
    expect(printed).toEqual(["Hi!"]);
    expect(future.done()).toBe(true);
    expect(future.result()).toBeUndefined();
    expect(handle.cancelled()).toBe(true);

    // Running the loop now finds only the cancelled handle: the task is not stepped twice.
    loop.runUntilComplete(future);
    expect(printed).toEqual(["Hi!"]);
    expect(() => future._step()).toThrow(/InvalidStateError|finished|done/i);
  } finally {
    setEventLoop(null);
    loop.close();
  }
});

test("3. getEventLoop().runUntilComplete(sayHi())", () => {
  const loop = newEventLoop();
  setEventLoop(loop);
  try {
    expect(getEventLoop()).toBe(loop);
    expect(getEventLoop().runUntilComplete(sayHi(print))).toBeUndefined();
    expect(printed).toEqual(["Hi!"]);
    expect(loop._ready.length).toBe(0);
  } finally {
    setEventLoop(null);
    loop.close();
  }
});

test("step the loop itself: _runOnce runs exactly what was ready", () => {
  const loop = new TestLoop();
  const a = loop.createTask(sayHi(() => print("a")));
  const b = loop.createTask(sayHi(() => print("b")));
  expect(loop._ready.length).toBe(2);
  loop._runOnce();
  expect(printed).toEqual(["a", "b"]);
  expect(a.done() && b.done()).toBe(true);
  // Each task's done callbacks (none here) would be queued now; the ready queue is empty.
  expect(loop._ready.length).toBe(0);
  loop.close();
});
