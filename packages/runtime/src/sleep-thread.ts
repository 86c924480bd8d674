/**
 * Blocks the thread for `ms` milliseconds, as asyncio blocks in select() while waiting for its
 * next timer: a loop run by hand is synchronous, so there is nothing else it could do meanwhile.
 */
const cell = typeof SharedArrayBuffer === "function" ? new Int32Array(new SharedArrayBuffer(4)) : null;

export function sleepThread(ms: number): void {
  if (!(ms > 0)) return;
  if (cell !== null) {
    Atomics.wait(cell, 0, 0, ms);
    return;
  }
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // No Atomics.wait on this host (a browser main thread): spin.
  }
}
