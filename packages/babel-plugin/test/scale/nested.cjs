// Compiles and runs deeply nested async code (sources.cjs, nestedSource) with the built plugin and
// runtime (dist/: run `npm run build` first). Two ways to use it:
// - as a worker thread (workerData: { cases: [{ shape, depth }], run }), started with a large stack
//   by test/hostile-scale.test.ts and measure.mjs: it posts one report per case;
// - as a command, `node nested.cjs probe SHAPE DEPTH alone|plugin`, on Node's default stack: exit
//   code 0 when Babel compiled it (measure.mjs --depth searches the deepest depth this way).
"use strict";
const { isMainThread, parentPort, workerData } = require("node:worker_threads");
const { join } = require("node:path");
const { transformSync } = require("@babel/core");
const { nestedSource } = require("./sources.cjs");

const dist = join(__dirname, "..", "..", "dist", "cjs", "index.js");
const runtimeDist = join(__dirname, "..", "..", "..", "runtime", "dist", "cjs", "index.js");

/** Babel alone or with the plugin; { ms, code } or { ms, error }. */
function compile(source, withPlugin) {
  const start = performance.now();
  try {
    const result = transformSync(source, {
      configFile: false,
      babelrc: false,
      filename: "/virtual/nested.js",
      sourceType: "script",
      compact: false,
      plugins: withPlugin ? [require(dist).default] : [],
    });
    return { ms: performance.now() - start, code: result.code };
  } catch (error) {
    return { ms: performance.now() - start, error: String(error).split("\n")[0] };
  }
}

/** Evaluates a script and settles its `main()` (a compiled one runs on the runtime's `run`). */
async function outcome(code) {
  const runtime = require(runtimeDist);
  const module = { exports: {} };
  const load = (id) => (id === "@stepwise/runtime" ? runtime : require(id));
  try {
    new Function("require", "module", "exports", code)(load, module, module.exports);
    const started = module.exports.main();
    return { value: await (runtime.isCoroutine(started) ? runtime.run(started) : started) };
  } catch (error) {
    return { error: String(error) };
  }
}

async function report({ shape, depth }, run) {
  const source = nestedSource(shape, depth);
  const alone = compile(source, false);
  const withPlugin = compile(source, true);
  const out = {
    shape,
    depth,
    bytes: source.length,
    alone: { ms: alone.ms, error: alone.error ?? null },
    plugin: { ms: withPlugin.ms, error: withPlugin.error ?? null },
  };
  if (run && withPlugin.code !== undefined) {
    out.native = await outcome(source);
    out.compiled = await outcome(withPlugin.code);
  }
  return out;
}

if (!isMainThread) {
  (async () => {
    for (const c of workerData.cases) parentPort.postMessage(await report(c, workerData.run));
  })();
} else if (process.argv[2] === "probe") {
  const [, , , shape, depth, variant] = process.argv;
  const result = compile(nestedSource(shape, Number(depth)), variant === "plugin");
  process.exitCode = result.error === undefined ? 0 : 1;
}
