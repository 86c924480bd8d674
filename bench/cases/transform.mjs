// The plugin's own speed: parse + transform + generate of real code (corpus.mjs), with Babel and
// no plugins (the baseline), with Babel's async-to-generator, and with the Stepwise plugin.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { countAsync } from "../corpus.mjs";
import { time } from "../measure.mjs";

const require = createRequire(import.meta.url);
const root = new URL("../..", import.meta.url).pathname;

/**
 * The first run (a warm-up, never a sample) also checks the output: with no plugin every async
 * function is still there, with a plugin none is. The result is the number of async functions
 * handled that way, the corpus count when the build is right.
 */
const transformWith = (pluginNames, keepsAsync) => ({
  build: null,
  async setup({ outDir }) {
    const { transformSync } = await import("@babel/core");
    const corpus = JSON.parse(readFileSync(join(outDir, "transform-corpus.json"), "utf8"));
    const plugins = pluginNames.map((name) => require.resolve(name));
    const sources = corpus.files.map((f) => [join(root, f.path), readFileSync(join(root, f.path), "utf8")]);
    const compileAll = () =>
      sources.map(([filename, code]) => transformSync(code, { filename, configFile: false, babelrc: false, sourceType: "unambiguous", plugins }).code);
    let handled = null;
    const check = (outputs) => {
      const left = outputs.reduce((sum, code, i) => sum + countAsync(code, sources[i][0]).asyncFunctions, 0);
      return keepsAsync ? left : corpus.asyncFunctions - left;
    };
    // The check parses every output: it stays out of the time, or the bigger output would pay for it.
    return async () => {
      const run = await time(compileAll);
      handled ??= check(run.result);
      return { ...run, result: handled };
    };
  },
});

export default [
  {
    id: "transform",
    workload: null,
    title: "plugin speed: Babel parse + transform + generate",
    size: { full: "full", quick: "quick" },
    // A run takes a second or more: one warm-up run (the checking one), the one after the forced
    // collection (measure.mjs), 2 samples, and 3 of the rounds, or this case alone would take half
    // the bench. The samples are of settled code; the first run, of code as cold as a build's in a
    // fresh process, is reported beside them (firstCpuMs), for reference.
    warmup: { runs: 1, ms: 0 },
    reportFirstRun: true,
    samples: { full: 2 },
    rounds: { full: 3 },
    label: (_, { corpus }) =>
      `${corpus.files.length} files, ${Math.round(corpus.bytes / 1024)} KB, ${corpus.asyncFunctions} async functions, from ${corpus.source} ${corpus.version}`,
    expected: (_, { corpus }) => corpus.asyncFunctions,
    baseline: "no-plugin",
    variants: {
      "no-plugin": transformWith([], true),
      "async-to-generator": transformWith(["@babel/plugin-transform-async-to-generator"], false),
      stepwise: transformWith(["@stepwise/babel-plugin"], false),
    },
  },
];
