import type { Coroutine } from "./coroutine.js";
import type { EventLoop } from "./event-loop.js";
import { captureStack, formatStack } from "./creation-stack.js";

/**
 * Coroutines that were created and never driven (asyncio's "coroutine ... was never awaited").
 * Tracked only while a loop in debug mode runs, as asyncio tracks coroutine origins only then:
 * the loop installs `trackCoroutine` as the hook of `_stepwiseCall` for the length of its run.
 */

/** One coroutine created during a debug run and not driven yet. Holds nothing of the coroutine itself. */
export interface UnawaitedRecord {
  readonly name: string;
  readonly location: string;
  readonly origin: Error;
  readonly loop: EventLoop;
  /** True once the coroutine was garbage-collected without ever being driven (and reported). */
  collected: boolean;
}

/** A never-awaited coroutine as `checkLeaks()` lists it. */
export interface NeverAwaited {
  /** The compiled function's name. */
  name: string;
  /** Where the function is defined (`file:line:column`), "" when unknown. */
  location: string;
  /** Where the coroutine was created, innermost frame first. */
  createdAt: string[];
  /** True when it was already garbage-collected (and reported to the exception handler). */
  collected: boolean;
}

/** Collected records kept per loop for checkLeaks(); older ones are dropped past this. */
const MAX_COLLECTED = 100;

const registry =
  typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry<UnawaitedRecord>((record) => {
        const set = record.loop._unawaited;
        if (set === null || !set.has(record)) return;
        record.collected = true;
        dropOldCollected(set);
        if (record.loop.isClosed()) return;
        record.loop.callExceptionHandler({
          message: neverAwaitedMessage(record),
          coroutine: record.name,
          location: record.location,
        });
      })
    : null;

function dropOldCollected(set: Set<UnawaitedRecord>): void {
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

/** The report's text, as CPython's RuntimeWarning, followed by the creation stack. */
export function neverAwaitedMessage(record: UnawaitedRecord): string {
  const where = record.location ? ` (defined at ${record.location})` : "";
  const frames = formatStack(record.origin);
  return (
    `coroutine '${record.name || "(anonymous)"}'${where} was never awaited: it was created and dropped without ` +
    "being awaited or wrapped in a task, so its body never ran" +
    (frames.length > 0 ? `\nCoroutine created at (most recent call first):\n  ${frames.join("\n  ")}` : "")
  );
}

type Frame = Coroutine<unknown>["_gen"];

/**
 * Records `co` as not driven yet, and swaps its generator for a stand-in that forgets the record
 * on the first drive (send, throw, close), then puts the generator back: nothing is added to the
 * coroutine's own hot path.
 */
export function trackCoroutine(loop: EventLoop, co: Coroutine<unknown>): void {
  const record: UnawaitedRecord = { name: co._name, location: co._loc, origin: captureStack(), loop, collected: false };
  (loop._unawaited ??= new Set()).add(record);
  registry?.register(co, record, record);
  const real = co._gen;
  const firstDrive = (): Frame => {
    co._gen = real;
    loop._unawaited?.delete(record);
    registry?.unregister(record);
    return real;
  };
  co._gen = {
    next: (value: unknown) => firstDrive().next(value),
    throw: (error: unknown) => firstDrive().throw!(error),
    return: (value: unknown) => firstDrive().return!(value),
  };
}

/** The loop's coroutines created during debug runs and never driven, oldest first. */
export function neverAwaited(loop: EventLoop): NeverAwaited[] {
  const set = loop._unawaited;
  if (set === null) return [];
  return [...set].map((r) => ({ name: r.name, location: r.location, createdAt: formatStack(r.origin), collected: r.collected }));
}
