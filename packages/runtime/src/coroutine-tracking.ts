import type { Coroutine } from "./coroutine.js";
import type { EventLoop } from "./event-loop.js";
import { captureStack, formatStack } from "./creation-stack.js";
import { describeCallback } from "./handle.js";

/**
 * Coroutines that were created and never driven (asyncio's "coroutine ... was never awaited").
 * Tracked only while a loop in debug mode runs, as asyncio tracks coroutine origins only then:
 * the loop installs `trackCoroutine` as the hook of `_stepwiseCall` for the length of its run.
 */

/** One coroutine created during a debug run and not driven yet. Holds nothing of the coroutine itself. */
export interface UnawaitedRecord {
  readonly name: string;
  readonly location: string;
  /** What was running when it was created (a string: a reference would keep the creator, and so the coroutine, alive). */
  readonly createdIn: string;
  /** The creation stack, only with `coroutineStacks` on (capturing one makes creating a coroutine ~10x slower). */
  readonly origin: Error | null;
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
  /** What was running when it was created: "in Task 'main', called from caller() at app.js:3:0". */
  createdIn: string;
  /** Where it was created, innermost frame first; empty unless the loop's debug mode has `coroutineStacks` on. */
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
  const frames = record.origin === null ? [] : formatStack(record.origin);
  return (
    `coroutine '${record.name || "(anonymous)"}'${where} was never awaited: it was created ${record.createdIn} and ` +
    "dropped without being awaited or wrapped in a task, so its body never ran" +
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
  const record: UnawaitedRecord = {
    name: co._name,
    location: co._loc,
    createdIn: creationContext(loop),
    origin: loop._coroutineStacks ? captureStack() : null,
    loop,
    collected: false,
  };
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

/** Which task (and which of its coroutines) or which callback is running: cheap, unlike a stack. */
function creationContext(loop: EventLoop): string {
  const task = loop._currentTask;
  if (task !== null) {
    const root = task._coro;
    // `_link` is current while debug mode is on; debug mode turned on inside this very run may
    // find it stale (a frame that has returned since), and the callee links lead on from there.
    let top = root._link ?? root;
    if (top !== root && top._owner !== root) top = root;
    while (top._callee !== null) top = top._callee;
    return `in Task '${task._name}', called from ${top._name || "(anonymous)"}()${top._loc ? ` at ${top._loc}` : ""}`;
  }
  const handle = loop._currentHandle;
  return handle !== null ? `in the callback ${describeCallback(handle._callback)}` : "outside any task or callback";
}

/** The loop's coroutines created during debug runs and never driven, oldest first. */
export function neverAwaited(loop: EventLoop): NeverAwaited[] {
  const set = loop._unawaited;
  if (set === null) return [];
  return [...set].map((r) => ({
    name: r.name,
    location: r.location,
    createdIn: r.createdIn,
    createdAt: r.origin === null ? [] : formatStack(r.origin),
    collected: r.collected,
  }));
}
