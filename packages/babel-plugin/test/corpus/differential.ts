// The differential runner: runs a program natively and compiled with @stepwise/babel-plugin, each
// in a child process of its own under plain `node`, and records what a user would see: the lines
// printed, the exit code, and what error (if any) killed it.
//
// One process per run, not many programs per process in `vm` contexts: a context shares the
// host's microtask queue, timers, unhandled-rejection tracking and exit code with every other
// program, so a fatal error or a stray timer would leak from one program into the next, and a
// runtime loaded outside the context would see the program's promises from another realm (where
// `Promise.resolve(p)` wraps instead of adopting, one tick more). A process is exactly how a user
// runs a program. It costs ~50 ms of Node start-up per run (~65 ms with the runtime loaded) on
// the development machine; runs go in parallel (2 at a time there: more did not help), and the
// corpus's 202 runs took 12-15 s on 2 shared, busy CPUs (load 4-6), Babel's compiling 1.2 s of it.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { transformSync } from "@babel/core";

export type Mode = "native" | "compiled-eager" | "compiled-lazy";

export const MODES: readonly Mode[] = ["native", "compiled-eager", "compiled-lazy"];

/** The plugin options of each compiled mode. */
const PLUGIN_OPTIONS: Record<Exclude<Mode, "native">, Record<string, unknown>> = {
  "compiled-eager": { start: "eager" },
  "compiled-lazy": {},
};

export interface Program {
  /** Names the program in reports; also the file name Babel sees (`<name>.js`). */
  name: string;
  /** A CommonJS script, run as a file by `node`. */
  source: string;
}

/** What one run of a program showed. `lines`, `exitCode`, `uncaught` and `timedOut` are compared. */
export interface Outcome {
  mode: Mode;
  /** Everything the program wrote to stdout, split into lines. */
  lines: string[];
  /** The process's exit code; null when it was killed (timed out). */
  exitCode: number | null;
  /** What killed the program, as Node saw it: `origin` is "uncaughtException" or "unhandledRejection". */
  uncaught: { origin: string; error: string } | null;
  /** The program was still running after the timeout and was killed. */
  timedOut: boolean;
  /** Babel refused the program (compiled modes): it never ran. */
  compileError: string | null;
  /** The rest of stderr (stack traces, warnings): shown in reports, not compared. */
  stderr: string;
  /** Wall time of the run, for the figures; never asserted. */
  ms: number;
}

export interface RunOptions {
  /** A run still going after this long is killed and reported as timed out. Default 10 s. */
  timeoutMs?: number;
  /** Runs at a time. Default: the machine's CPU count, at least 2 (runs mostly wait on timers). */
  concurrency?: number;
}

const here = __dirname;
const repoRoot = resolve(here, "..", "..", "..", "..");
const monitor = join(here, "uncaught-monitor.cjs");
const MARK = "\u0001stepwise-uncaught ";

/** The built packages, which the compiled programs load by name as a user's project would. */
function checkBuilt(): void {
  for (const file of ["packages/runtime/dist/cjs/index.js", "packages/babel-plugin/dist/cjs/index.js"]) {
    if (!existsSync(join(repoRoot, file))) {
      throw new Error(`${file} is missing: the differential runner uses the built packages; run \`npm run build\` first.`);
    }
  }
}

/** The Babel options a compiled mode compiles a program with (plain data: a child process can use them). */
export function babelOptionsFor(program: Program, mode: Exclude<Mode, "native">) {
  return {
    configFile: false as const,
    babelrc: false as const,
    filename: join(repoRoot, `${program.name}.js`),
    sourceType: "script" as const,
    plugins: [[join(repoRoot, "packages/babel-plugin/dist/cjs/index.js"), PLUGIN_OPTIONS[mode]] as [string, Record<string, unknown>]],
  };
}

/** The program's code as `mode` runs it: the source itself, or the plugin's output (throws Babel's error). */
export function compileFor(program: Program, mode: Mode): string {
  if (mode === "native") return program.source;
  const result = transformSync(program.source, babelOptionsFor(program, mode));
  if (!result || typeof result.code !== "string") throw new Error(`Babel returned no code for ${program.name}`);
  return result.code;
}

/** Runs one file under plain `node` with the monitor preloaded; never rejects. */
function runFile(file: string, cwd: string, mode: Mode, timeoutMs: number): Promise<Outcome> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--require", monitor, file], {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_OPTIONS: "", NODE_DEBUG: "", FORCE_COLOR: "0" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      let uncaught: Outcome["uncaught"] = null;
      const rest: string[] = [];
      for (const line of stderr.split("\n")) {
        if (line.startsWith(MARK)) uncaught = JSON.parse(line.slice(MARK.length)) as Outcome["uncaught"];
        else rest.push(line);
      }
      const lines = stdout.split("\n");
      if (lines[lines.length - 1] === "") lines.pop();
      done({
        mode,
        lines,
        exitCode: timedOut ? null : code,
        uncaught,
        timedOut,
        compileError: null,
        stderr: rest.join("\n").trim(),
        ms: performance.now() - started,
      });
    });
  });
}

/** A fresh folder for the run's files; its `node_modules` is the repository's, as in a workspace. */
function makeWorkDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "stepwise-differential-"));
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

/**
 * Runs every program in every mode given; the result maps each program's name to its outcome per
 * mode. Programs are compiled first (in this process), then run in parallel child processes.
 */
export async function runBatch(
  programs: readonly Program[],
  modes: readonly Mode[],
  options: RunOptions = {},
): Promise<Map<string, Partial<Record<Mode, Outcome>>>> {
  checkBuilt();
  const names = new Set<string>();
  for (const p of programs) {
    if (!/^[\w.-]+$/.test(p.name)) throw new Error(`program name ${JSON.stringify(p.name)}: use letters, digits, "-", "_" and "." only`);
    if (names.has(p.name)) throw new Error(`two programs are named ${JSON.stringify(p.name)}: names must be unique`);
    names.add(p.name);
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  const concurrency = Math.max(1, options.concurrency ?? Math.max(2, availableParallelism()));
  const results = new Map<string, Partial<Record<Mode, Outcome>>>(programs.map((p) => [p.name, {}]));
  const dir = makeWorkDir();
  try {
    const jobs: { name: string; mode: Mode; file: string }[] = [];
    for (const program of programs) {
      for (const mode of modes) {
        let code: string;
        try {
          code = compileFor(program, mode);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          results.get(program.name)![mode] = {
            mode, lines: [], exitCode: null, uncaught: null, timedOut: false, compileError: message, stderr: "", ms: 0,
          };
          continue;
        }
        const file = join(dir, `${program.name}.${mode}.cjs`);
        writeFileSync(file, code);
        jobs.push({ name: program.name, mode, file });
      }
    }
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        results.get(job.name)![job.mode] = await runFile(job.file, dir, job.mode, timeoutMs);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/** Runs one program in one mode. */
export async function runProgram(program: Program, mode: Mode, options: RunOptions = {}): Promise<Outcome> {
  return (await runBatch([program], [mode], options)).get(program.name)![mode]!;
}

/** The outcome as compared: printed lines, then how the program ended. */
function comparable(o: Outcome): string[] {
  return [
    ...o.lines,
    `<exit ${o.exitCode}>`,
    `<uncaught ${o.uncaught === null ? "none" : `${o.uncaught.origin}: ${o.uncaught.error}`}>`,
    `<timed out ${o.timedOut}>`,
    `<compile error ${o.compileError}>`,
  ];
}

/** Same lines, same exit code, same fatal error, neither timed out nor failed to compile differently. */
export function sameOutcome(a: Outcome, b: Outcome): boolean {
  const x = comparable(a);
  const y = comparable(b);
  return x.length === y.length && x.every((line, i) => line === y[i]);
}

/** How a run ended, in one line. */
export function describeEnd(o: Outcome): string {
  if (o.compileError !== null) return `did not compile: ${o.compileError.split("\n")[0]}`;
  if (o.timedOut) return "timed out (killed)";
  const fatal = o.uncaught === null ? "" : `, ${o.uncaught.origin}: ${o.uncaught.error}`;
  return `exit ${o.exitCode}${fatal}`;
}

/** The two outcomes side by side, differing rows marked with `!`, then how each run ended. */
export function formatSideBySide(name: string, a: Outcome, b: Outcome): string {
  const ends = [describeEnd(a), describeEnd(b)];
  const width = Math.min(60, Math.max(a.mode.length, ends[0]!.length, ...a.lines.map((l) => l.length)));
  const cell = (s: string): string => (s.length > width ? `${s.slice(0, width - 1)}…` : s.padEnd(width));
  const rows = Math.max(a.lines.length, b.lines.length);
  const out = [`${name}: ${a.mode} and ${b.mode} ${sameOutcome(a, b) ? "agree" : "differ"}`];
  out.push(`     ${cell(a.mode)} | ${b.mode}`);
  for (let i = 0; i < rows; i++) {
    const x = a.lines[i];
    const y = b.lines[i];
    const mark = x === y ? " " : "!";
    out.push(`${mark}${String(i + 1).padStart(3)} ${cell(x ?? "")} | ${y ?? ""}`);
  }
  out.push(`${ends[0] === ends[1] ? " " : "!"}end ${cell(ends[0]!)} | ${ends[1]}`);
  for (const o of [a, b]) {
    if (o.stderr !== "" && (o.uncaught !== null || o.exitCode !== 0)) {
      out.push(`${o.mode} stderr:`, ...o.stderr.split("\n").slice(0, 15).map((l) => `  ${l}`));
    }
  }
  return out.join("\n");
}
