// Unusual but valid syntax around async functions: each program is compiled with the plugin and
// run, and must give what it gives natively. Sloppy scripts by default (`await`, `yield`, `let` and
// `async` as plain names parse there); `module.exports.main` is what runs.
import { build, expectCodeFrameError, expectSameAsNative, outcome, refusal, type ProgramOptions } from "./native-comparison";

type Case = [name: string, source: string, options?: ProgramOptions];

function cases(list: Case[]): void {
  // Rows without options are shorter: a rest parameter keeps Jest from taking one for `done`.
  test.each(list)("%s", async (...[, source, options]: Case) => {
    await expectSameAsNative(source, options);
  });
}

describe("`await`, `async` and `yield` as plain names", () => {
  cases([
    [
      "`await` as a variable, parameter, function and label in a script",
      `var await = 5;
      function twice(await) { return await * 2; }
      function await_() { await: for (;;) { break await; } return typeof await; }
      var outside = [twice(await), await_()];
      module.exports.main = async function () {
        function inner() { var await = 1; return await + 1; }   // a nested plain function: a name again
        return [outside, inner(), await 4];
      };`,
    ],
    [
      "`async` as a variable, parameter, function, property and shorthand",
      `var async = (x) => x * 3;
      function call(async) { return async(1); }
      const o = { async, "async2": async, get: 5, set: 6, static: 7 };
      const arrow = async => async + 1;                      // a parameter named async, not an async arrow
      var viaNewline = async
      (10);                                                  // a call of \`async\`, not an async arrow
      module.exports.main = async () => [async(2), call((x) => x + 1), o.async === async, o.async2(1), o.get, o.set, o.static,
        arrow(1), viaNewline, await (async (async) => async * 2)(4)];`,
    ],
    [
      "`async` followed by a newline is a name, then a function declaration",
      `var async = "name";
      var r = async
      function f() { return 2; }
      module.exports.main = async () => [r, f(), typeof f];`,
    ],
    [
      "a function named `async` and calls of it",
      `function async(f) { return f(); }
      module.exports.main = async () => [async(() => 1), await async(async () => 2), async.name];`,
    ],
    [
      "`yield` as a name in sloppy code outside async functions",
      `var yield = 4;
      function f() { var yield = 2; return yield * 3; }
      var g = function () { yield: for (;;) break yield; return yield; };
      var outside = [f(), g(), yield];
      module.exports.main = async () => [outside, await (async () => { function* gen() { yield 1; } return [...gen()]; })()];`,
    ],
    [
      "`let`, `static`, `implements` and `package` as names inside an async function",
      `module.exports.main = async function () {
        var let = 1, static = 2, implements = 3, package = 4;
        let = let + await static;
        return [let, implements, package];
      };`,
    ],
    [
      "labels named `async` and `await` around awaits",
      `module.exports.main = async function () {
        let n = 0;
        async: for (let i = 0; i < 5; i++) { n += await i; if (i === 2) break async; }
        function plain() { await: { break await; } return "plain"; }
        return [n, plain()];
      };`,
    ],
  ]);
});

describe("names, getters and methods that read like keywords", () => {
  cases([
    [
      "object: getter and setter named `async`, async methods named `get`, `set`, `static`, `async`, `await`, `yield`, `constructor`",
      `const o = {
        get async() { return "getter"; },
        set async(v) { this.stored = v; },
        async get() { return "get"; },
        async set() { return "set"; },
        async static() { return "static"; },
        async await() { return "await"; },
        async yield() { return "yield"; },
        async constructor() { return "constructor"; },
        get getter() { return "get getter"; },
      };
      module.exports.main = async () => {
        o.async = 9;
        return [o.async, o.stored, await o.get(), await o.set(), await o.static(), await o.await(), await o.yield(),
          await o.constructor(), o.getter, o.set.name, o.static.length];
      };`,
    ],
    [
      "class: getters next to async methods, static async `static`/`constructor`/`async`, a later member replacing an async one",
      `class C {
        get await() { return "getter"; }
        async get() { return "get"; }
        async set(a, b) { return "set" + a + b; }
        static async static() { return "static static"; }
        async static() { return "static"; }
        static async constructor() { return "static constructor"; }
        async async() { return "async"; }
        static async async() { return "static async"; }
        async replaced() { return "first"; }
        replaced() { return "second"; }
        get value() { return this._v ?? 0; }
        set value(v) { this._v = v; }
        async bump() { this.value = (await this.value) + 1; return this.value; }
      }
      module.exports.main = async () => {
        const c = new C();
        return [c.await, await c.get(), await c.set(1, 2), c.set.length, await C.static(), await c.static(),
          await C.constructor(), await c.async(), await C.async(), c.replaced(), await c.bump(), await c.bump()];
      };`,
    ],
    [
      "private `#async`, async `#await()`, static async `#yield()`, a private getter and `#x in`",
      `class C {
        #async = 1;
        get #twice() { return this.#async * 2; }
        async #await() { return this.#async + (await this.#twice); }
        static async #yield() { return "y"; }
        async run() { return [await this.#await(), await C.#yield(), #async in this, #async in {}]; }
      }
      module.exports.main = () => new C().run();`,
    ],
    [
      "method keys: strings, numbers, BigInt, computed, well-known symbols, `__proto__`; and their names",
      `const sym = Symbol("s");
      const o = {
        async "quoted key"() { return 1; }, async 1e3() { return 2; }, async 0x10() { return 3; }, async 1n() { return 4; },
        async [sym]() { return 5; }, async ["comp" + "uted"]() { return 6; }, async __proto__() { return 7; },
      };
      class K { async *[Symbol.asyncIterator]() { yield 1; yield 2; } }
      module.exports.main = async () => {
        const out = [await o["quoted key"](), await o[1000](), await o[16](), await o[1](), await o[sym](), await o.computed(), await o.__proto__()];
        for await (const v of new K()) out.push(v);
        out.push(o["quoted key"].name, o[1000].name, o[16].name, o[1].name, o[sym].name, o.computed.name);
        return out;
      };`,
    ],
    [
      "getters and setters that return and store async functions",
      `const box = {
        get make() { return async (x) => (await x) * 3; },
        set store(f) { this.f = f; },
      };
      box.store = async function stored(y) { return y + (await 1); };
      module.exports.main = async () => [await box.make(2), await box.f(4), box.f.name, box.make.length];`,
    ],
  ]);
});

describe("lexical bindings: new.target, arguments, this, super, eval", () => {
  cases([
    [
      "`new.target` in async arrows and an async function",
      `function F() { this.seen = (async () => { await 0; return new.target === F; })(); }
      function G() { return (async () => new.target)(); }
      class K { constructor() { this.p = (async () => new.target === K)(); } }
      module.exports.main = async function () {
        return [await new F().seen, await G(), await new K().p, await (async function () { return new.target; })()];
      };`,
    ],
    [
      "`arguments` shadowed: a parameter, a `let`, a `var`, and the outer function's in an arrow",
      `function outer() { return async () => arguments[0] + arguments.length; }
      module.exports.main = async function (a) {
        const asParam = async (arguments) => arguments + 1;
        const asLet = async () => { let arguments = 5; return arguments + (await 1); };
        const asVar = async function () { var arguments = [1, 2]; return arguments.length; };
        const nested = async function () { return await (async () => arguments[1])(); };
        return [await asParam(1), await asLet(), await asVar(), await nested("x", "y"), await outer("o", 2)(), arguments.length];
      };`,
    ],
    [
      "`arguments` of a plain function, read by an async arrow in a default parameter",
      `function outer(x, cb = async () => arguments[0] + (await arguments.length)) { return cb(); }
      module.exports.main = async () => [await outer("a"), await outer("b", undefined)];`,
    ],
    [
      "`eval` as a property, a shorthand, and a direct eval in an async function declaration",
      `const o = { eval: (x) => x * 2, async m() { return this.eval(await 2); } };
      async function direct(a) { return eval("a + 1") + (await eval("a")); }
      module.exports.main = async () => {
        const e = { eval: (s) => s + "!" };
        const { eval: renamed } = e;
        return [await o.m(), e.eval(await "x"), e["eval"]("y"), renamed("z"), (0, eval)("1 + 1"), await direct(10)];
      };`,
    ],
    [
      "`super` in object methods, their nested arrows, and as a compound-assignment target",
      `const base = { hi() { return "hi " + this.n; }, x: 1, k: 10 };
      const o = {
        __proto__: base, n: 2,
        async m() {
          await 0;
          const f = async () => super.hi() + (await super.x);
          super.k += await 5;                                    // sets o.k from the prototype's value
          return [super.hi(), await f(), super["x"], this.k, base.k];
        },
      };
      module.exports.main = () => o.m();`,
    ],
    [
      "`this` in sloppy async functions and in async arrows in static blocks and class fields",
      `class C {
        static tag = "C";
        static { this.init = async () => this.tag + (await 1); }
        field = async () => this.constructor.name;
      }
      module.exports.main = async function () {
        const sloppy = async function () { return this === globalThis; };
        return [await sloppy(), await C.init(), await new C().field()];
      };`,
    ],
  ]);
});

describe("`with`, `\"use strict\"`, comments and escapes", () => {
  cases([
    [
      "`with` around the creation of async functions, and inside one around awaits",
      `var o = { x: 1, p: Promise.resolve(2), f: async function () { return 3; } };
      var made;
      with (o) { made = async function () { return x + (await f()); }; }
      module.exports.main = async function () {
        var out = [await made()];
        with (o) { out.push(x, await p); x = 5; }
        out.push(o.x);
        return out;
      };`,
    ],
    [
      "`\"use strict\"` in odd places: in an async function only, in an arrow, after a statement, among directives",
      `function sloppyThis() { return typeof this; }
      var after;
      module.exports.main = async function () {
        "use strict";
        const inner = async function () { return this === undefined; };
        const directives = async function () { "not a directive, yet in the prologue"; "use strict"; return this === undefined; };
        const arrow = async () => { "use strict"; return (function () { return this === undefined; })(); };
        const tooLate = async function () { var x = 1; "use strict"; after = 7; return typeof this; };
        return [await inner(), await directives(), await arrow(), await tooLate(), after, sloppyThis()];
      };`,
    ],
    [
      "strict code in a sloppy script: class bodies, and functions under an outer \"use strict\"",
      `class K {
        async m() { return [(function () { return this; })(), await (async function () { return this; })()]; }
        static async withDefault(x = 1) { return [typeof (function () { return this; })(), x]; }
        arrow = async () => (function () { return typeof this; })();
      }
      function outer() {
        "use strict";
        return async function (a, b = 2) { return [this, (function () { return this; })(), a, b]; };
      }
      module.exports.main = async () => [await new K().m(), await K.withDefault(), await new K().arrow(), await outer()(1)];`,
    ],
    [
      "`\"use strict\"` inside an async function declared in a sloppy block",
      `var seen = [];
      { async function f() { "use strict"; return this; } seen.push(typeof f); }
      seen.push(typeof f);
      module.exports.main = async () => seen;`,
    ],
    [
      "comments everywhere",
      `/*a*/ async /*b*/ function /*c*/ f /*d*/ ( /*e*/ x /*f*/ = /*g*/ 1 /*h*/ ) /*i*/ { /*j*/ return /*k*/ await /*l*/ x /*m*/ ; /*n*/ } // o
      const g = /*p*/ async /*q*/ ( /*r*/ ) /*s*/ => /*t*/ await /*u*/ f( /*v*/ 2 ) // w
      ;
      const o = { /*x*/ async /*y*/ m /*z*/ () { return /* await */ await /** doc */ 3; } };
      module.exports.main = async () => [await f(), await g(), await o.m(), f.length];`,
    ],
    [
      "unicode escapes and non-ASCII letters in identifiers",
      `var \\u0061sync = function (x) { return x + 1; };
      var \\u0061wait = 2;
      var o = { \\u0061sync: 10 };
      async function \\u0066() { return \\u0061sync(1); }
      const ñame = async (ünïcode) => ünïcode + (await ñ);
      var ñ = 1, $ = 2, _ = 3;
      var escaped = \\u0061sync(\\u0061wait);                  // escapes outside async functions: plain names
      module.exports.main = async () => [await f(), escaped, o.async, await ñame(1), $ + _, f.name];`,
    ],
    [
      "octal literals and escapes, an HTML comment, `await`, `async` and `yield` inside strings and regexes",
      `var x = 1; <!-- an HTML comment in a script
      module.exports.main = async function () {
        return [010, await "\\101", "await async yield", /await|async/.test("async"), x --> 0, \`yield \${await "await"}\`];
      };`,
    ],
  ]);
});

describe("await in every position", () => {
  cases([
    [
      "precedence: `await` next to every operator",
      `module.exports.main = async function () {
        const a = 2, b = 3, o = { p: 4, x: 1, f() { return 5; } }, C = class { constructor() { this.k = 6; } };
        const r = [await a + b, await a * b, await a ? b : 0, (await a, b), -await a, typeof await a, "p" in await o, !await a,
          new (await C)().k, (await o.f).call(o), (await o).p, await o.p, await 0 || b, await null ?? b, [...await [1, 2]],
          { ...await o }.p, await await a, delete (await o).x, void await a, await (a, b), a ? await a : await b,
          (await a) ** 2, await a < b, await a instanceof Object, await a - await b, 2 ** await a];
        let x = 1; x += await a; x **= await a; x ||= await 0; r.push(x);
        return r;
      };`,
    ],
    [
      "optional chaining with await",
      `module.exports.main = async function () {
        const o = { a: { b: async () => 5 }, n: null };
        return [await o.a?.b(), await o.n?.b(), (await o)?.a?.b?.name, await o.x?.(), (await Promise.resolve(o))?.a.b === o.a.b,
          await o?.a?.["b"]?.(), (await o.n)?.x ?? "none"];
      };`,
    ],
    [
      "deeply nested template literals with awaits, and tagged templates",
      `module.exports.main = async function () {
        const tag = (s, ...v) => s.raw.join("|") + "/" + v.join(",");
        let t = "x";
        const nested = \`a\${await 1}\${\`b\${await \`c\${await \`d\${await \`e\${await 2}\`}\`}\`}\`}\`;
        return [nested, tag\`x\${await 3}y\${await tag\`z\${await 4}\`}\`, \`\${await t}\${\`\${await t}\`}\`];
      };`,
    ],
    [
      "statement heads: for-of, for-in, while, do-while, switch and case, if, throw, labeled continue",
      `module.exports.main = async function () {
        const out = [];
        for (const v of await [1, 2]) out.push(v);
        for (const k in await { a: 1, b: 2 }) out.push(k);
        let i = 0;
        while (await (i < 2)) i++;
        do i++; while (await (i < 4));
        switch (await i) { case await 3: out.push("three"); break; case await 4: out.push("four"); break; }
        if (await i) out.push("if");
        try { throw await new Error("thrown"); } catch ({ message }) { out.push(message); }
        outer: for (const a of [1, 2]) { for (const b of [1, 2]) { if (await b === 2) continue outer; out.push(a * 10 + b); } }
        try { await Promise.reject(1); } catch { out.push("optional catch binding"); } finally { out.push(await "finally"); }
        return out;
      };`,
    ],
    [
      "a `finally` that awaits and overrides the return",
      `module.exports.main = async function () {
        const f = async () => { try { return await "try"; } finally { await null; return "finally"; } };
        const g = async () => { try { throw new Error("e"); } catch (e) { return await e.message; } finally { await 0; } };
        return [await f(), await g()];
      };`,
    ],
    [
      "destructuring and defaults with async arrows in parameter defaults",
      `module.exports.main = async function ({ a = 1, b: [c] = [2] } = {}, f = async () => await 7, g = async (x = async () => 1) => await (await x)()) {
        const h = async ({ p, ...rest }, [q, , r = 0] = [1, 2]) => [p, rest, q, r + (await 1)];
        return [a, c, await f(), await g(), await h({ p: 1, z: 2 }), f.length, h.length];
      };`,
    ],
  ]);
});

describe("generators and async generators beside async functions", () => {
  cases([
    [
      "generators nested in async functions keep their own `yield`",
      `module.exports.main = async function () {
        function* g() { const x = yield 1; yield x * 2; }
        const it = g();
        const out = [it.next().value, it.next(await 5).value];
        const obj = { *gen() { yield* [await0(), 2]; } };
        out.push([...obj.gen()], [...(function* () { yield 3; })()]);
        return out;
      };
      function await0() { return 0; }`,
    ],
    [
      "`for await` with `let` closures, destructuring, and over sync iterables of promises",
      `module.exports.main = async function () {
        async function* g() { yield 1; yield 2; yield 3; }
        const fs = [];
        for await (let x of g()) { fs.push(() => x); x *= 10; }
        for await (const [a, b] of [[1, 2], Promise.resolve([3, 4])]) fs.push(() => a + b);
        let last;
        for await (last of [Promise.resolve("p"), "q"]);
        return [...fs.map((f) => f()), last];
      };`,
    ],
    [
      "async generators with `yield`, `await` and `async` as object keys and property names",
      `module.exports.main = async function () {
        async function* g() {
          const o = { yield: 1, await: 2, async: 3, get yield2() { return 4; } };
          yield o.yield;
          yield { yield: o.await, [o.async]: "computed" };
          yield o["async"] + o.yield2;
        }
        const out = [];
        for await (const v of g()) out.push(v);
        return out;
      };`,
    ],
  ]);
});

describe("classes and declarations in odd places", () => {
  cases([
    [
      "async arrows in class fields of a class declared inside an async function, and awaits in its computed keys",
      `module.exports.main = async function () {
        const v = await 2;
        const key = Promise.resolve("dyn");
        class Base { b() { return "base"; } }
        class K extends (await Promise.resolve(Base)) {
          f = async () => v + (await this.g());
          [await key]() { return "m"; }
          async [(await key) + 2]() { return super.b(); }
          async g() { return 1; }
        }
        const k = new K();
        return [await k.f(), k.dyn(), await k.dyn2()];
      };`,
    ],
    [
      "async declarations in sloppy blocks and labeled blocks are block-scoped",
      `var seen = [];
      block: { async function f() { return 1; } seen.push(typeof f); break block; }
      if (true) { async function g() { return 2; } seen.push(await0(g)); }
      seen.push(typeof f, typeof g);
      function await0(fn) { return typeof fn; }
      module.exports.main = async () => seen;`,
    ],
    [
      "names and lengths of async functions in every position",
      `async function decl(a, b = 1) {}
      const expr = async function (a) {};
      const named = async function inner(a, b, ...c) {};
      const arrow = async (a, b) => {};
      const o = { async m(a) {}, n: async () => {}, ["c" + "k"]: 1, async ["com" + "puted"](a, b) {} };
      class K { static async s(a, b, c) {} async #p() {} get p() { return this.#p; } }
      module.exports.main = async () => [decl, expr, named, arrow, o.m, o.n, o.computed, K.s, new K().p].map((f) => [f.name, f.length]);`,
    ],
    [
      "user names that look like the plugin's: helpers, generator names, placeholders",
      `var _callee = "user", _x = "ux", _args = "ua", _f = "uf", _stepwiseMark = "um";
      function shadow(_stepwiseCall) { return (async () => _stepwiseCall)(); }
      async function f(a) { return [_callee, _x, _args, _f, _stepwiseMark, a]; }
      module.exports.main = async () => [await f(1), await (async (q) => [_callee, _args, q])(2), await shadow("param")];`,
    ],
  ]);
});

test("an ES module: default exports, named exports, and helpers named like user bindings", async () => {
  await expectSameAsNative(
    `const _stepwiseCall = "mine";
    export default async () => await 1;
    export async function helperName() { return _stepwiseCall; }
    const later = async () => 2;
    export { later as renamed };
    export async function main() { return [await helperName(), await later()]; }`,
    { sourceType: "module" },
  );
});

test("a parameter list of 300 parameters with defaults", async () => {
  const params = Array.from({ length: 300 }, (_, i) => `p${i} = ${i}`).join(", ");
  await expectSameAsNative(`module.exports.main = async function (${params}) { return (await p299) + p0 + arguments.length; };`);
});

// Valid input that the plugin refuses, or that is a SyntaxError before the plugin runs: the user
// gets a code frame at the construct that says what to do.
describe("refused input gets a code frame at the construct", () => {
  const refused: [name: string, source: string, message: RegExp, snippet: string, runsNatively: boolean][] = [
    [
      "`yield` as a label inside an async function (sloppy)",
      `module.exports.main = async function () {\n  yield: for (;;) break yield;\n  return 1;\n};`,
      /`yield` is used as a label inside an async function: .* Rename it/,
      "yield: for (;;) break yield;",
      true,
    ],
    [
      "`yield` in object shorthand inside an async function (sloppy)",
      `var yield = 1;\nmodule.exports.main = async function () {\n  return { yield };\n};\nmodule.exports.main = () => 1;`,
      /`yield` is used as an identifier inside an async function/,
      "return { yield };",
      true,
    ],
    [
      "a script that declares its own `require`",
      `function require(id) {\n  return {};\n}\nmodule.exports.main = async () => 1;`,
      /This file declares its own `require`.*Rename this `require`, or compile the file as an ES module/,
      "function require(id) {",
      true,
    ],
    [
      "`await` in a class field initializer inside an async function (a SyntaxError)",
      `module.exports.main = async function () {\n  class K { x = await 1; }\n  return new K().x;\n};`,
      /'await' is only allowed within async functions/,
      "class K { x = await 1; }",
      false,
    ],
    [
      "`arguments` in a class field initializer (a SyntaxError)",
      `module.exports.main = async function () {\n  class K { x = arguments; }\n};`,
      /'arguments' is only allowed in functions and class methods/,
      "class K { x = arguments; }",
      false,
    ],
    [
      "`await` as a label inside an async function (a SyntaxError)",
      `module.exports.main = async function () {\n  await: for (;;) break await;\n};`,
      /await/,
      "await: for (;;) break await;",
      false,
    ],
    [
      "an escaped `async` keyword (a SyntaxError)",
      `\\u0061sync function f() {}\nmodule.exports.main = async () => 1;`,
      /Missing semicolon|Escape sequence/,
      "\\u0061sync function f() {}",
      false,
    ],
  ];

  test.each(refused)("%s", async (_name, source, message, snippet, runsNatively) => {
    expectCodeFrameError(refusal(source), message, snippet);
    // A refusal by the plugin is of code that runs natively; the others do not parse at all.
    if (runsNatively) expect(await outcome(build(source, {}, false))).toEqual({ value: 1 });
    else expect(() => build(source, {}, false)).toThrow(message);
  });
});
