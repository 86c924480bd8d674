import { asyncFn, returnValue, thrown } from "./helpers";
import { Coroutine, Future, StopIteration, TestLoop, setEventLoop } from "../src/index";

const loop = new TestLoop();
afterAll(() => loop.close());

describe("lazy start and send", () => {
  test("calling the function runs none of the body", () => {
    const log: string[] = [];
    const f = asyncFn("f", function* () {
      log.push("body");
      return 1;
    });
    const co = f();
    expect(co).toBeInstanceOf(Coroutine);
    expect(log).toEqual([]);
    expect(co.state).toBe("created");
    expect(returnValue(() => co.send(undefined))).toBe(1);
    expect(log).toEqual(["body"]);
    expect(co.state).toBe("closed");
  });

  test("send returns what the coroutine awaits and resumes with the sent value", () => {
    const fut = new Future<number>({ loop });
    const f = asyncFn("f", function* () {
      const v = (yield fut) as number;
      return v * 2;
    });
    const co = f();
    expect(co.send()).toBe(fut);
    expect(co.state).toBe("suspended");
    expect(co.awaiting).toBe(fut);
    expect(returnValue(() => co.send(21))).toBe(42);
    expect(co.awaiting).toBeUndefined();
  });

  test("StopIteration carries the return value and is an Error", () => {
    const error = thrown(() => asyncFn("f", function* () { return "r"; })().send());
    expect(error).toBeInstanceOf(StopIteration);
    expect(error).toBeInstanceOf(Error);
    expect((error as StopIteration).value).toBe("r");
  });

  test("an error the body does not catch comes out of send as itself", () => {
    const boom = new RangeError("boom");
    const co = asyncFn("f", function* () {
      yield 1;
      throw boom;
    })();
    co.send();
    expect(thrown(() => co.send())).toBe(boom);
    expect(co.state).toBe("closed");
  });

  test("await of a plain value suspends once and send returns that value", () => {
    const co = asyncFn("f", function* () {
      const a = yield 5;
      const b = yield undefined;
      return [a, b];
    })();
    expect(co.send()).toBe(5);
    expect(co.send("x")).toBeUndefined();
    expect(co.state).toBe("suspended");
    expect(returnValue(() => co.send("y"))).toEqual(["x", "y"]);
  });

  test("await of a native promise suspends and send returns the promise", () => {
    const p = Promise.resolve(3);
    const co = asyncFn("f", function* () { return (yield p) as number; })();
    expect(co.send()).toBe(p);
    expect(returnValue(() => co.send(3))).toBe(3);
  });

  test("await of a done Future does not suspend", () => {
    const ok = new Future<number>({ loop });
    ok.setResult(4);
    const bad = new Future<number>({ loop });
    const err = new Error("stored");
    bad.setException(err);
    const co = asyncFn("f", function* () {
      const v = (yield ok) as number;
      try {
        yield bad;
      } catch (e) {
        return [v, e];
      }
      return "not reached";
    })();
    expect(returnValue(() => co.send())).toEqual([4, err]);
  });

  test("await of a cancelled Future throws CancelledError at once, without suspending", () => {
    const f = new Future<number>({ loop });
    f.cancel("gone");
    const co = asyncFn("f", function* () {
      try {
        yield f;
      } catch (e) {
        return e;
      }
    })();
    const e = returnValue(() => co.send()) as Error;
    expect(e.name).toBe("CancelledError");
    expect(e.message).toBe("gone");
  });

  test("returning a thenable adopts it: the coroutine awaits it first", () => {
    const p = Promise.resolve(1);
    const co = asyncFn("f", function* () { return p; })();
    expect(co.send()).toBe(p);
    expect(co.state).toBe("suspended");
    expect(returnValue(() => co.send(1))).toBe(1);
  });

  test("an error from a default parameter is thrown when the coroutine is first driven", () => {
    const fail = (): number => { throw new Error("bad default"); };
    const f = asyncFn("f", function* (x: number = fail()) { return x; });
    const co = f();
    expect(co.state).toBe("created");
    expect(thrown(() => co.send())).toEqual(new Error("bad default"));
    expect(co.state).toBe("closed");
  });
});

describe("throw", () => {
  test("raises the error at the await, where the body can handle it", () => {
    const fut = new Future({ loop });
    const co = asyncFn("f", function* () {
      try {
        yield fut;
      } catch (e) {
        return `caught ${(e as Error).message}`;
      }
      return "no";
    })();
    co.send();
    expect(returnValue(() => co.throw(new Error("boom")))).toBe("caught boom");
  });

  test("throw returns what the body awaits next when it handles the error", () => {
    const co = asyncFn("f", function* () {
      try {
        yield 1;
      } catch {
        yield 2;
      }
    })();
    co.send();
    expect(co.throw(new Error("x"))).toBe(2);
  });

  test("on an unstarted coroutine the body never runs and the coroutine is finished", () => {
    const log: string[] = [];
    const co = asyncFn("f", function* () {
      try {
        log.push("body");
      } finally {
        log.push("finally");
      }
    })();
    const err = new Error("early");
    expect(thrown(() => co.throw(err))).toBe(err);
    expect(log).toEqual([]);
    expect(co.state).toBe("closed");
  });
});

describe("close", () => {
  test("runs finally blocks of a suspended coroutine, not its catch blocks, and leaves the awaited future alone", () => {
    const log: string[] = [];
    const fut = new Future({ loop });
    const co = asyncFn("f", function* () {
      try {
        yield fut;
      } catch {
        log.push("catch");
      } finally {
        log.push("finally");
      }
    })();
    co.send();
    expect(co.close()).toBeUndefined();
    expect(log).toEqual(["finally"]);
    expect(co.state).toBe("closed");
    expect(fut.cancelled()).toBe(false);
    expect(co.close()).toBeUndefined();
  });

  test("closes a chain of inline awaits innermost first", () => {
    const log: string[] = [];
    const inner = asyncFn("inner", function* () {
      try {
        yield 1;
      } finally {
        log.push("inner finally");
      }
    });
    const outer = asyncFn("outer", function* () {
      try {
        yield inner();
      } finally {
        log.push("outer finally");
      }
    });
    const co = outer();
    co.send();
    co.close();
    expect(log).toEqual(["inner finally", "outer finally"]);
    expect(co.state).toBe("closed");
  });

  test("an unstarted coroutine is closed without running anything", () => {
    const log: string[] = [];
    const co = asyncFn("f", function* () { log.push("body"); })();
    expect(co.close()).toBeUndefined();
    expect(co.state).toBe("closed");
    expect(log).toEqual([]);
  });

  test("a finally block that awaits during close gives 'coroutine ignored close'", () => {
    const co = asyncFn("stubborn", function* () {
      try {
        yield 1;
      } finally {
        yield 2;
      }
    })();
    co.send();
    const error = thrown(() => co.close()) as Error;
    expect(error.message).toMatch(/^coroutine ignored close: <coroutine stubborn\(\)/);
    expect(co.state).toBe("suspended");
    expect(co.awaiting).toBe(2);
  });

  test("an error thrown by a finally block comes out of close", () => {
    const co = asyncFn("f", function* () {
      try {
        yield 1;
      } finally {
        throw new Error("from finally");
      }
    })();
    co.send();
    expect(thrown(() => co.close())).toEqual(new Error("from finally"));
    expect(co.state).toBe("closed");
  });

  // The three below were found by the hand-stepping property (babel-plugin/test/coroutine-contract).
  test("awaits that do not suspend are fine in a finally block during close: a done future, an inline coroutine that returns", () => {
    const log: unknown[] = [];
    const done = new Future<string>({ loop });
    done.setResult("done");
    const quick = asyncFn("quick", function* () { return "quick"; });
    const co = asyncFn("f", function* () {
      try {
        yield 1;
      } finally {
        log.push(yield done, yield quick());
      }
    })();
    co.send();
    expect(co.close()).toBeUndefined();
    expect(log).toEqual(["done", "quick"]);
    expect(co.state).toBe("closed");
  });

  test("an inline coroutine awaited in a finally block during close runs; when it suspends, the chain stays suspended in it", () => {
    const log: unknown[] = [];
    const cleanup = asyncFn("cleanup", function* () {
      log.push("cleanup starts");
      log.push((yield "flush") as string);
    });
    const co = asyncFn("f", function* () {
      try {
        yield 1;
      } finally {
        yield cleanup();
      }
    })();
    co.send();
    expect((thrown(() => co.close()) as Error).message).toMatch(/^coroutine ignored close: .* awaited "flush"/);
    expect(co.state).toBe("suspended");
    expect(co.awaiting).toBe("flush");
    expect(co.chain.map((c) => c.name)).toEqual(["f", "cleanup"]);
    // Resuming finishes the interrupted close: the rest of the finally block, then the return.
    expect(returnValue(() => co.send("flushed"))).toBeUndefined();
    expect(log).toEqual(["cleanup starts", "flushed"]);
  });

  test("a frame that catches the error of an inner finally block and returns does not resume the frames outside it", () => {
    const log: string[] = [];
    const inner = asyncFn("inner", function* () {
      try {
        yield 1;
      } finally {
        throw new Error("from inner finally");
      }
    });
    const middle = asyncFn("middle", function* () {
      try {
        yield inner();
      } catch (e) {
        log.push(`middle caught ${(e as Error).message}`);
        return "middle's value";
      }
    });
    const outer = asyncFn("outer", function* () {
      try {
        const v = yield middle();
        log.push(`outer resumed with ${v}`);
        yield 2;
      } finally {
        log.push("outer finally");
      }
    });
    const co = outer();
    co.send();
    // As CPython's close: middle finished normally, so outer gets GeneratorExit, not middle's value.
    expect(co.close()).toBeUndefined();
    expect(log).toEqual(["middle caught from inner finally", "outer finally"]);
    expect(co.state).toBe("closed");
  });
});

describe("next", () => {
  test("is send in the iterator protocol, without StopIteration", () => {
    const co = asyncFn("f", function* () { return ((yield "a") as number) + 1; })();
    expect(co.next()).toEqual({ done: false, value: "a" });
    expect(co.next(1)).toEqual({ done: true, value: 2 });
  });

  test("throws the body's error", () => {
    const co = asyncFn("f", function* () { throw new Error("e"); })();
    expect(() => co.next()).toThrow("e");
  });

  test("refuses a value for a just-started coroutine", () => {
    const co = asyncFn("fresh", function* () { return 1; })();
    expect(() => co.next(1)).toThrow(/can't send non-undefined value to a just-started coroutine: <coroutine fresh\(\)/);
    expect(co.state).toBe("created");
  });
});

describe("introspection", () => {
  test("name, location and toString", () => {
    const co = asyncFn("fetchUser", function* () { yield 1; })();
    expect(co.name).toBe("fetchUser");
    expect(co.location).toBe("test.js:1:0");
    expect(String(co)).toBe("<coroutine fetchUser() at test.js:1:0 created>");
    co.send();
    expect(String(co)).toBe("<coroutine fetchUser() at test.js:1:0 suspended>");
  });

  test("state is running inside the body", () => {
    let inside: string | undefined;
    const co: Coroutine<void> = asyncFn("f", function* () { inside = co.state; })();
    thrown(() => co.send());
    expect(inside).toBe("running");
  });

  test("an inline-awaited coroutine reports its owner's state and what the innermost awaits", () => {
    const fut = new Future({ loop });
    let inner: Coroutine<unknown> | undefined;
    const innerFn = asyncFn("inner", function* () { return yield fut; });
    const co = asyncFn("outer", function* () {
      inner = innerFn();
      return yield inner;
    })();
    co.send();
    expect(inner!.state).toBe("suspended");
    expect(inner!.awaiting).toBe(fut);
    expect(co.awaiting).toBe(fut);
    expect(co.chain.map((c) => c.name)).toEqual(["outer", "inner"]);
    expect(inner!.chain.map((c) => c.name)).toEqual(["inner"]);
  });

  test("read while the chain runs, chain lists every frame down to the one running", () => {
    let outer: Coroutine<unknown> | undefined;
    const seen: string[][] = [];
    const look = (): void => void seen.push(outer!.chain.map((c) => c.name));
    const inner = asyncFn("inner", function* () {
      look();
      return 1;
    });
    const middle = asyncFn("middle", function* () {
      look();
      const r = (yield inner()) as number;
      look();
      return r;
    });
    outer = asyncFn("outer", function* () {
      const r = (yield middle()) as number;
      look();
      return r;
    })();
    expect(returnValue(() => outer!.send())).toBe(1);
    expect(seen).toEqual([["outer", "middle"], ["outer", "middle", "inner"], ["outer", "middle"], ["outer"]]);
    expect(outer.chain.map((c) => c.name)).toEqual(["outer"]);
  });
});

describe("inline awaits", () => {
  test("an unstarted coroutine runs inline: its awaits surface at the outer send, its result comes straight back", () => {
    const fut = new Future<number>({ loop });
    const inner = asyncFn("inner", function* () { return ((yield fut) as number) * 2; });
    const outer = asyncFn("outer", function* () { return ((yield inner()) as number) + 1; });
    const co = outer();
    expect(co.send()).toBe(fut);
    expect(returnValue(() => co.send(10))).toBe(21);
  });

  test("an error in the inner coroutine rises to the outer one's catch", () => {
    const inner = asyncFn("inner", function* () { throw new Error("deep"); });
    const outer = asyncFn("outer", function* () {
      try {
        yield inner();
      } catch (e) {
        return (e as Error).message;
      }
      return "no";
    });
    expect(returnValue(() => outer().send())).toBe("deep");
  });

  test("throw reaches the innermost frame", () => {
    const inner = asyncFn("inner", function* () {
      try {
        yield 1;
      } catch (e) {
        return `inner caught ${(e as Error).message}`;
      }
      return "no";
    });
    const co = asyncFn("outer", function* () { return yield inner(); })();
    co.send();
    expect(returnValue(() => co.throw(new Error("x")))).toBe("inner caught x");
  });

  test("200,000 nested inline awaits, driven by hand, use no JavaScript stack", () => {
    const deep = asyncFn("deep", function* (n: number): Generator<unknown, number, unknown> {
      if (n === 0) return (yield "bottom") as number;
      return ((yield deep(n - 1)) as number) + 1;
    });
    const co = deep(200_000);
    expect(co.send()).toBe("bottom");
    expect(co.chain.length).toBe(200_001);
    expect(returnValue(() => co.send(0))).toBe(200_000);
  });

  test("awaiting a finished coroutine fails with 'cannot reuse already awaited coroutine'", () => {
    const child = asyncFn("child", function* () { return 5; });
    const co = asyncFn("main", function* () {
      const c = child();
      const first = yield c;
      try {
        yield c;
      } catch (e) {
        return [first, (e as Error).message];
      }
      return "no";
    })();
    const [first, message] = returnValue(() => co.send()) as [number, string];
    expect(first).toBe(5);
    expect(message).toMatch(/^cannot reuse already awaited coroutine: <coroutine child\(\)/);
  });

  test("awaiting a coroutine started elsewhere fails with 'coroutine is being awaited already'", () => {
    const other = asyncFn("other", function* () { yield 1; })();
    other.send();
    const co = asyncFn("main", function* () { yield other; })();
    expect(() => co.send()).toThrow(/^coroutine is being awaited already: <coroutine other\(\)/);
  });

  test("a coroutine awaiting itself fails", () => {
    const co: Coroutine<unknown> = asyncFn("selfish", function* () { return yield co; })();
    expect(() => co.send()).toThrow(/coroutine already executing: <coroutine selfish\(\).* awaits itself/);
  });
});

describe("PEP 479: a StopIteration thrown by the body is not a return", () => {
  test("send turns it into an Error whose cause is the StopIteration", () => {
    const leak = new StopIteration("leak");
    const co = asyncFn("leaky", function* () { throw leak; })();
    const error = thrown(() => co.send());
    expect(error).not.toBeInstanceOf(StopIteration);
    expect((error as Error).message).toMatch(/^coroutine raised StopIteration: <coroutine leaky\(\)/);
    expect((error as Error).cause).toBe(leak);
  });

  test("a StopIteration leaking from an inline-awaited coroutine is converted where it leaks", () => {
    const inner = asyncFn("inner", function* () { throw new StopIteration(1); });
    const co = asyncFn("outer", function* () {
      try {
        yield inner();
      } catch (e) {
        return e;
      }
    })();
    const error = returnValue(() => co.send()) as Error;
    expect(error).not.toBeInstanceOf(StopIteration);
    expect(error.message).toMatch(/^coroutine raised StopIteration: <coroutine inner\(\)/);
  });
});

describe("misuse gives clear errors and changes no state", () => {
  test("send(non-undefined) to a just-started coroutine", () => {
    const log: string[] = [];
    const co = asyncFn("fresh", function* () { log.push("body"); return 1; })();
    expect(() => co.send(5)).toThrow(TypeError);
    expect(() => co.send(5)).toThrow(/^can't send non-undefined value to a just-started coroutine: <coroutine fresh\(\).*send\(undefined\)/);
    expect(log).toEqual([]);
    expect(co.state).toBe("created");
    expect(returnValue(() => co.send(undefined))).toBe(1);
  });

  test("send while it runs: 'coroutine already executing'", () => {
    let message = "";
    const co: Coroutine<string> = asyncFn("busy", function* () {
      try {
        co.send();
      } catch (e) {
        message = (e as Error).message;
      }
      return "ok";
    })();
    expect(returnValue(() => co.send())).toBe("ok");
    expect(message).toMatch(/^coroutine already executing: send\(\) was called on <coroutine busy\(\).* running>/);
  });

  test.each(["send", "throw", "next"] as const)("%s after it finished: 'cannot reuse already awaited coroutine'", (method) => {
    const co = asyncFn("done", function* () { return 1; })();
    returnValue(() => co.send());
    const error = thrown(() => (method === "throw" ? co.throw(new Error("x")) : co[method]())) as Error;
    expect(error.message).toMatch(/^cannot reuse already awaited coroutine: <coroutine done\(\).* closed> has finished; call done\(\) again/);
    expect(co.state).toBe("closed");
  });

  test.each(["send", "throw", "next", "close"] as const)("%s on a coroutine awaited inline by another: 'coroutine is being awaited already'", (method) => {
    let inner: Coroutine<unknown> | undefined;
    const innerFn = asyncFn("inner", function* () { yield 1; });
    const outer = asyncFn("outer", function* () {
      inner = innerFn();
      yield inner;
    })();
    outer.send();
    const error = thrown(() => (method === "throw" ? inner!.throw(new Error("x")) : inner![method]())) as Error;
    expect(error.message).toMatch(
      new RegExp(`^coroutine is being awaited already: <coroutine inner\\(\\).*> is running inline inside <coroutine outer\\(\\).*>; ${method}\\(\\) the outermost`),
    );
    expect(outer.state).toBe("suspended");
    expect(outer.awaiting).toBe(1);
  });

  test("throw while it runs: 'coroutine already executing', and the body carries on", () => {
    let message = "";
    const co: Coroutine<string> = asyncFn("busy", function* () {
      try {
        co.throw(new Error("x"));
      } catch (e) {
        message = (e as Error).message;
      }
      return "ok";
    })();
    expect(returnValue(() => co.send())).toBe("ok");
    expect(message).toMatch(/^coroutine already executing: throw\(\) was called on <coroutine busy\(\)/);
  });

  test("close on a coroutine that returned does nothing", () => {
    const co = asyncFn("done", function* () { return 1; })();
    returnValue(() => co.send());
    expect(co.close()).toBeUndefined();
    expect(co.state).toBe("closed");
  });

  test("close while it runs: 'coroutine already executing'", () => {
    let message = "";
    const co: Coroutine<void> = asyncFn("busy", function* () {
      try {
        co.close();
      } catch (e) {
        message = (e as Error).message;
      }
    })();
    thrown(() => co.send());
    expect(message).toMatch(/^coroutine already executing: close\(\) was called on <coroutine busy\(\)/);
  });
});

describe("then", () => {
  test("then wraps the coroutine in a Task on the current loop: a TestLoop set as current runs it only when told", async () => {
    const current = new TestLoop();
    setEventLoop(current);
    try {
      const log: string[] = [];
      const co = asyncFn("f", function* () { log.push("ran"); return 7; })();
      const p = co.then((v) => v * 2);
      await new Promise((resolve) => setImmediate(resolve));
      expect(log).toEqual([]);
      current.advance(0);
      expect(log).toEqual(["ran"]);
      await expect(p).resolves.toBe(14);
      await expect(co.then((v) => v)).resolves.toBe(7);
      expect(log).toEqual(["ran"]);
    } finally {
      setEventLoop(null);
      current.close();
    }
  });

  test("uncompiled code can await a coroutine; a second then reuses the same task", async () => {
    const co = asyncFn("f", function* () { return 7; })();
    // A coroutine on the default loop driven by the host.
    await expect(co).resolves.toBe(7);
    expect(await co).toBe(7);
  });
});
