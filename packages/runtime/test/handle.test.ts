import { Handle, TestLoop, TimerHandle, type ExceptionContext } from "../src/index";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => loop.close());

test("callSoon returns a Handle holding the callback and its arguments", () => {
  const cb = (a: number, b: string): void => void [a, b];
  const h = loop.callSoon(cb, 1, "x");
  expect(h).toBeInstanceOf(Handle);
  expect(h._callback).toBe(cb);
  expect(h._args).toEqual([1, "x"]);
  expect(h.cancelled()).toBe(false);
  expect(String(h)).toBe("<Handle cb()>");
});

test("_run calls the callback with its arguments", () => {
  const calls: unknown[][] = [];
  const h = new Handle((...args: never[]) => void calls.push(args), [1, 2, 3, 4], loop);
  h._run();
  expect(calls).toEqual([[1, 2, 3, 4]]);
});

test("a cancelled handle never runs, and cancel twice is harmless", () => {
  const log: string[] = [];
  const h = loop.callSoon(() => void log.push("ran"));
  h.cancel();
  h.cancel();
  expect(h.cancelled()).toBe(true);
  expect(String(h)).toBe("<Handle cancelled>");
  loop.advance(0);
  expect(log).toEqual([]);
});

test("an error from the callback goes to the loop's exception handler with the handle", () => {
  const reported: ExceptionContext[] = [];
  loop.setExceptionHandler((_l, ctx) => void reported.push(ctx));
  const err = new Error("in callback");
  function boom(): void {
    throw err;
  }
  const h = loop.callSoon(boom);
  loop.advance(0);
  expect(reported).toEqual([{ message: "Exception in callback boom()", exception: err, handle: h }]);
});

test("TimerHandle has when(); cancelling it keeps it from running", () => {
  const log: string[] = [];
  const t = loop.callLater(10, () => void log.push("timer"));
  expect(t).toBeInstanceOf(TimerHandle);
  expect(t.when()).toBe(10);
  t.cancel();
  expect(t.cancelled()).toBe(true);
  expect(String(t)).toBe("<TimerHandle when=10 cancelled>");
  loop.advance(20);
  expect(log).toEqual([]);
});
