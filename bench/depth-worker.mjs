// One attempt of the depth search, in a fresh process with the default stack: `nest(depth)` (an
// await chain `depth` calls deep, suspending once at the bottom) from workloads/recursion.js.
// Native/Babel await its promise; Stepwise runs it on the host-driven loop with run().
// Prints { ok: true, result } or { ok: false, reason }; any other error exits non-zero.
import { readFileSync } from "node:fs";
import * as runtime from "@stepwise/runtime";
import { loadCompiled } from "./load-compiled.mjs";
import { isStackOverflow } from "./measure.mjs";

const [build, depthText, outDir] = process.argv.slice(2);
const depth = Number(depthText);
const file = `${outDir}/compiled/recursion.${build}.cjs`;
const mod = loadCompiled(readFileSync(file, "utf8"), file, runtime);

let out;
try {
  const result = build === "stepwise" ? await runtime.run(mod.nest(depth)) : await mod.nest(depth);
  out = { ok: true, result };
} catch (error) {
  if (!isStackOverflow(error)) throw error;
  out = { ok: false, reason: "stack overflow" };
}
process.stdout.write(`${JSON.stringify(out)}\n`);
