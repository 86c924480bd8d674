// `npm run bench [-- --quick] [-- --only=<id,...>] [-- --rounds=<n>]`: compiles each workload
// three ways, measures every (case, variant) in its own `node --expose-gc` process, round after
// round, checks that every variant computed the expected result, searches each variant's deepest
// await recursion, prints a table and the goals, and writes bench/.out/results.json.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = fileURLToPath(new URL(".", import.meta.url));
const root = fileURLToPath(new URL("..", import.meta.url));
const built = ["packages/runtime/dist/esm/index.js", "packages/runtime/dist/cjs/index.js", "packages/babel-plugin/dist/cjs/index.js"];
if (built.some((f) => !existsSync(root + f))) {
  console.error("The bench runs the packages' dist/ builds, and they are missing: run npm run build first.");
  process.exit(1);
}
const { compileWorkload } = await import("./compile.mjs");
const { CASES } = await import("./cases.mjs");
const { findCorpus } = await import("./corpus.mjs");
const { DEPTH_SEARCH, measureDepths } = await import("./depth.mjs");
const { summarize, pairedRatios } = require("./logic/stats.cjs");
const { buildStatus } = require("./logic/native-left.cjs");
const { evaluateGoals } = require("./logic/goals.cjs");
const { formatCases, formatDepth, formatGoals } = require("./logic/table.cjs");

// --- Arguments ---------------------------------------------------------------------------
const IDS = [...CASES.map((c) => c.id), "depth"];
const args = process.argv.slice(2);
const usage = `usage: npm run bench [-- --quick] [-- --only=<ids>] [-- --rounds=<n>]; ids: ${IDS.join(", ")}`;
for (const a of args) {
  if (!/^--(quick|only=.+|rounds=\d+)$/.test(a)) {
    console.error(`unknown argument ${a}\n${usage}`);
    process.exit(2);
  }
}
const mode = args.includes("--quick") ? "quick" : "full";
const only = args.find((a) => a.startsWith("--only="))?.slice(7).split(",");
const unknown = only?.filter((id) => !IDS.includes(id)) ?? [];
if (unknown.length > 0) {
  console.error(`--only: no case ${unknown.join(", ")}\n${usage}`);
  process.exit(2);
}
const rounds = Number(args.find((a) => a.startsWith("--rounds="))?.slice(9) ?? (mode === "quick" ? 2 : 5));
if (!(rounds >= 1)) {
  console.error(`--rounds must be at least 1\n${usage}`);
  process.exit(2);
}
const cases = CASES.filter((c) => !only || only.includes(c.id));
const withDepth = !only || only.includes("depth");
const outDir = `${here}.out`;
const log = (line) => process.stderr.write(`${line}\n`);
const started = performance.now();

// --- Compile, and find what each build left native ---------------------------------------
mkdirSync(`${outDir}/compiled`, { recursive: true });
const leftNative = {};
for (const workload of new Set([...cases.map((c) => c.workload).filter(Boolean), ...(withDepth ? ["recursion"] : [])])) {
  const { code, left } = compileWorkload(`${here}workloads/${workload}.js`);
  for (const [build, text] of Object.entries(code)) writeFileSync(`${outDir}/compiled/${workload}.${build}.cjs`, text);
  leftNative[workload] = left;
}
const info = {};
if (cases.some((c) => c.id === "transform")) {
  info.corpus = findCorpus(root, mode);
  writeFileSync(`${outDir}/transform-corpus.json`, `${JSON.stringify(info.corpus, null, 2)}\n`);
}

const variantStatus = (spec, name) => {
  const { build } = spec.variants[name];
  const left = build && build !== "native" ? leftNative[spec.workload][build] : [];
  return buildStatus({ build, left, pendingStepwiseSupport: spec.pendingStepwiseSupport, workload: spec.workload });
};

// --- Measure, round after round ----------------------------------------------------------
function measure(spec, name) {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ["--expose-gc", `${here}worker.mjs`, spec.id, name, mode, outDir], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
    timeout: 300_000,
  });
  if (child.status !== 0) throw new Error(`${spec.id}/${name} failed (${child.signal ?? `exit ${child.status}`}):\n${child.stderr}`);
  return { ...JSON.parse(child.stdout.trim().split("\n").pop()), processMs: Math.round(performance.now() - t0) };
}

const plan = cases.map((spec) => {
  const size = spec.size[mode];
  const variants = Object.fromEntries(Object.keys(spec.variants).map((name) => [name, { ...variantStatus(spec, name), rounds: [] }]));
  return { spec, size, expected: spec.expected(size, info), variants, rounds: Math.min(rounds, spec.rounds?.[mode] ?? rounds) };
});
for (let r = 0; r < rounds; r++) {
  for (const { spec, expected, variants, rounds: caseRounds } of plan) {
    if (r >= caseRounds) continue;
    const names = Object.keys(variants).filter((name) => variants[name].status === "measured");
    // Each round starts with a different variant, so none always runs first (or right after another).
    const order = names.map((_, i) => names[(i + r) % names.length]);
    log(`round ${r + 1}/${caseRounds}  ${spec.id}: ${order.join(", ")}`);
    for (const name of order) {
      const out = measure(spec, name);
      if (!out.overflow && !Object.is(out.result, expected)) {
        throw new Error(`${spec.id}/${name} computed ${out.result}, expected ${expected}: the ${name} build is wrong`);
      }
      variants[name].rounds[r] = out;
    }
  }
}

// --- Summarise -----------------------------------------------------------------------------
const results = { mode, rounds, node: process.version, date: new Date().toISOString(), cases: {}, depth: null, goals: null };
for (const { spec, size, expected, variants, rounds: caseRounds } of plan) {
  const baseline = spec.baseline ?? "native";
  for (const v of Object.values(variants)) {
    if (v.status !== "measured") continue;
    const overflows = v.rounds.filter((x) => x.overflow);
    if (overflows.length > 0) {
      v.status = "overflow";
      v.reason = `${overflows[0].message} (in ${overflows.length} of ${caseRounds} rounds)`;
      continue;
    }
    v.metrics = {};
    for (const metric of Object.keys(v.rounds[0].metrics)) {
      const perRound = v.rounds.map((x) => x.metrics[metric].median);
      v.metrics[metric] = { ...summarize(perRound), perRound, best: Math.min(...v.rounds.map((x) => x.metrics[metric].min)) };
    }
  }
  const ratios = {};
  const base = variants[baseline];
  if (base.status === "measured") {
    for (const metric of Object.keys(base.metrics)) {
      ratios[metric] = {};
      for (const [name, v] of Object.entries(variants)) {
        if (name !== baseline && v.status === "measured") ratios[metric][name] = pairedRatios(v.metrics[metric].perRound, base.metrics[metric].perRound);
      }
    }
  }
  results.cases[spec.id] = { id: spec.id, title: spec.title, label: spec.label(size, info), size, rounds: caseRounds, baseline, result: expected, variants, ratios };
}
if (info.corpus) results.corpus = info.corpus;
if (withDepth) {
  const t0 = performance.now();
  results.depth = await measureDepths(mode, outDir, log);
  results.depthSeconds = (performance.now() - t0) / 1000;
}
results.goals = evaluateGoals(results).map(({ goal, ...rest }) => ({ id: goal.id, title: goal.title, ...rest }));
results.seconds = (performance.now() - started) / 1000;

// --- Report ----------------------------------------------------------------------------------
const lines = [
  `Stepwise bench (${mode}, ${rounds} round${rounds > 1 ? "s" : ""}), node ${process.version}`,
  "median: median over rounds of each process's median sample; best: fastest sample of any round;",
  "ratio: median over rounds of variant/baseline within the same round; ratio range: min-max over rounds",
  "",
  ...formatCases(results),
];
if (results.depth) {
  const s = DEPTH_SEARCH[mode];
  lines.push(...formatDepth(results.depth, `each attempt a fresh process; search from ${s.start}, doubling up to ${s.cap.toLocaleString("en-US")}, then bisecting to ${s.precision * 100}%`), "");
}
lines.push(...formatGoals(evaluateGoals(results)));
console.log(lines.join("\n"));
console.log(`took ${results.seconds.toFixed(1)} s; JSON in bench/.out/results.json`);
writeFileSync(`${outDir}/results.json`, `${JSON.stringify(results, null, 2)}\n`);
