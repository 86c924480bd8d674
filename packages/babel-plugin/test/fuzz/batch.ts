// Runs many generated programs per `node` process (batch-child.cjs) and gives each program's
// outcome in the shape differential.ts gives for a process of its own. The native run takes one
// child; a compiled mode is split over `compileChildren` children, which also compile (Babel is
// most of the work). A program that runs away is cut off and reported as timed out, and its child
// restarted for the programs after it.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { babelOptionsFor, type Mode, type Outcome, type Program } from "../corpus/differential";

const child = join(__dirname, "batch-child.cjs");
const repoRoot = resolve(__dirname, "..", "..", "..", "..");

interface Job {
  name: string;
  source: string;
  babel: (ReturnType<typeof babelOptionsFor> & { compact: boolean }) | null;
}

interface ChildResult {
  name: string;
  lines?: string[];
  uncaught?: { origin: string; error: string } | null;
  ended?: boolean;
  runaway?: boolean;
  compileError?: string;
}

function outcome(mode: Mode, partial: Partial<Outcome>): Outcome {
  return { mode, lines: [], exitCode: 0, uncaught: null, timedOut: false, compileError: null, stderr: "", ms: 0, ...partial };
}

function runChild(dir: string, jobs: Job[], tag: string): Promise<{ results: ChildResult[]; stderr: string }> {
  const input = join(dir, `${tag}.json`);
  const output = join(dir, `${tag}.jsonl`);
  writeFileSync(input, JSON.stringify(jobs));
  writeFileSync(output, "");
  return new Promise((done) => {
    const proc = spawn(process.execPath, [child, input, output], {
      cwd: repoRoot,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, NODE_OPTIONS: "", NODE_DEBUG: "", FORCE_COLOR: "0" },
    });
    let stderr = "";
    proc.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    proc.on("close", () => {
      const results = readFileSync(output, "utf8")
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l) as ChildResult);
      done({ results, stderr });
    });
  });
}

/** Runs `jobs` in children, one after another, until each has a result. */
async function runJobs(dir: string, mode: Mode, jobs: Job[], tag: string): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  let rest = jobs;
  for (let attempt = 0; rest.length > 0; attempt++) {
    const { results, stderr } = await runChild(dir, rest, `${tag}-${attempt}`);
    for (const r of results) {
      if (r.runaway) outcomes.set(r.name, outcome(mode, { timedOut: true, exitCode: null, stderr: "kept running in the batch" }));
      else if (r.compileError !== undefined) outcomes.set(r.name, outcome(mode, { exitCode: null, compileError: r.compileError }));
      else outcomes.set(r.name, outcome(mode, { lines: r.lines ?? [], uncaught: r.uncaught ?? null, exitCode: r.uncaught ? 1 : 0 }));
    }
    if (results.length === 0) {
      // The child died before finishing a single program: report that one, go on with the rest.
      outcomes.set(rest[0]!.name, outcome(mode, { exitCode: null, stderr: `the batch child failed: ${stderr.trim()}` }));
      rest = rest.slice(1);
    } else rest = rest.slice(results.length);
  }
  return outcomes;
}

export interface BatchOptions {
  /** Children a compiled mode is split over. Default 2 (the development machine has 2 CPUs). */
  compileChildren?: number;
}

/** Runs every program in every mode; the result maps each program's name to its outcome per mode. */
export async function runInBatch(
  programs: readonly Program[],
  modes: readonly Mode[],
  options: BatchOptions = {},
): Promise<Map<string, Partial<Record<Mode, Outcome>>>> {
  for (const file of ["packages/runtime/dist/cjs/index.js", "packages/babel-plugin/dist/cjs/index.js"]) {
    if (!existsSync(join(repoRoot, file))) throw new Error(`${file} is missing: the fuzzer runs the built packages; run \`npm run build\` first.`);
  }
  const results = new Map<string, Partial<Record<Mode, Outcome>>>(programs.map((p) => [p.name, {}]));
  const dir = mkdtempSync(join(tmpdir(), "stepwise-fuzz-"));
  try {
    const runs: Promise<void>[] = [];
    for (const mode of modes) {
      // Compact output: only whitespace differs from what differential.ts compiles, and it is faster.
      const jobs: Job[] = programs.map((p) => ({ name: p.name, source: p.source, babel: mode === "native" ? null : { ...babelOptionsFor(p, mode), compact: true } }));
      const parts = mode === "native" ? 1 : Math.max(1, options.compileChildren ?? 2);
      const size = Math.ceil(jobs.length / parts);
      for (let i = 0; i < parts; i++) {
        const slice = jobs.slice(i * size, (i + 1) * size);
        if (slice.length === 0) continue;
        runs.push(
          runJobs(dir, mode, slice, `${mode}-${i}`).then((outcomes) => {
            for (const [name, o] of outcomes) results.get(name)![mode] = o;
          }),
        );
      }
    }
    await Promise.all(runs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
