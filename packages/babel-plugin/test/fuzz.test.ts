// The differential fuzzer (test/fuzz, see its README): random async programs run natively and
// compiled with `start: "eager"`, many per `node` process, and their traces must agree under the
// rule in fuzz/trace-rule.ts. A fixed seed here; `npm run fuzz` searches from a random one, and
// STEPWISE_FUZZ_RUNS=2000 STEPWISE_FUZZ_SEED=7 npx jest fuzz.test runs another batch in Jest.
import type { Outcome } from "./corpus/differential";
import { runBatch, formatSideBySide } from "./corpus/differential";
import { runInBatch } from "./fuzz/batch";
import { fuzz, generatedPrograms, type FuzzReport } from "./fuzz/fuzz-run";
import { loadRegressions, reprint } from "./fuzz/regressions";
import { compareTraces } from "./fuzz/trace-rule";
import fc from "fast-check";

const runs = Number(process.env.STEPWISE_FUZZ_RUNS ?? 300);
const seed = Number(process.env.STEPWISE_FUZZ_SEED ?? 20261202);

function describeFailures(report: FuzzReport): string {
  return report.failures
    .map(
      (f) =>
        `run ${f.index} (seed ${report.seed}, shrunk ${f.shrinkSteps} times, path "${f.path}"):\n  ${f.verdict.problems.join("\n  ")}\n\n` +
        `${formatSideBySide(`run ${f.index}`, f.native, f.compiled)}\n\nprogram:\n${reprint(f.source)}\n` +
        `again: npm run fuzz -- --seed=${report.seed} --only=${f.index}`,
    )
    .join("\n\n");
}

test(`${runs} generated programs (seed ${seed}) trace the same natively and compiled (eager), under the rule`, async () => {
  const report = await fuzz({ seed, runs, shrinkMs: 60_000, maxShrinks: 1, saveDir: null });
  if (report.failures.length > 0) {
    throw new Error(`${report.failures.length + report.unshrunk.length} of ${runs} programs differ.\n\n${describeFailures(report)}`);
  }
  expect(report.isolation).toEqual([]);
  // Both comparisons are exercised: strict (one chain, or concurrency without a listed timing
  // difference) and relaxed.
  expect(report.strict).toBeGreaterThan(runs / 3);
  expect(report.relaxed).toBeGreaterThan(0);
}, 600_000);

const regressions = loadRegressions();
const replayed = new Map<string, { native: Outcome; compiled: Outcome }>();

describe("regressions the fuzzer found, replayed natively and compiled (eager)", () => {
  beforeAll(async () => {
    const batch = await runInBatch(regressions, ["native", "compiled-eager"]);
    const fresh = await runBatch(regressions, ["native", "compiled-eager"]);
    for (const r of regressions) {
      const b = batch.get(r.name)!;
      // The fixtures are few: each is judged in a process of its own too, and both must agree.
      replayed.set(r.name, { native: b.native!, compiled: b["compiled-eager"]! });
      const f = fresh.get(r.name)!;
      replayed.set(`${r.name} (own process)`, { native: f.native!, compiled: f["compiled-eager"]! });
    }
  }, 300_000);

  test("there are fixtures to replay", () => {
    expect(regressions.length).toBeGreaterThan(0);
  });

  test.each(regressions.flatMap((r) => [r.name, `${r.name} (own process)`]))("%s", (name) => {
    const { native, compiled } = replayed.get(name)!;
    const verdict = compareTraces(native, compiled);
    if (!verdict.same) throw new Error(`${verdict.problems.join("\n")}\n\n${formatSideBySide(name, native, compiled)}`);
  });
});

describe("the harness", () => {
  const sample = fc.sample(generatedPrograms, { seed: seed + 1, numRuns: 40 }).map((p, i) => ({ name: `harness-${i}`, source: p.source }));

  test("a generated program prints the same on every native run (two batches of 40)", async () => {
    const [a, b] = await Promise.all([runInBatch(sample, ["native"]), runInBatch(sample, ["native"])]);
    for (const p of sample) expect({ name: p.name, lines: b.get(p.name)!.native!.lines }).toEqual({ name: p.name, lines: a.get(p.name)!.native!.lines });
  }, 120_000);

  // How Node reports a rejection nobody handles, whatever its reason, is emulated in the batch.
  const rejections = ['"text"', "{ code: 5 }", "[1, 2]", "7", "undefined", "new (class Custom {})()", 'new TypeError("typed")'].map(
    (reason, i) => ({ name: `rejects-${i}`, source: `console.log("before");\nPromise.reject(${reason});\nPromise.resolve().then(() => console.log("same turn"));` }),
  );

  test("many programs in one process give exactly what each gives in a process of its own (8 programs and 7 rejections, both modes)", async () => {
    const few = [...sample.slice(0, 8), ...rejections];
    const [batch, fresh] = await Promise.all([runInBatch(few, ["native", "compiled-eager"]), runBatch(few, ["native", "compiled-eager"])]);
    const seen = (o: Outcome) => ({ lines: o.lines, exitCode: o.exitCode, uncaught: o.uncaught, timedOut: o.timedOut });
    for (const p of few) {
      for (const mode of ["native", "compiled-eager"] as const) {
        expect({ name: p.name, mode, ...seen(batch.get(p.name)![mode]!) }).toEqual({ name: p.name, mode, ...seen(fresh.get(p.name)![mode]!) });
      }
    }
  }, 120_000);
});

describe("the rule", () => {
  const run = (mode: Outcome["mode"], lines: string[], end: Partial<Outcome> = {}): Outcome => ({
    mode, lines, exitCode: 0, uncaught: null, timedOut: false, compileError: null, stderr: "", ms: 0, ...end,
  });
  const native = run("native", ["m in []", "m.0 in []", "m L1 1", "m.0 L2 2", "m result 3"]);
  const reordered = ["m in []", "m L1 1", "m.0 in []", "m.0 L2 2", "m result 3"];

  test("strict: the same events in another order differ", () => {
    expect(compareTraces(native, run("compiled-eager", reordered)).same).toBe(false);
    expect(compareTraces(native, run("compiled-eager", native.lines)).same).toBe(true);
  });

  test("relaxed (the compiled run noted a listed timing difference): another interleaving agrees", () => {
    const verdict = compareTraces(native, run("compiled-eager", ["# relaxed: a task awaited a finished task", ...reordered]));
    expect(verdict).toEqual({ same: true, relaxed: "a task awaited a finished task", problems: [] });
  });

  test("relaxed: an instance's own events in another order, a missing event, or another end still differ", () => {
    const note = "# relaxed: a task awaited a native promise";
    expect(compareTraces(native, run("compiled-eager", [note, "m in []", "m.0 in []", "m result 3", "m L1 1", "m.0 L2 2"])).same).toBe(false);
    expect(compareTraces(native, run("compiled-eager", [note, "m in []", "m L1 1", "m.0 L2 2", "m result 3"])).same).toBe(false);
    const failed = run("compiled-eager", [note, ...reordered], { exitCode: 1, uncaught: { origin: "unhandledRejection", error: "Error: x" } });
    expect(compareTraces(native, failed).same).toBe(false);
  });
});
