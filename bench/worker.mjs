// One (case, variant) measured in its own process, so variants cannot disturb each other's JIT
// state or heap. Spawned by run.mjs with --expose-gc; prints one JSON line: the sample() summary,
// or { overflow: true, message } when the case allows a stack overflow and one happened.
import { readFileSync } from "node:fs";
import * as runtime from "@stepwise/runtime";
import { CASES } from "./cases.mjs";
import { loadCompiled } from "./load-compiled.mjs";
import { isStackOverflow, sample } from "./measure.mjs";

const [caseId, variantName, mode, outDir] = process.argv.slice(2);
const spec = CASES.find((c) => c.id === caseId);
const variant = spec?.variants[variantName];
if (!variant) throw new Error(`unknown case/variant: ${caseId} ${variantName}`);

let mod = null;
if (variant.build) {
  const file = `${outDir}/compiled/${spec.workload}.${variant.build}.cjs`;
  mod = loadCompiled(readFileSync(file, "utf8"), file, runtime);
}

const quick = mode === "quick";
const counts = quick
  ? { warmup: 1, warmupMs: 0, warmupMaxMs: 0, samples: spec.samples?.quick ?? 2 }
  : {
      warmup: spec.warmup?.runs ?? 3,
      warmupMs: spec.warmup?.ms ?? 300,
      warmupMaxMs: 1000,
      samples: spec.samples?.full ?? 5,
      sampleMaxMs: 500,
    };
const once = await variant.setup({ mod, size: spec.size[mode], rt: runtime, outDir });
let out;
try {
  out = await sample(once, counts);
} catch (error) {
  if (!(spec.mayOverflow && isStackOverflow(error))) throw error;
  out = { overflow: true, message: `${error.name}: ${error.message}` };
}
// A case can report its first run too, one figure per process, as a metric of its own.
if (spec.reportFirstRun && !out.overflow) out.metrics.firstCpuMs = { median: out.first.cpuMs, min: out.first.cpuMs, max: out.first.cpuMs, samples: [out.first.cpuMs] };
process.stdout.write(`${JSON.stringify({ ...out, counts, gc: typeof globalThis.gc === "function" })}\n`);
