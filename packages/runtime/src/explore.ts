import type { Coroutine } from "./coroutine.js";
import { ExploringLoop, checkSeed } from "./exploring-loop.js";
import { RandomSource } from "./random-source.js";
import {
  DepthFirstOrder,
  RandomOrder,
  ReplayOrder,
  type Decision,
  type InterleavingStrategy,
} from "./interleaving-strategy.js";
import { ScheduleMismatchError, parseSchedule } from "./schedule.js";
import { InterleavingError, type ExploreMode } from "./interleaving-error.js";
import { _getCurrentLoop, _getRunningLoop, setEventLoop } from "./current-loop.js";
import { describeValue, isThenable } from "./describe.js";
import { isCoroutine } from "./coroutine-function.js";
import { isFuture, type Future } from "./future.js";

/**
 * Sets up one run on `loop` and returns what to run to completion: a coroutine (`main()`), a
 * Future or Task. It is called once per run and must build fresh state each time.
 */
export type ExploreScenario<T> = (loop: ExploringLoop) => Coroutine<T> | Future<T> | PromiseLike<T>;

/** The invariant, asserted after each run: throw (a Jest `expect` will do) or return false to fail it. */
export type ExploreCheck<T> = (result: T, loop: ExploringLoop) => unknown;

export interface ExploreOptions<T> {
  /** Random mode: how many runs (default 100). */
  runs?: number;
  /** Random mode: the seed (default 1), so the same call explores the same orders every time. */
  seed?: number;
  /** Depth-first over every order instead of random runs, stopping after `maxRuns` (default 1000). */
  exhaustive?: boolean | { maxRuns?: number };
  /** Run only this schedule, from an earlier failure. */
  schedule?: string;
  check?: ExploreCheck<T>;
}

export interface ExploreResult {
  mode: ExploreMode;
  runs: number;
  /** Every possible order was run: the exhaustive search finished, or there was only one order. */
  complete: boolean;
  /** Different schedules among the runs. */
  schedules: number;
  message: string;
}

const DEFAULT_RUNS = 100;
const DEFAULT_SEED = 1;
const DEFAULT_MAX_RUNS = 1000;
const OPTION_NAMES = new Set(["runs", "seed", "exhaustive", "schedule", "check"]);

/**
 * Runs `scenario` many times, each on a fresh ExploringLoop that orders the callbacks ready at the
 * same iteration differently, and asserts `check` after each run. On the first failing run it
 * throws an InterleavingError naming the seed, the run and the schedule that replays it.
 */
export function explore<T>(scenario: ExploreScenario<T>, options: ExploreOptions<T> = {}): ExploreResult {
  checkScenario(scenario, "explore()");
  if (options === null || typeof options !== "object") {
    throw new TypeError(`explore(): options must be an object, got ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_NAMES.has(key)) {
      throw new TypeError(`explore(): unknown option "${key}"; the options are ${[...OPTION_NAMES].join(", ")}`);
    }
  }
  const check = checkCheck(options.check, "explore()");
  if (options.schedule !== undefined) {
    for (const other of ["runs", "seed", "exhaustive"] as const) {
      if (options[other] !== undefined) {
        throw new TypeError(`explore(): give schedule alone, without ${other}: a schedule already fixes every choice of the one run`);
      }
    }
    const points = parseSchedule(options.schedule, "explore()");
    runOrThrow(scenario, new ReplayOrder(points), check, REPLAY);
    return { mode: "replay", runs: 1, complete: false, schedules: 1, message: `explore(): replayed schedule "${options.schedule}": no failure` };
  }
  if (options.exhaustive !== undefined && options.exhaustive !== false) {
    for (const other of ["runs", "seed"] as const) {
      if (options[other] !== undefined) {
        throw new TypeError(`explore(): ${other} has no meaning with exhaustive (which is not random); bound it with exhaustive: { maxRuns }`);
      }
    }
    return exploreDepthFirst(scenario, check, maxRunsOf(options.exhaustive));
  }
  const runs = options.runs ?? DEFAULT_RUNS;
  if (!Number.isInteger(runs) || runs < 1) {
    throw new RangeError(`explore(): runs must be a whole number of runs >= 1, got ${describeValue(runs)}`);
  }
  const seed = options.seed === undefined ? DEFAULT_SEED : checkSeed(options.seed, "explore()");
  return exploreRandomly(scenario, check, runs, seed);
}

/**
 * Runs `scenario` once in the order `schedule` gives (from an InterleavingError), then FIFO, and
 * returns its result. With `check`, a failure throws an InterleavingError as explore() does.
 */
export function replay<T>(scenario: ExploreScenario<T>, schedule: string, options: { check?: ExploreCheck<T> } = {}): T {
  checkScenario(scenario, "replay()");
  const points = parseSchedule(schedule, "replay()");
  const check = checkCheck(options?.check, "replay()");
  return runOrThrow(scenario, new ReplayOrder(points), check, REPLAY).result;
}

function exploreRandomly<T>(scenario: ExploreScenario<T>, check: ExploreCheck<T> | undefined, runs: number, seed: number): ExploreResult {
  const seen = new Set<string>();
  for (let run = 1; run <= runs; run++) {
    const strategy = new RandomOrder(new RandomSource(seed, run));
    const label = { mode: "random" as const, run, seed, of: ` of ${runs} (seed ${seed})` };
    const { loop } = runOrThrow(scenario, strategy, check, label);
    if (loop.choicePoints === 0 && run === 1) {
      return {
        mode: "random",
        runs: 1,
        complete: true,
        schedules: 1,
        message: "explore(): the scenario has no choice point (never two callbacks ready at once): its one order ran once, with no failure",
      };
    }
    seen.add(loop.schedule);
  }
  return {
    mode: "random",
    runs,
    complete: false,
    schedules: seen.size,
    message: `explore(): ${runs} random runs (seed ${seed}), ${seen.size} different schedule(s), no failure`,
  };
}

function exploreDepthFirst<T>(scenario: ExploreScenario<T>, check: ExploreCheck<T> | undefined, maxRuns: number): ExploreResult {
  let prefix: Decision[] | null = [];
  let run = 0;
  while (prefix !== null) {
    if (run === maxRuns) {
      return {
        mode: "exhaustive",
        runs: run,
        complete: false,
        schedules: run,
        message:
          `explore(): the exhaustive search was cut at maxRuns (${maxRuns}) before it finished: no failure in the ` +
          `${run} orders run, but more were left unrun; raise exhaustive.maxRuns or make the scenario smaller`,
      };
    }
    run++;
    const strategy = new DepthFirstOrder(prefix, run);
    runOrThrow(scenario, strategy, check, { mode: "exhaustive", run, seed: undefined, of: ` (exhaustive, at most ${maxRuns})` });
    prefix = strategy.nextPrefix();
  }
  return {
    mode: "exhaustive",
    runs: run,
    complete: true,
    schedules: run,
    message: `explore(): all ${run} order(s) run (exhaustive), no failure`,
  };
}

interface RunLabel {
  mode: ExploreMode;
  run: number;
  seed: number | undefined;
  /** Added after the run number in a failure message. */
  of: string;
}

const REPLAY: RunLabel = { mode: "replay", run: 1, seed: undefined, of: "" };

/** One run on a fresh loop: its result and the loop (closed), or the failure thrown. */
function runOrThrow<T>(
  scenario: ExploreScenario<T>,
  strategy: InterleavingStrategy,
  check: ExploreCheck<T> | undefined,
  label: RunLabel,
): { result: T; loop: ExploringLoop } {
  const method = label.mode === "replay" ? "replay()" : "explore()";
  if (_getRunningLoop() !== null) {
    throw new Error(`${method} cannot run inside a running event loop: call it from the test itself`);
  }
  const loop = new ExploringLoop();
  loop._strategy = strategy;
  const previous = _getCurrentLoop();
  // Current while it runs, so code that finds its loop with getEventLoop() outside a task uses it.
  setEventLoop(loop);
  let failure: { what: string; error: unknown } | null = null;
  let result: T | undefined;
  try {
    let work: unknown;
    try {
      work = scenario(loop);
    } catch (error) {
      failure = { what: "The scenario threw", error };
    }
    if (failure === null) {
      checkWork(work, method);
      try {
        result = loop.runUntilComplete(work as Coroutine<T>);
      } catch (error) {
        if (error instanceof ScheduleMismatchError) throw error;
        failure = { what: "The scenario threw", error };
      }
    }
    // A run that strayed from its plan is a mismatch, even when it also failed.
    strategy.finish?.();
    if (failure === null && check !== undefined) {
      try {
        if (check(result as T, loop) === false) failure = { what: "The check returned false", error: undefined };
      } catch (error) {
        failure = { what: "The check failed", error };
      }
    }
  } finally {
    if (_getCurrentLoop() === loop) setEventLoop(previous);
    if (!loop.isClosed()) loop.close();
  }
  if (failure !== null) throw interleavingError(failure, loop.schedule, label);
  return { result: result as T, loop };
}

/** What the scenario returned must be something the loop alone can run to the end. */
function checkWork(work: unknown, method: string): void {
  if (work instanceof Promise) {
    throw new TypeError(
      `${method}: the scenario returned a native Promise, which runs outside the loop, so no order can be explored; ` +
        "return a coroutine (compile the async functions with @stepwise/babel-plugin)",
    );
  }
  if (!isCoroutine(work) && !isFuture(work) && !isThenable(work)) {
    throw new TypeError(
      `${method}: the scenario must return what to run — a coroutine such as main(), a Task or a Future — ` +
        `got ${describeValue(work)}; did it forget to return?`,
    );
  }
}

function interleavingError(failure: { what: string; error: unknown }, schedule: string, label: RunLabel): InterleavingError {
  const quoted = JSON.stringify(schedule);
  // Where and how to replay first: a cause (a Jest assertion) can run to many lines.
  const head =
    label.mode === "replay"
      ? `replay of schedule ${quoted} failed`
      : `explore() found a failing order on run ${label.run}${label.of}, schedule ${quoted}.\n` +
        `Replay exactly this run: replay(scenario, ${quoted}) or explore(scenario, { schedule: ${quoted}, check })`;
  const cause = failure.error === undefined ? "" : `: ${describeError(failure.error)}`;
  return new InterleavingError(`${head}\n${failure.what}${cause}`, { ...label, schedule, cause: failure.error });
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return describeValue(error);
}

function maxRunsOf(exhaustive: unknown): number {
  if (exhaustive === true) return DEFAULT_MAX_RUNS;
  if (exhaustive !== null && typeof exhaustive === "object") {
    const { maxRuns = DEFAULT_MAX_RUNS, ...rest } = exhaustive as { maxRuns?: unknown };
    const extra = Object.keys(rest);
    if (extra.length > 0) throw new TypeError(`explore(): unknown exhaustive option "${extra[0]}"; the only one is maxRuns`);
    if (typeof maxRuns === "number" && Number.isInteger(maxRuns) && maxRuns >= 1) return maxRuns;
    throw new RangeError(`explore(): exhaustive.maxRuns must be a whole number of runs >= 1, got ${describeValue(maxRuns)}`);
  }
  throw new TypeError(`explore(): exhaustive must be true, false or { maxRuns }, got ${describeValue(exhaustive)}`);
}

function checkScenario(scenario: unknown, method: string): void {
  if (typeof scenario !== "function") {
    throw new TypeError(`${method}: scenario must be a function (loop) => what to run, such as () => main(), got ${describeValue(scenario)}`);
  }
}

function checkCheck<T>(check: unknown, method: string): ExploreCheck<T> | undefined {
  if (check !== undefined && typeof check !== "function") {
    throw new TypeError(`${method}: check must be a function (result, loop) => void that throws or returns false on failure, got ${describeValue(check)}`);
  }
  return check as ExploreCheck<T> | undefined;
}
