/**
 * The host's timer functions for the loop's own use (driving itself from the host). While
 * virtual timers are installed (virtual-timers.ts) the globals are the virtual ones, so the loop
 * must reach the originals saved by the installation instead.
 */
export interface HostTimers {
  setTimeout: typeof globalThis.setTimeout;
  clearTimeout: typeof globalThis.clearTimeout;
  setImmediate: typeof globalThis.setImmediate | undefined;
}

let saved: HostTimers | null = null;

/** Called by the virtual-timer installation (with the originals) and by its restore (with null). */
export function _saveHostTimers(timers: HostTimers | null): void {
  saved = timers;
}

export function hostSetTimeout(cb: () => void, ms: number): ReturnType<typeof setTimeout> {
  return saved !== null ? saved.setTimeout(cb, ms) : setTimeout(cb, ms);
}

export function hostClearTimeout(timer: ReturnType<typeof setTimeout>): void {
  if (saved !== null) saved.clearTimeout(timer);
  else clearTimeout(timer);
}

/** Runs `cb` after the host's pending I/O and timers (setImmediate where there is one). */
export function hostYield(cb: () => void): void {
  const immediate = saved !== null ? saved.setImmediate : typeof setImmediate === "function" ? setImmediate : undefined;
  if (immediate !== undefined) immediate(cb);
  else hostSetTimeout(cb, 0);
}

/**
 * Runs `cb` as a microtask: a reaction of one settled promise, the same place in the queue as
 * `queueMicrotask` gives, at a third of its cost on Node (whose queueMicrotask wraps each callback
 * for async hooks).
 */
export function hostMicrotask(cb: () => void): void {
  void SETTLED.then(cb);
}

const SETTLED = Promise.resolve();
