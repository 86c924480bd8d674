// The deepest await recursion each variant completes at Node's default stack size, each attempt
// in a fresh process (depth-worker.mjs) so no attempt inherits another's stack or JIT state.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { deepestDepth } = require("./logic/depth-search.cjs");
const here = fileURLToPath(new URL(".", import.meta.url));

export const DEPTH_SEARCH = {
  full: { start: 250, cap: 400_000, precision: 0.01 },
  quick: { start: 250, cap: 200_000, precision: 0.05 },
};
export const DEPTH_VARIANTS = ["native", "babel", "stepwise"];

function attempt(build, depth, outDir) {
  const child = spawnSync(process.execPath, [`${here}depth-worker.mjs`, build, String(depth), outDir], {
    encoding: "utf8",
    timeout: 120_000,
  });
  if (child.status !== 0) {
    // A process killed by the system (out of memory, a crash) failed at this depth, but is not a
    // wrong result; an error the worker printed is.
    if (child.signal) return { ok: false, reason: `process killed (${child.signal})` };
    throw new Error(`depth ${depth} on ${build} failed (exit ${child.status}):\n${child.stderr}`);
  }
  const out = JSON.parse(child.stdout.trim().split("\n").pop());
  if (out.ok && out.result !== depth) throw new Error(`depth ${depth} on ${build} computed ${out.result}, expected ${depth}: the ${build} build is wrong`);
  return out.ok ? { ok: true } : { ok: false, reason: out.reason };
}

/** { [variant]: deepestDepth(...) result } */
export async function measureDepths(mode, outDir, log) {
  const out = {};
  for (const build of DEPTH_VARIANTS) {
    log(`  depth search: ${build} ...`);
    out[build] = await deepestDepth((depth) => attempt(build, depth, outDir), DEPTH_SEARCH[mode]);
  }
  return out;
}
