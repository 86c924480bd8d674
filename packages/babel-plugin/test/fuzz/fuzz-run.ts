// One fuzzing batch: generate programs from a seed, run them natively and compiled (eager) many
// per process, judge each pair with the rule (trace-rule.ts), rerun each difference in fresh
// processes of its own (differential.ts) so that only a real one counts, shrink it with
// fast-check to a small program, and save it as a regression fixture.
import fc from "fast-check";
import { runBatch, type Mode, type Outcome } from "../corpus/differential";
import { runInBatch } from "./batch";
import { rawPrograms } from "./program-grammar";
import { renderProgram, type Program } from "./program-render";
import { saveRegression } from "./regressions";
import { compareTraces, type Verdict } from "./trace-rule";

const MODES: Mode[] = ["native", "compiled-eager"];

/** fast-check generates these: the raw tree shrinks, the rendered program is what runs. */
export const generatedPrograms = rawPrograms.map(renderProgram);

export interface FuzzOptions {
  seed: number;
  runs: number;
  /** Shrink each confirmed failure, for at most this long each (0: do not shrink). */
  shrinkMs: number;
  /** Failures shrunk (and saved) per batch; the rest are only counted. Default 5. */
  maxShrinks?: number;
  /** Save each shrunk failure as a regression fixture in this folder. */
  saveDir: string | null;
  log?: (line: string) => void;
  /** Run only these of the `runs` generated programs (by index). */
  only?: number[];
}

export interface FuzzFailure {
  index: number;
  /** fast-check's path to the shrunk case (`seed` + `path` replays it). */
  path: string;
  /** The failing program: shrunk, unless shrinking was off or ran out of time before a step. */
  source: string;
  verdict: Verdict;
  native: Outcome;
  compiled: Outcome;
  shrinkSteps: number;
  savedAs: string | null;
}

export interface FuzzReport {
  seed: number;
  runs: number;
  strict: number;
  relaxed: number;
  /** Differences seen in the batch and confirmed in fresh processes. */
  failures: FuzzFailure[];
  /** Confirmed failures beyond `maxShrinks`: indexes only. */
  unshrunk: number[];
  /** Differences seen in the batch only: the fresh processes agreed (a harness problem). */
  isolation: { index: number; problems: string[] }[];
  ms: { generate: number; batch: number; confirm: number; shrink: number };
}

/** The two fresh-process runs of one program, judged. */
async function runFresh(source: string, name: string): Promise<{ verdict: Verdict; native: Outcome; compiled: Outcome }> {
  const out = (await runBatch([{ name, source }], MODES, { timeoutMs: 10_000 })).get(name)!;
  const native = out.native!;
  const compiled = out["compiled-eager"]!;
  return { verdict: compareTraces(native, compiled), native, compiled };
}

let freshCount = 0;

/**
 * What kind of failure a verdict shows: its first problem without the numbers and the events'
 * values (in double quotes; the names in an error message, in single quotes, stay). Shrinking
 * keeps to one kind, so that it does not wander off to another bug on the way.
 */
export function failureKind(verdict: Verdict): string {
  return (verdict.problems[0] ?? "").replace(/"(?:[^"\\]|\\.)*"|\d+/g, "_");
}

/** Shrinks the failing run `index` of `seed`: fast-check replays it by its path and shrinks from there. */
async function shrink(
  seed: number,
  index: number,
  first: { source: string; verdict: Verdict; native: Outcome; compiled: Outcome },
  budgetMs: number,
): Promise<{ path: string; steps: number; smallest: typeof first }> {
  let smallest = first;
  const kind = failureKind(first.verdict);
  let steps = 0;
  let path = String(index);
  const deadline = performance.now() + budgetMs;
  let started = false;
  try {
    await fc.assert(
      fc.asyncProperty(generatedPrograms, async (program) => {
        if (!started) {
          started = true;
          return false; // the run being replayed: known to fail
        }
        // Out of time: every further candidate "passes", so fast-check stops at the smallest so far.
        if (performance.now() > deadline) return true;
        const result = await runFresh(program.source, `shrink-${freshCount++}`);
        if (result.verdict.same || failureKind(result.verdict) !== kind) return true;
        smallest = { source: program.source, ...result };
        steps++;
        return false;
      }),
      { seed, path: String(index), endOnFailure: false },
    );
  } catch (error) {
    const match = /path: "([^"]*)"/.exec(error instanceof Error ? error.message : "");
    if (match) path = match[1]!;
  }
  return { path, steps, smallest };
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const log = options.log ?? (() => {});
  const t0 = performance.now();
  const programs: Program[] = fc.sample(generatedPrograms, { seed: options.seed, numRuns: options.runs });
  const named = programs
    .map((p, i) => ({ index: i, name: `seed${options.seed}-run${i}`, source: p.source }))
    .filter((p) => options.only === undefined || options.only.includes(p.index));
  const t1 = performance.now();
  const results = await runInBatch(named, MODES);
  const t2 = performance.now();
  let relaxed = 0;
  const differing: number[] = [];
  named.forEach((p, i) => {
    const r = results.get(p.name)!;
    const verdict = compareTraces(r.native!, r["compiled-eager"]!);
    if (verdict.relaxed !== null) relaxed++;
    if (!verdict.same) differing.push(i);
  });
  if (differing.length > 0) log(`${differing.length} of ${named.length} programs differ in the batch; rerunning them in fresh processes`);
  const confirmed: { index: number; source: string; verdict: Verdict; native: Outcome; compiled: Outcome }[] = [];
  const isolation: FuzzReport["isolation"] = [];
  const fresh = await runBatch(named.filter((_, i) => differing.includes(i)), MODES, { timeoutMs: 10_000 });
  for (const i of differing) {
    const r = fresh.get(named[i]!.name)!;
    const verdict = compareTraces(r.native!, r["compiled-eager"]!);
    if (verdict.same) {
      const batch = results.get(named[i]!.name)!;
      isolation.push({ index: named[i]!.index, problems: compareTraces(batch.native!, batch["compiled-eager"]!).problems });
    } else confirmed.push({ index: named[i]!.index, source: named[i]!.source, verdict, native: r.native!, compiled: r["compiled-eager"]! });
  }
  const t3 = performance.now();
  const failures: FuzzFailure[] = [];
  const maxShrinks = options.maxShrinks ?? 5;
  for (const c of confirmed.slice(0, maxShrinks)) {
    let path = String(c.index);
    let steps = 0;
    let smallest = c;
    if (options.shrinkMs > 0) {
      log(`shrinking run ${c.index} (seed ${options.seed}): ${c.verdict.problems[0]}`);
      const s = await shrink(options.seed, c.index, c, options.shrinkMs);
      path = s.path;
      steps = s.steps;
      smallest = { ...c, ...s.smallest };
    }
    const savedAs =
      options.saveDir === null
        ? null
        : saveRegression(options.saveDir, { seed: options.seed, path, source: smallest.source, problems: smallest.verdict.problems });
    failures.push({ index: c.index, path, source: smallest.source, verdict: smallest.verdict, native: smallest.native, compiled: smallest.compiled, shrinkSteps: steps, savedAs });
  }
  const t4 = performance.now();
  return {
    seed: options.seed,
    runs: named.length,
    strict: named.length - relaxed,
    relaxed,
    failures,
    unshrunk: confirmed.slice(maxShrinks).map((c) => c.index),
    isolation,
    ms: { generate: t1 - t0, batch: t2 - t1, confirm: t3 - t2, shrink: t4 - t3 },
  };
}
