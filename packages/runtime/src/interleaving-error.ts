/** How a run was ordered: shuffled by a seed, depth-first over every order, or replayed from a schedule. */
export type ExploreMode = "random" | "exhaustive" | "replay";

/**
 * A run of explore() or replay() failed: the scenario threw, or `check` threw or returned false.
 * `schedule` replays exactly that run (`replay(scenario, schedule)`); the original error is `cause`.
 */
export class InterleavingError extends Error {
  readonly mode: ExploreMode;
  /** 1-based, counted in this explore() call. */
  readonly run: number;
  /** The seed of a random exploration, else undefined. */
  readonly seed: number | undefined;
  readonly schedule: string;

  constructor(message: string, details: { mode: ExploreMode; run: number; seed: number | undefined; schedule: string; cause: unknown }) {
    super(message, { cause: details.cause });
    this.mode = details.mode;
    this.run = details.run;
    this.seed = details.seed;
    this.schedule = details.schedule;
  }
}
InterleavingError.prototype.name = "InterleavingError";
