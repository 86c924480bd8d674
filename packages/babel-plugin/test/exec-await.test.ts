// `await` in every position: each case runs compiled (driven by hand) and natively, and both
// must give the same result and the same order of side effects.
import { TestLoop, sleep, type Coroutine } from "@stepwise/runtime";
import { drive, load, loadNative } from "./helpers";

type Case = (log: string[]) => unknown;

const cases: Record<string, string> = {
  arguments: `f(await a(1), ...(await a([2, 3])))`,
  condition: `if (await a(true)) log.push("then"); else log.push("else"); return await a(false) ? 1 : 2`,
  "while loop": `let n = 0; while (await a(n < 3)) n = n + await a(1); return n`,
  "do-while loop": `let n = 0; do { n += await a(2); } while (await a(n < 5)); return n`,
  "for loop parts": `let s = ""; for (let i = await a(0); i < (await a(3)); i += await a(1)) s += await a(i); return s`,
  "for-of and for-in": `const r = []; for (const x of await a([1, 2])) r.push(await a(x * 10)); for (const k in await a({ p: 1, q: 2 })) r.push(k); return r`,
  "try/catch/finally": `try { await a(1); throw new Error(await a("thrown")); } catch (e) { log.push("caught " + (await a(e.message))); } finally { log.push("finally " + (await a("f"))); } return "after"`,
  "error from an awaited coroutine": `try { await a(1); await fails(); } catch (e) { return "caught " + e.message; }`,
  "return in finally order": `try { return await a("try"); } finally { log.push(await a("cleanup")); }`,
  switch: `switch (await a("b")) { case await a("a"): return "A"; case await a("b"): log.push("matched"); default: return "fell"; }`,
  labels: `let n = 0; outer: for (;;) { for (;;) { n++; if (await a(n > 2)) break outer; continue outer; } } return n`,
  "template literals": "return `${await a(1)}-${await a(2)}` + tag`x${await a(3)}y`",
  "destructuring defaults": `const { p = await a("dp"), q: [r = await a("dr")] = [] } = await a({}); const [s = await a("ds")] = []; return [p, r, s]`,
  "logical and conditional operators": `const x = (await a(0)) || (await a("or")); const y = (await a(1)) && (await a("and")); const z = (await a(null)) ?? (await a("nullish")); const w = (await a(false)) ? await a("no") : await a("yes"); let v = null; v ??= await a("assigned"); return [x, y, z, w, v]`,
  "short circuit skips the await": `const x = (await a(1)) || (await a("never")); return x`,
  "optional chains and calls": `const o = { m(v) { return v * 2; } }; return [o?.[await a("m")]?.(await a(4)), (await a(null))?.[await a("never")]]`,
  "object, array, spread and new": `class P { constructor(v) { this.v = v; } } return [{ [await a("k")]: await a("v"), ...(await a({ s: 1 })) }, [await a(1), ...(await a([2]))], new P(await a("n")).v]`,
  "binary, unary and assignment": `let x = 1; x += await a(2); return [-(await a(3)), typeof (await a("s")), x, (await a(2)) ** (await a(3)), await a(1) + await a(1)]`,
  "nested awaits": `return await (await a(() => a("inner")))()`,
  "await in a nested arrow's call": `const g = async (v) => (await a(v)) * 2; return await g(await a(21))`,
  "comma and sequence": `return ((await a(1)), (await a(2)))`,
  "computed keys of nested methods and classes": `const o = { [await a("m")]() { return "o"; } }; class K { static [await a("s")]() { return "K"; } [await a("p")]() {} } return [o.m(), K.s(), Object.getOwnPropertyNames(K.prototype)]`,
};

/** One module holding every case as an async function, plus the helpers the cases use. */
function casesModule(): string {
  const entries = Object.entries(cases).map(([name, code], i) => `  ${JSON.stringify(name)}: (log) => { async function f${i}() { ${code} } return f${i}(); },`);
  return `
    let log;
    async function a(v) { log.push("await " + JSON.stringify(v)); return await v; }
    async function fails() { await 0; throw new Error("from inner"); }
    function f(...args) { log.push("f " + JSON.stringify(args)); }
    function tag(strings, ...values) { return strings.raw.join("|") + values.join(","); }
    export function setLog(l) { log = l; }
    export const cases = {
${entries.join("\n")}
    };`;
}

const source = casesModule();
const compiled = load(source) as { setLog: (l: string[]) => void; cases: Record<string, Case> };
// The same module without the plugin: native async functions, the reference.
const native = loadNative(source) as { setLog: (l: string[]) => void; cases: Record<string, Case> };

async function runNative(name: string): Promise<{ log: string[]; result: unknown }> {
  const log: string[] = [];
  native.setLog(log);
  let result: unknown;
  try {
    result = await (native.cases[name]!(log) as Promise<unknown>);
  } catch (e) {
    result = `threw ${(e as Error).message}`;
  }
  return { log, result };
}

function runCompiled(name: string): { log: string[]; result: unknown } {
  const log: string[] = [];
  compiled.setLog(log);
  let result: unknown;
  try {
    result = drive(compiled.cases[name]!(log) as Coroutine<unknown>);
  } catch (e) {
    result = `threw ${(e as Error).message}`;
  }
  return { log, result };
}

test.each(Object.keys(cases))("await in %s behaves as natively", async (name) => {
  const expected = await runNative(name);
  expect(expected.log.length).toBeGreaterThan(0);
  expect(runCompiled(name)).toEqual(expected);
});

describe("on a TestLoop", () => {
  test("sleep takes virtual time, and tasks interleave in the same order every run", () => {
    const mod = load(`
      import { sleep, createTask } from "@stepwise/runtime";
      export const log = [];
      async function worker(name, ms, times) {
        for (let i = 0; i < times; i++) {
          await sleep(ms);
          log.push(name + i);
        }
        return name;
      }
      export async function main() {
        const a = createTask(worker("a", 100, 3));
        const b = createTask(worker("b", 130, 2));
        return [await a, await b];
      }
    `) as { log: string[]; main: () => Coroutine<string[]> };
    const loop = new TestLoop();
    const started = Date.now();
    expect(loop.runUntilComplete(mod.main())).toEqual(["a", "b"]);
    expect(mod.log).toEqual(["a0", "b0", "a1", "b1", "a2"]);
    expect(loop.time()).toBe(300);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test("an hour of sleep in a compiled arrow takes no real time", () => {
    const { wait } = load(`
      import { sleep } from "@stepwise/runtime";
      export const wait = async (ms) => { const v = await sleep(ms, "woke"); return v; };
    `) as { wait: (ms: number) => Coroutine<string> };
    const loop = new TestLoop();
    expect(loop.runUntilComplete(wait(3_600_000))).toBe("woke");
    expect(loop.time()).toBe(3_600_000);
  });

  test("the test's own sleep import and the compiled code's runtime are the same module", () => {
    // The compiled code requires @stepwise/runtime through the test's module map.
    const { slept } = load(`import { sleep } from "@stepwise/runtime"; export const slept = sleep;`);
    expect(slept).toBe(sleep);
  });
});
