// Generated programs for the scale tests and measure.mjs: a large script full of async code of
// varied shapes (generateSource), and async code nested thousands deep (nestedSource). Each is a
// script whose `module.exports.main()` returns what a compiled run must also return.
"use strict";

/** One unit of generated code, numbered `i`. */
function unit(i) {
  switch (i % 8) {
    case 0:
      return `async function f${i}(a, b = ${i % 5}) {
  const x = await a;
  if (x > b) return await g${i}(x);
  for (let j = 0; j < 2; j++) await null;
  return x + b;
}
async function g${i}(v) { return v * 2; }
units.push(() => f${i}(${i % 7}));
`;
    case 1:
      return `function outer${i}() { return async (x) => (await x) + arguments[0] + ${i}; }
units.push(() => outer${i}(3)(${i % 11}));
`;
    case 2:
      return `class B${i} extends Base {
  #q = ${i % 13};
  async m(x) {
    try { return (await super.m(x)) + this.#p(); } catch (e) { throw e; } finally { this.done = true; }
  }
  #p() { return this.#q; }
  static async s() { return ${i % 3}; }
  get v() { return ${i}; }
}
units.push(async () => (await new B${i}().m(${i % 9})) + (await B${i}.s()));
`;
    case 3:
      return `const o${i} = {
  async m(p) { const r = []; for (const q of p) r.push(await q); return r.length; },
  n: async function named${i}() { return await ${i % 17}; },
};
units.push(async () => (await o${i}.m([1, 2, ${i}])) + (await o${i}.n()));
`;
    case 4:
      return `async function* gen${i}(n) { for (let j = 0; j < n; j++) yield await j; }
units.push(async function use${i}() { let t = 0; for await (const v of gen${i}(3)) t += v; return t + ${i % 4}; });
`;
    case 5:
      return `units.push(async () => {
  const [a, { b }] = await Promise.all([${i % 10}, { b: 2 }]);
  return \`\${a}-\${b}-\${await plain(${i})}\`.length;
});
`;
    case 6:
      return `units.push(async () => {
  let s = 0;
  for (let k = 0; k < 3; k++) { const f = async () => k + await k; s += await f(); }
  try { await Promise.reject(new Error("e${i}")); } catch (e) { s += e.message.length; }
  return s;
});
`;
    default:
      return `units.push(async function () {
  const o = { a: { b: async () => ${i % 6} } };
  outer: for (const x of [1, 2]) { switch (await x) { case 2: break outer; default: continue outer; } }
  return (await o.a?.b()) + ((await o.z?.b()) ?? 1);
});
`;
  }
}

const HEAD = `var units = [];
class Base { async m(x) { return x + 1; } }
function plain(x) { return x; }
`;

const TAIL = `module.exports.main = async function main() {
  let total = 0;
  for (const u of units) total = (total * 31 + (await u())) % 1000003;
  return [units.length, total];
};
`;

/**
 * A script of at least `bytes` characters (a few hundred more at most). Each unit pushes onto
 * `units` an async thunk that returns a number; `main()` awaits them all and returns
 * [count, checksum].
 */
function generateSource(bytes) {
  const parts = [HEAD];
  let size = HEAD.length + TAIL.length;
  for (let i = 0; size < bytes; i++) {
    const text = unit(i);
    parts.push(text);
    size += text.length;
  }
  parts.push(TAIL);
  return parts.join("");
}

/** `depth` levels of one shape of nesting, innermost first. */
const NESTED = {
  // (async () => await (async () => await … 1 + 1)() + 1)()
  arrows: (depth) => {
    let e = "1";
    for (let i = 0; i < depth; i++) e = `(async () => await ${e} + 1)()`;
    return `module.exports.main = async () => await ${e};`;
  },
  // The same, each arrow also assigning a variable outside it (so its generator is not moved).
  "arrows assigning outside": (depth) => {
    let e = "1";
    for (let i = 0; i < depth; i++) e = `(async () => { c++; return await ${e} + 1; })()`;
    return `let c = 0; module.exports.main = async () => [await ${e}, c];`;
  },
  // async () => { const f = async () => { const f = async () => { … }; … }; return 1 + await f(); }
  "function bodies": (depth) => {
    let body = "return 0;";
    for (let i = 0; i < depth; i++) body = `const f = async () => { ${body} }; return 1 + await f();`;
    return `module.exports.main = async () => { ${body} };`;
  },
  // await await … await 1, in one expression
  awaits: (depth) => `module.exports.main = async () => ${"await ".repeat(depth)}1;`,
  // (await (await … (await 1 + 1) … + 1) + 1)
  "awaits in sums": (depth) => {
    let e = "1";
    for (let i = 0; i < depth; i++) e = `(await ${e} + 1)`;
    return `module.exports.main = async () => ${e};`;
  },
  // await ({ async m() { return await ({ async m() { … } }).m() + 1; } }).m()
  "object methods": (depth) => {
    let e = "1";
    for (let i = 0; i < depth; i++) e = `await ({ async m() { return ${e} + 1; } }).m()`;
    return `module.exports.main = async () => ${e};`;
  },
  // \`(${await \`(${await … x})\`})\`
  "template literals": (depth) => {
    let e = "x";
    for (let i = 0; i < depth; i++) e = "`(${await " + e + "})`";
    return `module.exports.main = async () => { const x = 1; return ${e}.length; };`;
  },
  // try { try { … t += await 1; } finally { t += 1; } } finally { t += 1; }
  "try/finally": (depth) => {
    let body = "t += await 1;";
    for (let i = 0; i < depth; i++) body = `try { ${body} } finally { t += 1; }`;
    return `module.exports.main = async () => { let t = 0; ${body} return t; };`;
  },
  // for await (const v0 of [1]) { for await (const v1 of [1]) { … } }
  "for await loops": (depth) => {
    let body = "t += a;";
    for (let i = 0; i < depth; i++) body = `for await (const v${i} of [1]) { ${body} }`;
    return `module.exports.main = async () => { let t = 0; const a = 1; ${body} return t; };`;
  },
};

/** The shapes of nesting nestedSource knows. */
const NESTED_SHAPES = Object.keys(NESTED);

/** A script with async code of `shape` nested `depth` deep; its `main()` returns a number or [number, number]. */
function nestedSource(shape, depth) {
  const make = NESTED[shape];
  if (!make) throw new Error(`unknown shape "${shape}": one of ${NESTED_SHAPES.join(", ")}`);
  return make(depth);
}

module.exports = { generateSource, nestedSource, NESTED_SHAPES };
