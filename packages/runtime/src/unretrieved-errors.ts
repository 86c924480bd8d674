import type { EventLoop } from "./event-loop.js";
import type { Future } from "./future.js";

/**
 * Failed futures whose error nobody retrieved yet, listed on their loop so `checkLeaks()` can name
 * them deterministically — also after the future was garbage-collected (and reported), which a
 * test cannot control. The future itself is held weakly, so the garbage report still comes.
 */
export interface UnretrievedRecord {
  readonly ref: WeakRef<Future<unknown>>;
  readonly exception: unknown;
  /** The future as it read when it failed (`<Task finished name='...' ...>`). */
  readonly description: string;
  collected: boolean;
}

/** An error `checkLeaks()` lists. */
export interface UnretrievedError {
  /** The failed future or task; undefined once it was garbage-collected (and reported). */
  future: Future<unknown> | undefined;
  exception: unknown;
  /** The future as it read when it failed. */
  description: string;
}

/** Collected records kept per loop; older ones are dropped past this. */
const MAX_COLLECTED = 100;

const records = new WeakMap<Future<unknown>, UnretrievedRecord>();

export function _noteUnretrieved(future: Future<unknown>, exception: unknown): UnretrievedRecord {
  const record: UnretrievedRecord = { ref: new WeakRef(future), exception, description: String(future), collected: false };
  records.set(future, record);
  (future._loop._unretrieved ??= new Set()).add(record);
  return record;
}

export function _noteRetrieved(future: Future<unknown>): void {
  const record = records.get(future);
  if (record === undefined) return;
  records.delete(future);
  future._loop._unretrieved?.delete(record);
}

export function _noteCollected(loop: EventLoop, record: UnretrievedRecord): void {
  const set = loop._unretrieved;
  if (set === null || !set.has(record)) return;
  record.collected = true;
  let collected = 0;
  for (const r of set) if (r.collected) collected++;
  for (const r of set) {
    if (collected <= MAX_COLLECTED) break;
    if (r.collected) {
      set.delete(r);
      collected--;
    }
  }
}

/** The loop's failed futures whose error nobody retrieved, oldest first. Listing is not retrieving. */
export function unretrievedErrors(loop: EventLoop): UnretrievedError[] {
  const set = loop._unretrieved;
  if (set === null) return [];
  return [...set].map((r) => ({ future: r.ref.deref(), exception: r.exception, description: r.description }));
}
