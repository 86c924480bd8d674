// Compiled async functions, run: what a call returns, and what the function object looks like.
import {
  Coroutine,
  StopIteration,
  TestLoop,
  ensureFuture,
  getEventLoop,
  isCoroutine,
  isCoroutineFunction,
  setEventLoop,
  type Task,
} from "@stepwise/runtime";
import { drive, load } from "./helpers";

type AsyncFn = (...args: unknown[]) => Coroutine<unknown>;

function fns(source: string): Record<string, AsyncFn> {
  return load(source) as Record<string, AsyncFn>;
}

/** `send` until the coroutine returns; the StopIteration it ended with. */
function finish(co: Coroutine<unknown>, value?: unknown): StopIteration {
  try {
    co.send(value);
  } catch (error) {
    if (error instanceof StopIteration) return error;
    throw error;
  }
  throw new Error("the coroutine did not return");
}

describe("a call returns a coroutine that runs nothing until driven", () => {
  const source = `
    export const log = [];
    export async function decl(x) { log.push("decl " + x); return x * 2; }
    export const expr = async function (x) { log.push("expr " + x); return x * 2; };
    export const named = async function named(x) { log.push("named " + x); return x * 2; };
    export const arrow = async (x) => { log.push("arrow " + x); return x * 2; };
    export const obj = { async method(x) { log.push("method " + x); return x * 2; } };
    export class K { async m(x) { log.push("class " + x); return x * 2; } static async s(x) { log.push("static " + x); return x * 2; } }
  `;
  const mod = load(source) as { log: string[]; obj: { method: AsyncFn }; K: { new (): { m: AsyncFn }; s: AsyncFn } } & Record<string, AsyncFn>;
  const cases: [string, () => Coroutine<unknown>][] = [
    ["declaration", () => mod.decl!(21)],
    ["anonymous expression", () => mod.expr!(21)],
    ["named expression", () => mod.named!(21)],
    ["arrow", () => mod.arrow!(21)],
    ["object method", () => mod.obj.method(21)],
    ["class method", () => new mod.K().m(21)],
    ["static method", () => mod.K.s(21)],
  ];
  test.each(cases)("%s", (_label, call) => {
    mod.log.length = 0;
    const co = call();
    expect(co).toBeInstanceOf(Coroutine);
    expect(isCoroutine(co)).toBe(true);
    expect(co.state).toBe("created");
    expect(mod.log).toEqual([]);
    const stop = finish(co);
    expect(stop.value).toBe(42);
    expect(mod.log).toHaveLength(1);
    expect(co.state).toBe("closed");
  });
});

test("send returns what the coroutine awaits and resumes it with the sent value", () => {
  const { f } = fns(`export async function f(a) { const b = await a; const c = await (b + 1); return [a, b, c]; }`);
  const co = f!("first");
  expect(co.send(undefined)).toBe("first");
  expect(co.state).toBe("suspended");
  expect(co.awaiting).toBe("first");
  expect(co.send(10)).toBe(11);
  expect(finish(co, 20).value).toEqual(["first", 10, 20]);
});

test("throw raises at the await, and an uncaught error comes out of send as itself", () => {
  const { f, g } = fns(`export async function f() { try { await "wait"; } catch (e) { return "caught " + e.message; } }
    export async function g() { await "wait"; throw new RangeError("boom"); }`);
  const co = f!();
  co.send(undefined);
  let stop: unknown;
  try {
    co.throw(new Error("injected"));
  } catch (e) {
    stop = e;
  }
  expect(stop).toBeInstanceOf(StopIteration);
  expect((stop as StopIteration).value).toBe("caught injected");
  const co2 = g!();
  co2.send(undefined);
  expect(() => co2.send(undefined)).toThrow(RangeError);
});

test("awaiting another compiled coroutine runs it inline", () => {
  const { outer } = fns(`
    async function inner(x) { const y = await ["inner waits", x]; return y * 2; }
    export async function outer(x) { return (await inner(x)) + 1; }`);
  const co = outer!(5);
  expect(co.send(undefined)).toEqual(["inner waits", 5]);
  expect(finish(co, 10).value).toBe(21);
});

describe("name and length are those of the original", () => {
  const mod = load(`
    export async function decl(a, b, c = 1, ...d) {}
    export const expr = async function (a, b) {};
    export const named = async function inner(a, { b }, [c]) {};
    export const arrow = async (a, b = 2) => {};
    export const restArrow = async (...all) => {};
    export default async function () {}
    export const obj = { async method(a, b) {}, async "with space"(a) {}, async [Symbol.iterator]() {} };
    export class K { async m(a) {} static async s(a, b, c) {} }
  `) as Record<string, unknown>;
  const obj = mod.obj as Record<string | symbol, AsyncFn>;
  const K = mod.K as { prototype: { m: AsyncFn }; s: AsyncFn };
  test.each([
    ["decl", mod.decl, "decl", 2],
    ["expr", mod.expr, "expr", 2],
    ["named", mod.named, "inner", 3],
    ["arrow", mod.arrow, "arrow", 1],
    ["restArrow", mod.restArrow, "restArrow", 0],
    ["default", mod.default, "default", 0],
    ["method", obj.method, "method", 2],
    ["quoted", obj["with space"], "with space", 1],
    ["symbol", obj[Symbol.iterator], "[Symbol.iterator]", 0],
    ["class", K.prototype.m, "m", 1],
    ["static", K.s, "s", 3],
  ])("%s", (_label, fn, name, length) => {
    expect(typeof fn).toBe("function");
    expect((fn as AsyncFn).name).toBe(name);
    expect((fn as AsyncFn).length).toBe(length);
  });

  test("the coroutine knows the function's name and source location", () => {
    const co = (mod.decl as AsyncFn)();
    expect(co.name).toBe("decl");
    expect((co as unknown as { _loc: string })._loc).toBe("src/input.js:2:11");
  });
});

describe("isCoroutineFunction", () => {
  const mod = load(`
    export async function decl() {}
    export const expr = async function () {};
    export const named = async function named() {};
    export const arrow = async () => {};
    export function plain() {}
    export const plainArrow = () => {};
    export async function* asyncGen() {}
  `);
  test.each(["decl", "expr", "named", "arrow"])("is true for compiled %s", (key) => {
    expect(isCoroutineFunction(mod[key])).toBe(true);
  });
  test.each(["plain", "plainArrow", "asyncGen"])("is false for %s", (key) => {
    expect(isCoroutineFunction(mod[key])).toBe(false);
  });
});

describe("isCoroutineFunction on compiled methods", () => {
  const mod = load(`
    const sym = Symbol("run");
    export class Service {
      async fetch() {}
      static async create() {}
      async [sym]() {}
      async "quoted name"() {}
      sync() {}
      async replaced() {}
      replaced() {}
    }
    export const api = { async get() {}, async [sym]() {}, post() {} };
    export { sym };
  `) as { Service: { prototype: Record<PropertyKey, unknown> } & Record<string, unknown>; api: Record<PropertyKey, unknown>; sym: symbol };
  test("class methods, static methods and computed keys are marked", () => {
    const proto = mod.Service.prototype;
    expect([proto.fetch, mod.Service.create, proto[mod.sym], proto["quoted name"]].map(isCoroutineFunction)).toEqual([true, true, true, true]);
  });
  test("object literal methods are marked, with computed keys", () => {
    expect([mod.api.get, mod.api[mod.sym], mod.api.post].map(isCoroutineFunction)).toEqual([true, true, false]);
  });
  test("a plain method, and a sync method that replaces an async one, are not", () => {
    expect([mod.Service.prototype.sync, mod.Service.prototype.replaced].map(isCoroutineFunction)).toEqual([false, false]);
  });
  test("callSoon refuses a compiled method", () => {
    expect(() => new TestLoop().callSoon(mod.api.get as never)).toThrow(/coroutines cannot be used with callSoon\(\)/);
  });
});

describe("parameters are evaluated at the call, as in a native async function", () => {
  test("default values run at the call, before any of the body", () => {
    const mod = load(`
      export const log = [];
      const value = (label) => { log.push(label); return label; };
      export async function f(a = value("default a"), { b = value("default b") } = {}) { log.push("body"); return a + b; }
      export const g = async (x = value("arrow default")) => { log.push("arrow body"); return x; };
    `) as { log: string[]; f: AsyncFn; g: AsyncFn };
    const co = mod.f();
    expect(mod.log).toEqual(["default a", "default b"]);
    expect(drive(co)).toBe("default adefault b");
    expect(mod.log).toEqual(["default a", "default b", "body"]);
    mod.log.length = 0;
    const co2 = mod.g();
    expect(mod.log).toEqual(["arrow default"]);
    expect(drive(co2)).toBe("arrow default");
  });

  test("an error from a default value is thrown when the coroutine is first driven", () => {
    const { f } = fns(`export async function f(a = missing.prop) { return a; }`);
    const co = f!();
    expect(co).toBeInstanceOf(Coroutine);
    expect(() => co.send(undefined)).toThrow(ReferenceError);
  });

  test("destructuring and rest parameters bind as in the original", () => {
    const { f } = fns(`export async function f({ a, b: [c] }, ...rest) { return [a, c, rest]; }`);
    expect(drive(f!({ a: 1, b: [2] }, 3, 4))).toEqual([1, 2, [3, 4]]);
  });
});

test("a named function expression can call itself by name", () => {
  const { countdown } = fns(`
    export const countdown = async function tick(n, trail = []) {
      trail.push(n);
      if (n === 0) return trail;
      return await tick(n - 1, trail);
    };`);
  expect(drive(countdown!(3))).toEqual([3, 2, 1, 0]);
});

test("a declaration is marked before its hoisted use in the same file", () => {
  const mod = load(`
    import { isCoroutineFunction } from "@stepwise/runtime";
    export const early = isCoroutineFunction(later);
    async function later() {}
  `);
  expect(mod.early).toBe(true);
});

test("the seed's three ways to run a compiled coroutine", () => {
  const mod = load(`
    export const said = [];
    export async function sayHi() { said.push("Hi!"); return "said hi"; }
  `) as { said: string[]; sayHi: () => Coroutine<string> };
  const co = mod.sayHi();
  expect(mod.said).toEqual([]);
  expect(finish(co).value).toBe("said hi");

  const loop = new TestLoop();
  const task = ensureFuture(mod.sayHi(), { loop }) as Task<string>;
  expect(mod.said).toEqual(["Hi!"]);
  task._step();
  expect(task.result()).toBe("said hi");
  expect(mod.said).toEqual(["Hi!", "Hi!"]);

  setEventLoop(loop);
  expect(getEventLoop().runUntilComplete(mod.sayHi())).toBe("said hi");
  expect(mod.said).toEqual(["Hi!", "Hi!", "Hi!"]);
});

test("a compiled recursive async function 200,000 awaits deep completes on a loop", () => {
  const { depth } = fns(`
    export async function depth(n) {
      if (n === 0) return 0;
      return (await depth(n - 1)) + 1;
    }
  `);
  expect(new TestLoop().runUntilComplete(depth(200_000))).toBe(200_000);
});

test("callSoon refuses a compiled async function, as asyncio refuses a coroutine function", () => {
  const { f } = fns(`export async function f() {}`);
  expect(() => new TestLoop().callSoon(f as never)).toThrow(/coroutines cannot be used with callSoon\(\)/);
});
