// `npm run bench [-- --quick] [-- --only=<case>]`: compiles each workload three ways, measures
// every (case, variant) in its own `node --expose-gc` process, checks that all variants computed
// the same (expected) result, prints a table and writes bench/.out/results.json.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = fileURLToPath(new URL("..", import.meta.url));
const built = ["packages/runtime/dist/esm/index.js", "packages/runtime/dist/cjs/index.js", "packages/babel-plugin/dist/cjs/index.js"];
if (built.some((f) => !existsSync(root + f))) {
  console.error("run npm run build first");
  process.exit(1);
}
const { compileWorkload } = await import("./compile.mjs");
const { CASES } = await import("./cases.mjs");

const args = process.argv.slice(2);
const mode = args.includes("--quick") ? "quick" : "full";
const only = args.find((a) => a.startsWith("--only="))?.slice(7).split(",");
const cases = only ? CASES.filter((c) => only.includes(c.id)) : CASES;
const outDir = `${here}.out`;
const started = performance.now();

mkdirSync(`${outDir}/compiled`, { recursive: true });
for (const workload of new Set(cases.map((c) => c.workload))) {
  const code = compileWorkload(`${here}workloads/${workload}.js`);
  for (const [variant, text] of Object.entries(code)) writeFileSync(`${outDir}/compiled/${workload}.${variant}.cjs`, text);
}

function measure(spec, variant) {
  const child = spawnSync(process.execPath, ["--expose-gc", `${here}worker.mjs`, spec.id, variant, mode, outDir], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
    timeout: 120_000,
  });
  if (child.status !== 0) {
    throw new Error(`${spec.id}/${variant} failed (${child.signal ?? `exit ${child.status}`}):\n${child.stderr}`);
  }
  return JSON.parse(child.stdout.trim().split("\n").pop());
}

const LABELS = { ms: "time ms", createMs: "create+suspend ms", completeMs: "resolve+complete ms", bytesPerTask: "heap bytes/task" };
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const results = [];
const lines = [];
const row = (...cells) => lines.push(cells.map((c, i) => (i < 3 ? c.padEnd([13, 20, 14][i]) : c.padStart(10))).join(" ").trimEnd());

console.log(`Stepwise bench (${mode}), node ${process.version}; median and min of each metric, ratio = median / baseline median\n`);
row("case", "metric", "variant", "median", "min", "ratio");
row("-".repeat(13), "-".repeat(20), "-".repeat(14), "-".repeat(10), "-".repeat(10), "-".repeat(10));
for (const spec of cases) {
  const size = spec.size[mode];
  const baseline = spec.baseline ?? "native";
  const expected = spec.expected(size);
  const byVariant = {};
  for (const variant of Object.keys(spec.variants)) {
    process.stderr.write(`  measuring ${spec.id} / ${variant} ...\n`);
    const r = measure(spec, variant);
    if (!Object.is(r.result, expected)) {
      throw new Error(`${spec.id}/${variant} computed ${r.result}, expected ${expected}: the ${variant} build is wrong`);
    }
    byVariant[variant] = r;
  }
  const base = byVariant[baseline];
  const ratios = {};
  lines.push(`${spec.id}: ${spec.title} (${spec.label(size)}); result ${expected}, equal in all variants`);
  for (const metric of Object.keys(base.metrics)) {
    for (const [variant, r] of Object.entries(byVariant)) {
      const m = r.metrics[metric];
      const ratio = m.median / base.metrics[metric].median;
      (ratios[metric] ??= {})[`${variant}/${baseline}`] = ratio;
      row("", variant === baseline ? LABELS[metric] ?? metric : "", variant, fmt(m.median), fmt(m.min), variant === baseline ? "1.00x" : `${ratio.toFixed(2)}x`);
    }
  }
  lines.push("");
  results.push({ id: spec.id, title: spec.title, size, label: spec.label(size), baseline, result: expected, variants: byVariant, ratios });
}
const seconds = (performance.now() - started) / 1000;
console.log(lines.join("\n"));
console.log(`took ${seconds.toFixed(1)} s; JSON in bench/.out/results.json`);
writeFileSync(
  `${outDir}/results.json`,
  `${JSON.stringify({ mode, node: process.version, date: new Date().toISOString(), seconds, cases: results }, null, 2)}\n`,
);
