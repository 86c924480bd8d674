// Stepping compiled async generators by hand: each request (`next`, `throw`, `return`) is a
// coroutine that shows what the generator awaits and takes injected results, as any coroutine.
import {
  AsyncGen,
  CancelledError,
  Future,
  StopIteration,
  TestLoop,
  asyncGen,
  coroutine,
  isAsyncGen,
  isAsyncGenFunction,
  isCoroutine,
  isCoroutineFunction,
  type Coroutine,
} from "@stepwise/runtime";
import { load } from "./helpers";

const mod = load(`
  export const log = [];
  export async function* poll(api) {
    try {
      for (;;) {
        const res = await api.get("/status");
        if (res.done) return "finished";
        yield res.progress;
      }
    } finally {
      log.push("poll closed");
    }
  }
  export async function* numbers() { yield 1; yield 2; }
  export async function* later(p) { yield p; }
  export async function* pump(source) { const n = yield* source; return n; }
  export async function* failing() { yield 1; throw new Error("broken"); }
`) as {
  log: string[];
  poll: (api: unknown) => AsyncGenerator<number, string>;
  numbers: () => AsyncGenerator<number>;
  later: (p: unknown) => AsyncGenerator<unknown>;
  pump: (source: unknown) => AsyncGenerator<unknown>;
  failing: () => AsyncGenerator<number>;
};

const api = { get: (url: string) => ({ GET: url }) };

/** The StopIteration value of a step that finishes the request's coroutine. */
function finish(step: () => unknown): unknown {
  try {
    step();
  } catch (e) {
    if (e instanceof StopIteration) return e.value;
    throw e;
  }
  throw new Error("the step did not finish the request");
}

test("a compiled async generator is an AsyncGen; its requests are coroutines", () => {
  const gen = asyncGen(mod.poll(api));
  expect(gen).toBeInstanceOf(AsyncGen);
  expect(isAsyncGen(gen)).toBe(true);
  expect(isAsyncGenFunction(mod.poll)).toBe(true);
  expect(isCoroutineFunction(mod.poll)).toBe(false);
  expect(mod.poll.name).toBe("poll");
  expect(mod.poll.length).toBe(1);
  expect(Object.prototype.toString.call(gen)).toBe("[object AsyncGenerator]");
  expect(gen[Symbol.asyncIterator]()).toBe(gen);
  expect(gen.state).toBe("created");
  const step = gen.next();
  expect(isCoroutine(step)).toBe(true);
  expect(step.name).toBe("poll.next");
  expect(step.location).toMatch(/input\.js:3:9$/);
  expect(gen.state).toBe("created"); // nothing runs until the request is driven
  // Each request's coroutine is named after its method, the second of a kind as the first.
  expect([gen.next().name, gen.throw(new Error("x")).name, gen.return("stop").name, gen.next().name]).toEqual(["poll.next", "poll.throw", "poll.return", "poll.next"]);
});

test("stepping next(): send() shows the await, an injected result reaches the yield", () => {
  const gen = asyncGen(mod.poll(api));
  const step = gen.next();
  expect(step.send()).toEqual({ GET: "/status" });
  expect(gen.state).toBe("awaiting");
  expect(finish(() => step.send({ progress: 40 }))).toEqual({ value: 40, done: false });
  expect(gen.state).toBe("suspended");

  const second = gen.next();
  expect(second.send()).toEqual({ GET: "/status" });
  expect(finish(() => second.send({ done: true }))).toEqual({ value: "finished", done: true });
  expect(mod.log).toContain("poll closed");
  expect(gen.state).toBe("closed");
  expect(finish(() => gen.next().send())).toEqual({ value: undefined, done: true });
});

test("an injected error reaches the generator's await", () => {
  const gen = asyncGen(mod.poll(api));
  const step = gen.next();
  step.send();
  expect(() => step.throw(new Error("503"))).toThrow("503");
  expect(gen.state).toBe("closed");
});

test("a plain yield does not suspend the request; a yielded promise is awaited first", () => {
  const gen = asyncGen(mod.numbers());
  expect(finish(() => gen.next().send())).toEqual({ value: 1, done: false });
  const p = Promise.resolve("later");
  const step = asyncGen(mod.later(p)).next();
  expect(step.send()).toBe(p); // the yield's operand, as JavaScript awaits it
  expect(finish(() => step.send("resolved"))).toEqual({ value: "resolved", done: false });
});

test("return() at a yield runs finally blocks; throw() before the start never runs the body", () => {
  const gen = asyncGen(mod.poll(api));
  const step = gen.next();
  step.send();
  finish(() => step.send({ progress: 1 }));
  mod.log.length = 0;
  expect(finish(() => gen.return("stop").send())).toEqual({ value: "stop", done: true });
  expect(mod.log).toEqual(["poll closed"]);

  const fresh = asyncGen(mod.poll(api));
  const thrown = fresh.throw(new Error("early"));
  expect(() => thrown.send()).toThrow("early");
  expect(fresh.state).toBe("closed");
});

test("asend, athrow and aclose are next, throw and return", () => {
  const gen = asyncGen(mod.poll(api));
  const step = gen.asend();
  step.send();
  expect(finish(() => step.send({ progress: 5 }))).toEqual({ value: 5, done: false });
  const t = gen.athrow(new Error("x"));
  expect(() => t.send()).toThrow("x");
  expect(finish(() => asyncGen(mod.numbers()).aclose().send())).toEqual({ value: undefined, done: true });
});

test("requests are served in order: driving a later one first serves the earlier one on the way", () => {
  const gen = asyncGen(mod.numbers());
  const first = gen.next();
  const second = gen.next();
  expect(finish(() => second.send())).toEqual({ value: 2, done: false });
  expect(finish(() => first.send())).toEqual({ value: 1, done: false });
});

test("a request driven while another holds the generator waits on a Future until it is free", () => {
  const gen = asyncGen(mod.poll(api));
  const first = gen.next();
  first.send(); // holds the body, suspended at the api call
  const second = gen.next();
  const waited = second.send();
  expect(waited).toBeInstanceOf(Future);
  finish(() => first.send({ progress: 10 }));
  expect((waited as Future<void>).done()).toBe(true);
  expect(second.send()).toEqual({ GET: "/status" }); // now served: the next poll
  expect(finish(() => second.send({ progress: 20 }))).toEqual({ value: 20, done: false });
});

test("a Task iterating a generator is cancelled at the generator's await, and its finally runs", () => {
  const loop = new TestLoop();
  const consumer = load(`
    export async function consume(gen) { const seen = []; for await (const x of gen) seen.push(x); return seen; }
  `) as { consume: (g: unknown) => Coroutine<number[]> };
  const pending = loop.createFuture();
  const gen = mod.poll({ get: () => pending });
  const task = loop.createTask(coroutine(consumer.consume(gen)));
  loop.runUntilIdle();
  expect(task.getStack().map((c) => c.name)).toEqual(["consume", "poll.next"]);
  mod.log.length = 0;
  task.cancel();
  expect(() => loop.runUntilComplete(task)).toThrow(CancelledError);
  expect(mod.log).toEqual(["poll closed"]);
  loop.close();
});

test("yield* delegation is visible when stepping: the inner iterator's step is what is awaited", () => {
  const step = asyncGen(mod.pump(mod.numbers())).next();
  expect(finish(() => step.send())).toEqual({ value: 1, done: false });
  const p = Promise.resolve({ value: "x", done: false });
  const custom = { [Symbol.asyncIterator]: () => ({ next: () => p }) };
  const viaCustom = asyncGen(mod.pump(custom)).next();
  expect(viaCustom.send()).toBe(p);
  expect(finish(() => viaCustom.send({ value: "x", done: false }))).toEqual({ value: "x", done: false });
});

test("an error from the body fails its request; the generator is closed after", () => {
  const gen = asyncGen(mod.failing());
  finish(() => gen.next().send());
  expect(() => gen.next().send()).toThrow("broken");
  expect(finish(() => gen.next().send())).toEqual({ value: undefined, done: true });
});

test("a request closed before it is served leaves the queue", () => {
  const gen = asyncGen(mod.numbers());
  const dropped = gen.next();
  dropped.close();
  expect(finish(() => gen.next().send())).toEqual({ value: 1, done: false });
});

test("asyncGen() refuses a native async generator with a message naming the cause", () => {
  async function* native(): AsyncGenerator<number> {
    yield 1;
  }
  expect(() => asyncGen(native())).toThrow(/native async generator: the file that defines the async function\* was not compiled/);
  expect(() => asyncGen(42 as never)).toThrow(/expected the result of calling a compiled async generator function, got 42/);
});
