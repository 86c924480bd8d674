// The corpus: the programs in programs/, the intended differences in differences.json, and the
// comparison of each program's native run with its compiled run.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runBatch, sameOutcome, type Mode, type Outcome, type Program, type RunOptions } from "./differential";

const here = __dirname;

/** An intended difference: why the compiled program prints something else, and where the README says so. */
export interface IntendedDifference {
  reason: string;
  /** The bold title of the README entry that explains it, e.g. "No tick on inline awaits". */
  readme: string;
}

export function loadPrograms(): Program[] {
  const dir = join(here, "programs");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".js"))
    .sort()
    .map((f) => ({ name: f.slice(0, -3), source: readFileSync(join(dir, f), "utf8") }));
}

export function loadDifferences(): Record<string, IntendedDifference> {
  return JSON.parse(readFileSync(join(here, "differences.json"), "utf8")) as Record<string, IntendedDifference>;
}

export type Verdict =
  /** Not listed, same outcome. */
  | "identical"
  /** Listed, and still different. */
  | "explained"
  /** Not listed, but different: a bug to fix, or a difference to explain. */
  | "unexplained"
  /** Listed, but now the same: the entry is stale. */
  | "stale";

export interface Comparison {
  name: string;
  verdict: Verdict;
  native: Outcome;
  compiled: Outcome;
  difference: IntendedDifference | undefined;
}

/** Runs every program natively and in `mode`, and judges each pair against the list. */
export async function compareCorpus(
  mode: Mode,
  options: RunOptions & { only?: readonly string[] } = {},
): Promise<Comparison[]> {
  const all = loadPrograms();
  const programs = options.only ? all.filter((p) => options.only!.includes(p.name)) : all;
  const differences = loadDifferences();
  // Native against native still means two runs: that is the harness's own determinism check.
  const results = await runBatch(programs, mode === "native" ? ["native"] : ["native", mode], options);
  const second = mode === "native" ? await runBatch(programs, ["native"], options) : null;
  const judge = (name: string, native: Outcome, compiled: Outcome): Comparison => {
    const difference = mode === "native" ? undefined : differences[name];
    const same = sameOutcome(native, compiled);
    const verdict: Verdict = difference === undefined ? (same ? "identical" : "unexplained") : same ? "stale" : "explained";
    return { name, verdict, native, compiled, difference };
  };
  const first = programs.map(({ name }) =>
    judge(name, results.get(name)!.native!, second ? second.get(name)!.native! : results.get(name)![mode]!),
  );
  // A machine under load can shift host timers between two concurrent runs: a program whose
  // verdict goes against the list is run once more, alone, and that run is the one that counts.
  // A real difference shows both times.
  const doubtful = programs.filter((_, i) => first[i]!.verdict === "unexplained" || first[i]!.verdict === "stale");
  if (doubtful.length === 0 || mode === "native") return first;
  const again = await runBatch(doubtful, ["native", mode], { ...options, concurrency: 1 });
  return first.map((c) => (again.has(c.name) ? judge(c.name, again.get(c.name)!.native!, again.get(c.name)![mode]!) : c));
}
