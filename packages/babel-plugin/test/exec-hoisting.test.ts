// Generators move to the top of the file when the values they capture cannot change (see
// src/hoist.ts): the compiled code must still see exactly the bindings the original sees.
import { compile, compileToCommonJS, drive, evaluate, load, loadNative } from "./helpers";
import type { Coroutine } from "@stepwise/runtime";

const source = `
  export async function closures() {
    const out = [];
    for (const k of [1, 2, 3]) {
      const add = async (x) => x + k;             // k is a fresh const per iteration
      out.push(await add(10));
    }
    let counter = 0;
    const bump = async () => { counter += 1; return counter; };   // counter is reassigned: stays put
    await bump(); out.push(await bump(), counter);
    return out;
  }

  export async function lateRead() {
    let late = "before";
    const read = async () => late;                // not constant: read when the body runs
    const pending = read();
    late = "after";
    return await pending;
  }

  export async function names() {
    const outer = "outer";
    const handler = "not the function";
    const obj = { handler: async () => handler, other: async (a, b = 1) => outer + a };
    const fact = async function fact(n) { return n <= 1 ? 1 : n * (await fact(n - 1)); };
    return [await obj.handler(), obj.handler.name, obj.handler.length, obj.other.length, await obj.other("!"), await fact(5), fact.name];
  }

  export class Store {
    #items = new Map([["a", 1]]);
    base = 10;
    async get(key) { return this.#items.get(key); }   // a private name: stays in the class
    async total(extra) { const own = await this.get("a"); return own + this.base + extra + arguments.length; }
    static async make() { return new Store(); }
  }

  export async function methods() {
    const s = await Store.make();
    const prefix = "p:";
    const obj = { async label(x) { return prefix + x + arguments.length; } };
    return [await s.total(5), await obj.label("x", "y")];
  }

  export async function nested(n) {
    async function inner(m) { return m > 0 ? inner(m - 1) : n; }   // captures n and itself
    return inner(3);
  }
`;

const compiled = load(source) as Record<string, () => Coroutine<unknown>> & Record<string, unknown>;
const native = loadNative(source) as Record<string, () => Promise<unknown>>;

test.each(["closures", "names", "methods", "nested"])("%s gives the native result", async (name) => {
  const expected = await (native[name] as (n?: number) => Promise<unknown>)(7);
  expect(drive((compiled[name] as (n?: number) => Coroutine<unknown>)(7))).toEqual(expected);
});

test("a binding that is reassigned is read when the body runs, as without the move (lazy start)", () => {
  expect(drive(compiled.lateRead!())).toBe("after");
});

test("generators whose captures never change are declared once, at the top of the file", () => {
  const code = compile(source);
  // The arrow in the loop: its generator takes k first and lives at the top level.
  expect(code).toMatch(/^function\* _add\(k, x\) \{/m);
  // The reassigned counter keeps its generator inside the closure.
  expect(code).toMatch(/const _bump = function\* \(\) \{/);
  // A method that names a private member keeps its generator in the class.
  expect(code).toMatch(/return _stepwiseStart\(function\* _get\(key\)/);
  expect(code).toMatch(/^function\* _total\(extra\) \{/m);
});

test("a file with `with` or a direct eval keeps every generator where it was", () => {
  const code = compile(`function f(o) { with (o) { return async () => x; } } function g() { const k = 1; return async function h() { return eval("k"); }; }`, {}, { sourceType: "script" });
  expect(code).not.toMatch(/^function\* /m);
});

// Found by the fuzzer (test/fuzz/regressions): a moved generator gets its captures by value at the
// call, so a call made before a binding is set read it too early. Each function here calls a
// closure before the binding it reads (after an await) holds its value.
const early = `
  function tdzConst() {
    async function read() { await null; return late; }
    const pending = read();
    const late = "const, set after the call";
    return pending;
  }
  function tdzUnread(use) {
    const read = async () => { await null; return use ? never : "never read"; };
    const pending = read();
    const never = 1;
    return pending;
  }
  function tdzClass() {
    class Early { async make() { await null; return new Later().name; } }
    const pending = new Early().make();
    class Later { name = "class, defined after the call"; }
    return pending;
  }
  function varBeforeInit() {
    const read = async () => { await null; return v; };
    const pending = read();
    var v = "var, set after the call";
    return pending;
  }
  function mappedArguments(a) {
    const read = async () => { await null; return a; };
    const pending = read();
    arguments[0] = "changed through arguments (sloppy mode)";
    return pending;
  }
  function hoistedCaller() {
    const pending = helper();
    const x = "read by a declaration called before it";
    async function helper() { await null; return x; }
    return pending;
  }
  module.exports = { tdzConst, tdzUnread, tdzClass, varBeforeInit, mappedArguments, hoistedCaller };
`;
type EarlyCases = Record<string, (arg?: unknown) => unknown>;
const earlyNative = evaluate(early, "native.js") as EarlyCases;
const earlyEager = evaluate(compileToCommonJS(early, { sourceType: "script" }, { start: "eager" }).code) as EarlyCases;
const earlyLazy = evaluate(compileToCommonJS(early, { sourceType: "script" }).code) as EarlyCases;
const earlyNames = ["tdzConst", "tdzUnread", "tdzClass", "varBeforeInit", "mappedArguments", "hoistedCaller"];

test.each(earlyNames)("%s: a closure called before what it reads is set sees the value, as natively (eager)", async (name) => {
  const expected = await (earlyNative[name]!("x") as Promise<unknown>);
  expect(await (earlyEager[name]!("x") as Promise<unknown>)).toEqual(expected);
});

test.each(earlyNames)("%s: the same with lazy start, driven by hand after the call", async (name) => {
  const expected = await (earlyNative[name]!("x") as Promise<unknown>);
  expect(drive(earlyLazy[name]!("x") as Coroutine<unknown>)).toEqual(expected);
});

test("captures set before every possible call still move the generator to the top of the file", () => {
  const code = compile(
    `function a() { const x = 1; const f = async () => x; return f; }
     function b(p) { const x = 1; async function helper() { return x + p; } return helper(); }
     function c() { class K { async m() { return K; } } return K; }
     function d(q) { return async () => q; }`,
    {},
    { sourceType: "script" },
  );
  expect(code).toMatch(/^function\* _f\(x\) \{/m);
  expect(code).toMatch(/^function\* _helper\(x, p\) \{/m);
  expect(code).toMatch(/^function\* _m\(K\) \{/m);
  expect(code).toMatch(/^function\* _callee\(q\) \{/m);
});

// What a body uses from around it is read off Babel's binding records, or found by a walk of the
// body when those records would cost more to read (a scope with thousands of bindings) or no
// longer say where a use is (an arrow whose expression body is a bare name): all give one answer.
test("the captures are the same however they are found: few bindings around, thousands, a bare-name body", async () => {
  const many = Array.from({ length: 3000 }, (_, i) => `const v${i} = ${i}; use(v${i}, v${i});`).join("\n");
  const source = `
    const use = () => {};
    function few(k) { const f = async (x) => x + k; return f(1); }
    function crowded() {
      ${many}
      const g = async (x) => x + v7 + (await v2999);
      return g(1);
    }
    function bare(k) { const h = async () => k; return h(); }
    module.exports = { few: () => few(2), crowded, bare: () => bare(5) };
  `;
  const code = compileToCommonJS(source, { sourceType: "script" }).code;
  expect(code).toMatch(/^function\* _f\(k, x\) \{/m);
  expect(code).toMatch(/^function\* _g\(v7, v2999, x\) \{/m);
  expect(code).toMatch(/^function\* _h\(k\) \{/m);
  const native = evaluate(source, "native.js") as Record<string, () => Promise<unknown>>;
  const compiled = evaluate(code) as Record<string, () => Coroutine<unknown>>;
  for (const name of ["few", "crowded", "bare"]) expect(drive(compiled[name]!())).toBe(await native[name]!());
});

// Found by the fuzzer: a class body is strict code, and its methods' generators moved into a
// sloppy file lost that (a write to `arguments[i]` changed the parameter, `this` was boxed).
const strictness = `
  class S { static async m(a) { arguments[0] = "changed"; await null; return [a, typeof this]; } }
  const sloppy = { async m(a) { arguments[0] = "changed"; await null; return [a, typeof this]; } };
  function strictOuter() { "use strict"; return async function (a) { arguments[0] = "changed"; return [a, typeof this]; }; }
  class D { static async m(a, b = 1) { arguments[0] = "changed"; return [a, b, typeof this]; } }
  module.exports = {
    classMethod: () => S.m.call(5, "kept"),
    sloppyMethod: () => sloppy.m.call(5, "kept"),
    strictFunction: () => strictOuter().call(5, "kept"),
    withDefault: () => D.m.call(5, "kept"),
  };
`;
const strictNames = ["classMethod", "sloppyMethod", "strictFunction", "withDefault"];
const strictNative = evaluate(strictness, "native.js") as EarlyCases;
const strictEager = evaluate(compileToCommonJS(strictness, { sourceType: "script" }, { start: "eager" }).code) as EarlyCases;
const strictLazy = evaluate(compileToCommonJS(strictness, { sourceType: "script" }).code) as EarlyCases;

test.each(strictNames)("%s: strict or sloppy as in the source, in a sloppy file", async (name) => {
  const expected = await (strictNative[name]!() as Promise<unknown>);
  expect(await (strictEager[name]!() as Promise<unknown>)).toEqual(expected);
  expect(drive(strictLazy[name]!() as Coroutine<unknown>)).toEqual(expected);
});

test("a strict generator moved into a sloppy file says so; one that could not say so stays", () => {
  const code = compileToCommonJS(strictness, { sourceType: "script" }).code;
  expect(code).toMatch(/^function\* _m\(a\) \{\n {2}"use strict";/m);
  expect(code).toMatch(/_stepwiseCall\(function\* _m\d*\(a, b = 1\)/);
});

// An inner async declaration whose generator stays in place (it reads a binding reassigned
// later) is inserted only once the traversal is done; the enclosing function's plan to move its
// own generator used to miss that body's names, and moved it away from `v` (a ReferenceError).
const deferred = `
  function make() {
    let v = "first";
    async function outer() {
      async function inner() { await null; return v; }
      return await inner();
    }
    v = "reassigned";
    return outer;
  }
  function makeArrow() {
    let v = "first";
    const outer = async () => {
      async function inner() { return v; }
      return inner();
    };
    v = "reassigned";
    return outer;
  }
  module.exports = { nestedDeclaration: () => make()(), nestedInArrow: () => makeArrow()() };
`;
const deferredNames = ["nestedDeclaration", "nestedInArrow"];
const deferredNative = evaluate(deferred, "native.js") as EarlyCases;
const deferredEager = evaluate(compileToCommonJS(deferred, { sourceType: "script" }, { start: "eager" }).code) as EarlyCases;
const deferredLazy = evaluate(compileToCommonJS(deferred, { sourceType: "script" }).code) as EarlyCases;

test.each(deferredNames)("%s: a function holding an inner generator that stays in place keeps its own in place too", async (name) => {
  const expected = await (deferredNative[name]!() as Promise<unknown>);
  expect(expected).toBe("reassigned");
  expect(await (deferredEager[name]!() as Promise<unknown>)).toBe(expected);
  expect(drive(deferredLazy[name]!() as Coroutine<unknown>)).toBe(expected);
});
