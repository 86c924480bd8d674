// Async generators and `for await`, compiled: each case runs compiled (on a loop driven by the
// host, as the cases await native promises too) and natively,
// and both must give the same result and the same log. The native run is the reference for what
// the spec says (request queue, yield*, return() and throw(), closing on break).
import { run, type Coroutine } from "@stepwise/runtime";
import { compile, load, loadNative } from "./helpers";

const cases: Record<string, string> = {
  "yield, await and return": `
    async function* g(n) { for (let i = 0; i < n; i++) { log.push("make " + i); yield await a(i * 10); } return "end"; }
    const out = []; const it = g(2);
    for (let r = await it.next(); ; r = await it.next()) { out.push(r); if (r.done) break; }
    out.push(await it.next());
    return out;`,
  "for await over a compiled generator, with break closing it": `
    async function* g() { try { yield 1; yield 2; yield 3; } finally { log.push("closed"); await a("cleanup"); } }
    const seen = []; for await (const x of g()) { if (x === 2) break; seen.push(x); } return seen;`,
  "continue, labels and return inside the body": `
    async function* g(n) { try { for (let i = 0; i < n; i++) yield i; } finally { log.push("g closed at n=" + n); } }
    const out = [];
    outer: for await (const i of g(3)) { for await (const j of g(4)) { if (j === 1) continue; if (j === 3) continue outer; out.push(i + ":" + j); } }
    const early = async () => { for await (const x of g(5)) if (x === 2) return "returned " + x; };
    out.push(await early());
    return out;`,
  "throw inside the body closes the iterator, and the error comes out": `
    async function* g() { try { yield 1; yield 2; } finally { log.push("closed"); } }
    try { for await (const x of g()) { throw new Error("boom " + x); } } catch (e) { return e.message; }`,
  "destructuring in the head, and existing bindings": `
    async function* pairs() { yield [1, { b: 2 }]; yield [3, { b: 4 }]; }
    const out = []; let last; const box = {};
    for await (const [a1, { b }] of pairs()) out.push(a1 + b);
    for await (last of pairs()) ;
    for await (box.p of pairs()) ;
    return [out, last, box.p];`,
  "for await over sync iterables of promises and plain values": `
    const out = [];
    for await (const x of [a(1), Promise.resolve(2), 3]) out.push(x);
    function* nums() { try { yield a("x"); yield "y"; } finally { log.push("sync closed"); } }
    for await (const x of nums()) { out.push(x); break; }
    return out;`,
  "for await over a native async generator and a custom async iterator": `
    const out = [];
    for await (const x of nativeGenerator()) out.push(x);
    const custom = { i: 0, [Symbol.asyncIterator]() { return this; },
      next() { this.i++; return Promise.resolve({ value: "c" + this.i, done: this.i > 2 }); },
      return() { log.push("custom return"); return Promise.resolve({ done: true }); } };
    for await (const x of custom) out.push(x);
    custom.i = 0;
    for await (const x of custom) { out.push(x); break; }
    return out;`,
  "yield* to async and sync iterables, and its result": `
    async function* inner() { const got = yield "i1"; log.push("inner got " + got); return "inner result"; }
    async function* outer() { const r = yield* inner(); yield r; yield* ["s1", a("s2")]; }
    const it = outer(); const out = [];
    out.push(await it.next(), await it.next("sent"), await it.next(), await it.next(), await it.next(), await it.next());
    return out;`,
  "return() at a yield runs finally blocks, which may yield": `
    async function* g() { try { yield 1; yield 2; } finally { log.push("finally"); yield "from finally"; } }
    const it = g();
    return [await it.next(), await it.return("r"), await it.next(), await it.next()];`,
  "return(promise) awaits it; return() before the first next does not run the body": `
    async function* g() { log.push("body ran"); yield 1; }
    const fresh = g();
    const a1 = await fresh.return(a("early"));
    const a2 = await fresh.next();
    const started = g(); await started.next();
    return [a1, a2, await started.return(Promise.resolve("late"))];`,
  "throw() into a generator: caught at the yield, or before it starts": `
    async function* g() { for (;;) { try { yield "ready"; } catch (e) { log.push("caught " + e.message); yield "recovered"; } } }
    const it = g(); await it.next();
    const r1 = await it.throw(new Error("one"));
    const fresh = g(); let r2;
    try { await fresh.throw(new Error("two")); } catch (e) { r2 = "fresh threw " + e.message; }
    return [r1, r2, await fresh.next()];`,
  "yield* forwards throw() and return() to the inner generator": `
    async function* inner() { try { yield "a"; yield "b"; } catch (e) { yield "inner caught " + e; } finally { log.push("inner finally"); } }
    async function* outer() { try { yield* inner(); } finally { log.push("outer finally"); } }
    const t = outer(); await t.next();
    const r1 = await t.throw("E"); const r2 = await t.next();
    const u = outer(); await u.next();
    return [r1, r2, await u.return("stop"), await u.next()];`,
  "a rejected yield operand throws at the yield; a rejected return value inside the body's try": `
    async function* g() {
      try { yield Promise.reject(new Error("rejected yield")); } catch (e) { yield "caught " + e.message; }
      try { return Promise.reject(new Error("rejected return")); } catch (e) { yield "caught " + e.message; }
      return "done";
    }
    const out = []; for await (const x of g()) out.push(x); return out;`,
  "an error from the generator body rejects next(); later calls are done": `
    async function* g() { yield 1; throw new Error("gen failed"); }
    const it = g(); const out = [await it.next()];
    try { await it.next(); } catch (e) { out.push(e.message); }
    out.push(await it.next());
    return out;`,
  "requests queue: several next() calls before any settles": `
    async function* g() { for (let i = 0; ; i++) { await a("step " + i); yield i; } }
    const it = g();
    const results = await Promise.all([it.next(), it.next(), it.return("r"), it.next()]);
    return results;`,
  "methods: object, class, static and private async generators with this and arguments": `
    const o = { base: 10, async *up(n) { for (let i = 0; i < n; i++) yield this.base + i + arguments.length; } };
    class K { #p = 5; static async *s() { yield "static"; } async *#priv() { yield this.#p; } async *m() { yield* this.#priv(); } }
    const out = [];
    for await (const x of o.up(2)) out.push(x);
    for await (const x of K.s()) out.push(x);
    for await (const x of new K().m()) out.push(x);
    const named = async function* counter() { yield counter.name; };
    for await (const x of named()) out.push(x);
    return out;`,
  "an iterator whose next() result is not an object": `
    const bad = { [Symbol.asyncIterator]() { return { next() { return Promise.resolve(42); } }; } };
    try { for await (const x of bad) log.push("never"); } catch (e) { return e.constructor.name; }`,
  "a value that is not iterable": `
    try { for await (const x of 42) log.push("never"); } catch (e) { return e.constructor.name; }`,
};

/** One module holding every case as an async function, with the helpers the cases use. */
function casesModule(): string {
  const entries = Object.entries(cases).map(([name, code], i) => `  ${JSON.stringify(name)}: async function case${i}() { ${code} },`);
  return `
    let log;
    let nativeGenerator;
    export function setNativeGenerator(g) { nativeGenerator = g; }
    async function a(v) { log.push("await " + JSON.stringify(v)); return await v; }
    export function setLog(l) { log = l; }
    export const cases = {
${entries.join("\n")}
    };`;
}

interface CasesModule {
  setLog: (l: string[]) => void;
  setNativeGenerator: (g: () => AsyncGenerator<string>) => void;
  cases: Record<string, () => unknown>;
}

const source = casesModule();
const compiled = load(source) as unknown as CasesModule;
const native = loadNative(source) as unknown as CasesModule;

// Not compiled by the plugin (this test file is not), so a native async generator for the cases.
async function* nativeGenerator(): AsyncGenerator<string> {
  yield "n1";
  yield "n2";
}
compiled.setNativeGenerator(nativeGenerator);
native.setNativeGenerator(nativeGenerator);

type Outcome = { log: string[]; result?: unknown; threw?: string };

async function settle(log: string[], result: PromiseLike<unknown>): Promise<Outcome> {
  try {
    return { log, result: await result };
  } catch (e) {
    return { log, threw: String(e) };
  }
}

function runNative(name: string): Promise<Outcome> {
  const log: string[] = [];
  native.setLog(log);
  return settle(log, native.cases[name]!() as Promise<unknown>);
}

function runCompiled(name: string): Promise<Outcome> {
  const log: string[] = [];
  compiled.setLog(log);
  return settle(log, run(compiled.cases[name]!() as Coroutine<unknown>));
}

test("the compiled cases contain no native async generator or for await", () => {
  const code = compile(source).replace(/"(?:[^"\\]|\\.)*"/g, '""'); // the case names say "for await"
  expect(code).not.toMatch(/async\s*\*|async function|for await/);
});

test.each(Object.keys(cases))("%s: as natively", async (name) => {
  const expected = await runNative(name);
  expect(expected.log.length + JSON.stringify(expected.result ?? "").length).toBeGreaterThan(0);
  expect(await runCompiled(name)).toEqual(expected);
});
