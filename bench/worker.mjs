// One (case, variant) measured in its own process, so variants cannot disturb each other's JIT
// state or heap. Spawned by run.mjs with --expose-gc; prints one JSON line.
import { readFileSync } from "node:fs";
import * as runtime from "@stepwise/runtime";
import { CASES } from "./cases.mjs";
import { loadCompiled } from "./compile.mjs";
import { sample } from "./measure.mjs";

const [caseId, variant, mode, outDir] = process.argv.slice(2);
const spec = CASES.find((c) => c.id === caseId);
if (!spec || !spec.variants[variant]) throw new Error(`unknown case/variant: ${caseId} ${variant}`);

const compiledAs = (v) => (v.startsWith("stepwise") ? "stepwise" : v === "babel" ? "babel" : "native");
const file = `${outDir}/compiled/${spec.workload}.${compiledAs(variant)}.cjs`;
const mod = loadCompiled(readFileSync(file, "utf8"), file, runtime);

const quick = mode === "quick";
const size = spec.size[mode];
const counts = { warmup: quick ? 1 : 5, warmupMs: quick ? 0 : 500, samples: spec.samples?.[mode] ?? (quick ? 3 : 11) };
const out = await sample(spec.variants[variant](mod, size, runtime), counts);
process.stdout.write(`${JSON.stringify({ ...out, ...counts, gc: typeof globalThis.gc === "function" })}\n`);
