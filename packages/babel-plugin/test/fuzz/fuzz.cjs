// `npm run fuzz [-- options]`: a long fuzzing run from a random seed (printed first), in rounds of
// `--round` programs (seed, seed+1, ... one per round), until `--runs` programs or `--minutes`
// minutes. Each confirmed failure is shrunk and saved to regressions/ (see README.md here).
//   --seed=N      first round's seed (default: random)
//   --runs=N      programs in all (default 3000)
//   --minutes=M   run rounds until M minutes have passed instead (ignores --runs)
//   --round=N     programs per round (default 500)
//   --no-shrink   do not shrink failures;  --no-save  do not write regression fixtures
//   --only=i,j    with --seed: run only these programs of the first round (indexes), e.g. to reproduce one
// Exits 1 when a failure was found.
"use strict";
const { join } = require("node:path");

const root = join(__dirname, "..", "..", "..", "..");
require("@babel/register")({ extensions: [".ts"], cwd: root, only: [join(__dirname, ".."), __dirname] });
const { fuzz } = require("./fuzz-run.ts");
const { REGRESSIONS_DIR } = require("./regressions.ts");

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const flag = (name) => args.includes(`--${name}`);
const number = (name, fallback) => {
  const v = option(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name}=${v}: give a whole number`);
    process.exit(2);
  }
  return n;
};

const seed = number("seed", Math.floor(Math.random() * 2 ** 31));
const minutes = option("minutes") === undefined ? null : Number(option("minutes"));
const total = number("runs", 3000);
const roundSize = number("round", 500);
const only = option("only")?.split(",").map(Number);

(async () => {
  const started = performance.now();
  const deadline = minutes === null ? Infinity : started + minutes * 60_000;
  console.log(`fuzz: seed ${seed}, ${minutes === null ? `${total} programs` : `${minutes} minutes`}, rounds of ${roundSize}`);
  const totals = { runs: 0, strict: 0, relaxed: 0, confirmed: 0, isolation: 0 };
  const saved = [];
  for (let round = 0; ; round++) {
    if (minutes === null ? totals.runs >= total : performance.now() > deadline) break;
    const roundSeed = seed + round;
    const runs = only ? Math.max(...only) + 1 : minutes === null ? Math.min(roundSize, total - totals.runs) : roundSize;
    const report = await fuzz({
      seed: roundSeed,
      runs,
      only,
      shrinkMs: flag("no-shrink") ? 0 : 120_000,
      saveDir: flag("no-save") ? null : REGRESSIONS_DIR,
      log: (line) => console.log(`  ${line}`),
    });
    totals.runs += report.runs;
    totals.strict += report.strict;
    totals.relaxed += report.relaxed;
    totals.confirmed += report.failures.length + report.unshrunk.length;
    totals.isolation += report.isolation.length;
    const seconds = (report.ms.generate + report.ms.batch + report.ms.confirm + report.ms.shrink) / 1000;
    console.log(
      `round ${round + 1}, seed ${roundSeed}: ${report.runs} programs (${report.strict} compared strictly), ` +
        `${report.failures.length + report.unshrunk.length} failing, ${seconds.toFixed(1)} s (batch ${(report.ms.batch / 1000).toFixed(1)} s)`,
    );
    for (const f of report.failures) {
      console.log(`  run ${f.index}: ${f.verdict.problems.join("\n    ")}`);
      console.log(`    shrunk ${f.shrinkSteps} times, path "${f.path}"${f.savedAs ? `, saved as ${f.savedAs}` : ""}`);
      if (f.savedAs) saved.push(f.savedAs);
    }
    if (report.unshrunk.length > 0) console.log(`  also failing, not shrunk: runs ${report.unshrunk.join(", ")}`);
    for (const i of report.isolation) console.log(`  run ${i.index} differed in the batch only (fresh processes agree): ${i.problems[0]}`);
    if (only) break;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nfuzz: seed ${seed}, ${seconds.toFixed(0)} s`);
  console.log(`  programs run:                 ${totals.runs} (${totals.strict} compared strictly, ${totals.relaxed} relaxed)`);
  console.log(`  failures (confirmed fresh):   ${totals.confirmed}`);
  console.log(`  shrunk cases saved:           ${saved.length}${saved.length ? `\n    ${saved.join("\n    ")}` : ""}`);
  console.log(`  differing in the batch only:  ${totals.isolation}`);
  process.exitCode = totals.confirmed > 0 || totals.isolation > 0 ? 1 : 0;
})().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
