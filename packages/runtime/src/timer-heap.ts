import type { TimerHandle } from "./handle.js";

/**
 * A binary min-heap of timers ordered by deadline, then by scheduling order, so timers due at
 * the same moment run in the order they were scheduled (asyncio leaves that undefined; a
 * deterministic order is what tests need).
 */
export class TimerHeap {
  private _heap: TimerHandle[] = [];
  private _cancelled = 0;

  get size(): number {
    return this._heap.length;
  }

  /** Timers that will still run. */
  get liveSize(): number {
    return this._heap.length - this._cancelled;
  }

  push(timer: TimerHandle): void {
    const heap = this._heap;
    timer._scheduled = true;
    heap.push(timer);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(timer, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = timer;
  }

  peek(): TimerHandle | undefined {
    return this._heap[0];
  }

  pop(): TimerHandle | undefined {
    const heap = this._heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined) return undefined;
    top._scheduled = false;
    if (top._cancelled) this._cancelled--;
    if (heap.length > 0) {
      let i = 0;
      const n = heap.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && before(heap[r]!, heap[l]!) ? r : l;
        if (!before(heap[c]!, last)) break;
        heap[i] = heap[c]!;
        i = c;
      }
      heap[i] = last;
    }
    return top;
  }

  /** Called when a timer in the heap is cancelled; drops dead timers from the top, and rebuilds
   * the heap when most of it is dead (as asyncio does past 100 timers and 50% cancelled). */
  noteCancelled(): void {
    this._cancelled++;
    if (this._heap.length > 100 && this._cancelled * 2 > this._heap.length) {
      this._heap = this._heap.filter((t) => {
        if (t._cancelled) t._scheduled = false;
        return !t._cancelled;
      });
      this._cancelled = 0;
      const live = this._heap;
      this._heap = [];
      for (const t of live) this.push(t);
    }
  }

  /** Pops cancelled timers off the top so `peek` shows the next timer that will run. */
  dropCancelled(): void {
    while (this._heap.length > 0 && this._heap[0]!._cancelled) this.pop();
  }

  clear(): void {
    for (const t of this._heap) t._scheduled = false;
    this._heap = [];
    this._cancelled = 0;
  }

  /** The live timers in deadline order (for introspection; not on a hot path). */
  sorted(): TimerHandle[] {
    return this._heap.filter((t) => !t._cancelled).sort((a, b) => (before(a, b) ? -1 : 1));
  }
}

function before(a: TimerHandle, b: TimerHandle): boolean {
  return a._when < b._when || (a._when === b._when && a._seq < b._seq);
}
