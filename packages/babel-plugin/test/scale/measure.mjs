// Compile time against input size and nesting depth, with and without @stepwise/babel-plugin.
// Run after `npm run build` (it loads the built plugin from dist/). Figures only, never assertions:
//   node packages/babel-plugin/test/scale/measure.mjs              # size: 0.5, 1, 2 and 5 MB, best of 3
//   node packages/babel-plugin/test/scale/measure.mjs 0.5 1 --runs=1
//   node packages/babel-plugin/test/scale/measure.mjs --depth      # deepest nesting on Node's default stack
//   node packages/babel-plugin/test/scale/measure.mjs --nesting    # time against depth, on a 512 MB stack
//   ... --plugin=/other/checkout/packages/babel-plugin/dist/cjs/index.js   (size only: another build)
// Each size figure is the best of the runs (a shared machine is noisy).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { transformSync } from "@babel/core";

const require = createRequire(import.meta.url);
const { generateSource, NESTED_SHAPES } = require("./sources.cjs");
const nestedScript = fileURLToPath(new URL("./nested.cjs", import.meta.url));

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const flag = (name) => args.includes(`--${name}`);
const plugin = require(option("plugin") ?? "../../dist/cjs/index.js").default;
const runs = Number(option("runs") ?? 3);

function compileMs(source, withPlugin) {
  const start = performance.now();
  const result = transformSync(source, {
    configFile: false,
    babelrc: false,
    filename: "/virtual/generated.js",
    sourceType: "script",
    compact: false, // the same printing at every size (Babel turns off its styling above 500 KB)
    plugins: withPlugin ? [plugin] : [],
  });
  return { ms: performance.now() - start, out: result.code.length };
}

function best(source, withPlugin) {
  let min = Infinity;
  let out = 0;
  for (let i = 0; i < runs; i++) {
    const r = compileMs(source, withPlugin);
    if (r.ms < min) min = r.ms;
    out = r.out;
  }
  return { ms: min, out };
}

function sizes() {
  const list = args.filter((a) => !a.startsWith("--")).map(Number);
  if (list.length === 0) list.push(0.5, 1, 2, 5);
  compileMs(generateSource(100_000), true); // warm up the JIT
  compileMs(generateSource(100_000), false);
  console.log(`node ${process.version}, best of ${runs}`);
  console.log("input MB | async fns | Babel alone ms | ms/MB | with plugin ms | ms/MB | plugin/alone | output MB");
  for (const mb of list) {
    const source = generateSource(mb * 1_000_000);
    const fns = (source.match(/\basync\b/g) ?? []).length;
    const alone = best(source, false);
    const withPlugin = best(source, true);
    const per = (ms) => (ms / (source.length / 1e6)).toFixed(0);
    const row = [(source.length / 1e6).toFixed(2), fns, alone.ms.toFixed(0), per(alone.ms), withPlugin.ms.toFixed(0), per(withPlugin.ms)];
    console.log([...row, (withPlugin.ms / alone.ms).toFixed(2) + "x", (withPlugin.out / 1e6).toFixed(2)].join(" | "));
  }
}

/** True when a fresh `node` on its default stack compiles `shape` nested `depth` deep. */
function compiles(shape, depth, variant) {
  return spawnSync(process.execPath, [nestedScript, "probe", shape, String(depth), variant]).status === 0;
}

/** The deepest depth that compiles, by bisection between 1 and 20,000 (to within 1%). */
function deepest(shape, variant) {
  let lo = 1;
  let hi = 20_000;
  if (compiles(shape, hi, variant)) return `>= ${hi}`;
  while (hi - lo > Math.max(1, lo / 100)) {
    const mid = Math.floor((lo + hi) / 2);
    if (compiles(shape, mid, variant)) lo = mid;
    else hi = mid;
  }
  return lo;
}

function depth() {
  console.log(`node ${process.version}, default stack: the deepest nesting that compiles (to within 1%)`);
  console.log("shape | Babel alone | with plugin");
  for (const shape of NESTED_SHAPES) console.log([shape, deepest(shape, "alone"), deepest(shape, "plugin")].join(" | "));
}

function nesting() {
  const cases = [];
  for (const shape of ["arrows", "arrows assigning outside", "function bodies", "for await loops"]) {
    for (const d of [250, 500, 1000, 2000]) cases.push({ shape, depth: d });
  }
  console.log(`node ${process.version}, a worker with a 512 MB stack: compile time against depth`);
  console.log("shape | depth | Babel alone ms | with plugin ms | plugin/alone");
  const worker = new Worker(nestedScript, { workerData: { cases, run: false }, resourceLimits: { stackSizeMb: 512 } });
  worker.on("message", (r) => {
    const failed = r.alone.error ?? r.plugin.error;
    const ratio = (r.plugin.ms / r.alone.ms).toFixed(2) + "x";
    console.log([r.shape, r.depth, r.alone.ms.toFixed(0), r.plugin.ms.toFixed(0), failed ? `failed: ${failed}` : ratio].join(" | "));
  });
}

if (flag("depth")) depth();
else if (flag("nesting")) nesting();
else sizes();
