// Compile time against input size, with and without @stepwise/babel-plugin, to show it stays
// roughly linear. Run after `npm run build` (it loads the built plugin from dist/):
//   node packages/babel-plugin/test/scale/measure.mjs            # 0.5, 1, 2 and 5 MB, best of 3
//   node packages/babel-plugin/test/scale/measure.mjs 0.5 1 --runs=1
//   node packages/babel-plugin/test/scale/measure.mjs --plugin=/other/checkout/packages/babel-plugin/dist/cjs/index.js
// Each figure is the best of the runs (a shared machine is noisy). Not a Jest test: figures are
// benchmark output, never assertions.
import { createRequire } from "node:module";
import { transformSync } from "@babel/core";

const require = createRequire(import.meta.url);
const { generateSource } = require("./sources.cjs");
const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const plugin = require(option("plugin") ?? "../../dist/cjs/index.js").default;
const runs = Number(option("runs") ?? 3);
const sizes = args.filter((a) => !a.startsWith("--")).map(Number);
if (sizes.length === 0) sizes.push(0.5, 1, 2, 5);

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

compileMs(generateSource(100_000), true); // warm up the JIT
compileMs(generateSource(100_000), false);

console.log(`node ${process.version}, best of ${runs}`);
console.log("input MB | async fns | Babel alone ms | ms/MB | with plugin ms | ms/MB | plugin/alone | output MB");
for (const mb of sizes) {
  const source = generateSource(mb * 1_000_000);
  const fns = (source.match(/\basync\b/g) ?? []).length;
  const alone = best(source, false);
  const withPlugin = best(source, true);
  const per = (ms) => (ms / (source.length / 1e6)).toFixed(0);
  console.log(
    [
      (source.length / 1e6).toFixed(2),
      fns,
      alone.ms.toFixed(0),
      per(alone.ms),
      withPlugin.ms.toFixed(0),
      per(withPlugin.ms),
      (withPlugin.ms / alone.ms).toFixed(2) + "x",
      (withPlugin.out / 1e6).toFixed(2),
    ].join(" | "),
  );
}
