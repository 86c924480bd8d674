import { thrown } from "./helpers";
import { CancelledError, Future, InvalidStateError, StopIteration, TestLoop, getEventLoop, isFuture } from "../src/index";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => loop.close());

/** Runs everything the loop has ready. */
function drain(): void {
  loop.advance(0);
}

describe("state", () => {
  test("a new future is pending; result() and exception() say it is not ready", () => {
    const f = new Future<number>({ loop });
    expect(f.done()).toBe(false);
    expect(f.cancelled()).toBe(false);
    expect(f.getLoop()).toBe(loop);
    expect(String(f)).toBe("<Future pending>");
    const r = thrown(() => f.result());
    expect(r).toBeInstanceOf(InvalidStateError);
    expect((r as Error).message).toMatch(/^Result is not ready: <Future pending> is still pending/);
    const e = thrown(() => f.exception());
    expect(e).toBeInstanceOf(InvalidStateError);
    expect((e as Error).message).toMatch(/^Exception is not set: <Future pending>/);
  });

  test("setResult finishes it with a result", () => {
    const f = new Future<string>({ loop });
    f.setResult("v");
    expect(f.done()).toBe(true);
    expect(f.result()).toBe("v");
    expect(f.exception()).toBeUndefined();
    expect(String(f)).toBe('<Future finished result="v">');
  });

  test("setException finishes it with an error that result() throws", () => {
    const f = new Future({ loop });
    const err = new TypeError("bad");
    f.setException(err);
    expect(f.done()).toBe(true);
    expect(f.cancelled()).toBe(false);
    expect(f.exception()).toBe(err);
    expect(thrown(() => f.result())).toBe(err);
  });

  test("setException with an error class stores an instance", () => {
    const f = new Future({ loop });
    f.setException(RangeError);
    expect(f.exception()).toBeInstanceOf(RangeError);
  });

  test("setException with a StopIteration stores an Error wrapping it", () => {
    const f = new Future({ loop });
    const stop = new StopIteration(1);
    f.setException(stop);
    const e = f.exception() as Error;
    expect(e).not.toBeInstanceOf(StopIteration);
    expect(e.message).toBe("StopIteration interacts badly with generators and cannot be raised into a Future");
    expect(e.cause).toBe(stop);
  });

  test("setResult or setException on a done future throws InvalidStateError naming the call and the future", () => {
    const f = new Future<number>({ loop });
    f.setResult(1);
    const a = thrown(() => f.setResult(2));
    expect(a).toBeInstanceOf(InvalidStateError);
    expect((a as Error).message).toBe("setResult() on <Future finished result=1>: it is already done");
    const b = thrown(() => f.setException(new Error("x")));
    expect(b).toBeInstanceOf(InvalidStateError);
    expect((b as Error).message).toBe("setException() on <Future finished result=1>: it is already done");
    expect(f.result()).toBe(1);
  });
});

describe("cancel", () => {
  test("cancel(msg) returns true once; result() and exception() throw CancelledError with the message", () => {
    const f = new Future({ loop });
    expect(f.cancel("bye")).toBe(true);
    expect(f.cancel("again")).toBe(false);
    expect(f.cancelled()).toBe(true);
    expect(f.done()).toBe(true);
    expect(String(f)).toBe("<Future cancelled>");
    const r = thrown(() => f.result());
    expect(r).toBeInstanceOf(CancelledError);
    expect((r as Error).message).toBe("bye");
    expect(thrown(() => f.exception())).toBeInstanceOf(CancelledError);
  });

  test("cancel on a finished future returns false and changes nothing", () => {
    const f = new Future({ loop });
    f.setResult(3);
    expect(f.cancel()).toBe(false);
    expect(f.cancelled()).toBe(false);
    expect(f.result()).toBe(3);
  });

  test("a cancelled future cannot be given a result or an error, and stays cancelled", () => {
    const f = new Future({ loop });
    f.cancel("first");
    expect(() => f.setResult(1)).toThrow(new InvalidStateError("setResult() on <Future cancelled>: it is already done"));
    expect(() => f.setException(new Error("x"))).toThrow(new InvalidStateError("setException() on <Future cancelled>: it is already done"));
    expect(f.cancelled()).toBe(true);
    expect((thrown(() => f.result()) as Error).message).toBe("first");
  });

  test("a failed future keeps its error when given a result, an error or a cancel", () => {
    const f = new Future({ loop });
    const err = new Error("original");
    f.setException(err);
    expect(() => f.setResult(1)).toThrow(/^setResult\(\) on <Future finished exception=Error: original>: it is already done/);
    expect(() => f.setException(new Error("other"))).toThrow(InvalidStateError);
    expect(f.cancel()).toBe(false);
    expect(f.exception()).toBe(err);
  });
});

describe("done callbacks", () => {
  test("run through the loop, never synchronously, in the order they were added, with the future", () => {
    const f = new Future<number>({ loop });
    const log: string[] = [];
    f.addDoneCallback((g) => log.push(`a ${g.result()}`));
    f.addDoneCallback((g) => log.push(`b ${g === f}`));
    f.setResult(1);
    expect(log).toEqual([]);
    drain();
    expect(log).toEqual(["a 1", "b true"]);
  });

  test("added to a done future, still scheduled on the loop", () => {
    const f = new Future({ loop });
    f.cancel();
    const log: boolean[] = [];
    f.addDoneCallback((g) => log.push(g.cancelled()));
    expect(log).toEqual([]);
    drain();
    expect(log).toEqual([true]);
  });

  test("removeDoneCallback removes every registration and returns how many", () => {
    const f = new Future({ loop });
    const log: string[] = [];
    const cb = (): void => void log.push("cb");
    f.addDoneCallback(cb);
    f.addDoneCallback(() => log.push("other"));
    f.addDoneCallback(cb);
    expect(f.removeDoneCallback(cb)).toBe(2);
    expect(f.removeDoneCallback(cb)).toBe(0);
    f.setResult(undefined);
    drain();
    expect(log).toEqual(["other"]);
  });

  test("addDoneCallback with a non-function says so, and the callbacks already added still run", () => {
    const f = new Future({ loop });
    const log: string[] = [];
    f.addDoneCallback(() => void log.push("kept"));
    expect(() => f.addDoneCallback(42 as unknown as () => void)).toThrow(
      new TypeError("addDoneCallback(): expected a function, got 42"),
    );
    f.setResult(undefined);
    expect(() => f.addDoneCallback(null as unknown as () => void)).toThrow(TypeError);
    expect(loop._ready.length).toBe(1);
    drain();
    expect(log).toEqual(["kept"]);
  });

  test("removeDoneCallback of a callback never added removes nothing", () => {
    const f = new Future({ loop });
    const log: string[] = [];
    f.addDoneCallback(() => void log.push("kept"));
    expect(f.removeDoneCallback(() => {})).toBe(0);
    f.setResult(undefined);
    drain();
    expect(log).toEqual(["kept"]);
  });
});

test("on a closed loop, finishing a future that has callbacks is refused, naming the call, and it stays pending", () => {
  const f = new Future<number>({ loop });
  const log: string[] = [];
  f.addDoneCallback(() => void log.push("cb"));
  loop.close();
  const message = (method: string): string =>
    `${method}() on <Future pending>: its event loop is closed, so its done callbacks cannot be scheduled`;
  expect(() => f.setResult(1)).toThrow(message("setResult"));
  expect(() => f.setException(new Error("x"))).toThrow(message("setException"));
  expect(() => f.cancel()).toThrow(message("cancel"));
  expect(f.done()).toBe(false);
  expect(String(f)).toBe("<Future pending>");
  // Without callbacks there is nothing to schedule, so it can still finish (as in asyncio).
  const bare = new Future<number>({ loop });
  bare.setResult(2);
  expect(bare.result()).toBe(2);
});

describe("then: code that was not compiled can await a future", () => {
  test("resolves with the result once the loop runs the callbacks", async () => {
    const f = new Future<number>({ loop });
    const p = f.then((v) => v + 1);
    f.setResult(1);
    drain();
    await expect(p).resolves.toBe(2);
  });

  test("rejects with the error", async () => {
    const f = new Future<number>({ loop });
    f.setException(new Error("nope"));
    await expect(f).rejects.toThrow("nope");
  });

  test("rejects with CancelledError when cancelled", async () => {
    const f = new Future<number>({ loop });
    f.cancel("stop");
    await expect(f).rejects.toBeInstanceOf(CancelledError);
  });
});

test("a future made inside a run belongs to the running loop", () => {
  let made: Future<unknown> | undefined;
  loop.callSoon(() => {
    made = new Future();
  });
  drain();
  expect(made!.getLoop()).toBe(loop);
});

test("a future made outside any running loop belongs to getEventLoop()", () => {
  expect(new Future().getLoop()).toBe(getEventLoop());
});

test("isFuture tells futures from promises and plain values", () => {
  expect(isFuture(new Future({ loop }))).toBe(true);
  expect(isFuture(Promise.resolve(1))).toBe(false);
  expect(isFuture({ then() {} })).toBe(false);
  expect(isFuture(null)).toBe(false);
});
