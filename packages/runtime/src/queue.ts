import { Future } from "./future.js";
import { Event } from "./event.js";
import { LoopBound, coro, removeItem } from "./loop-bound.js";
import { describeValue } from "./describe.js";
import type { Coroutine } from "./coroutine.js";

/** `getNowait()` on an empty queue (asyncio's `QueueEmpty`). */
export class QueueEmpty extends Error {}
QueueEmpty.prototype.name = "QueueEmpty";

/** `putNowait()` on a full queue (asyncio's `QueueFull`). */
export class QueueFull extends Error {}
QueueFull.prototype.name = "QueueFull";

/** A put or get on a queue that was shut down (asyncio's `QueueShutDown`, 3.13). */
export class QueueShutDown extends Error {}
QueueShutDown.prototype.name = "QueueShutDown";

/**
 * A FIFO queue for tasks (asyncio's `Queue`). `maxsize <= 0` means unbounded; `put` waits while
 * it is full and `get` while it is empty, each waking the next waiter on the other side.
 * `taskDone()`/`join()` count items processed; `shutdown()` ends it.
 */
export class Queue<T = unknown> extends LoopBound {
  _maxsize: number;
  _getters: Future<void>[] = [];
  _putters: Future<void>[] = [];
  _unfinishedTasks = 0;
  _finished = new Event();
  _isShutdown = false;
  _items: T[] = [];
  /** Index of the FIFO's head in `_items` (shift() would make get O(n)). */
  _head = 0;

  constructor(maxsize = 0) {
    super();
    if (typeof maxsize !== "number" || Number.isNaN(maxsize)) {
      throw new TypeError(`new ${new.target.name}(): maxsize must be a number (0 or less: unbounded), got ${describeValue(maxsize)}`);
    }
    this._maxsize = maxsize;
    this._finished.set();
  }

  // The storage: FIFO here; LifoQueue and PriorityQueue override these three.
  _put(item: T): void {
    this._items.push(item);
  }

  _get(): T {
    const item = this._items[this._head]!;
    this._items[this._head++] = undefined as T;
    if (this._head > 1024 && this._head * 2 > this._items.length) {
      this._items = this._items.slice(this._head);
      this._head = 0;
    }
    return item;
  }

  qsize(): number {
    return this._items.length - this._head;
  }

  get maxsize(): number {
    return this._maxsize;
  }

  empty(): boolean {
    return this.qsize() === 0;
  }

  full(): boolean {
    return this._maxsize > 0 && this.qsize() >= this._maxsize;
  }

  /** Puts `item`, waiting while the queue is full; throws QueueShutDown once shut down. */
  put(item: T): Coroutine<void> {
    return coro(`${this.constructor.name}.put`, this._putGen(item));
  }

  *_putGen(item: T): Generator<unknown, void, unknown> {
    while (this.full()) {
      if (this._isShutdown) throw this._shutDownError("put");
      const putter = new Future<void>({ loop: this._getLoop(`${this.constructor.name}.put`) });
      this._putters.push(putter);
      try {
        yield putter;
      } catch (error) {
        putter.cancel();
        removeItem(this._putters, putter);
        // We were woken but will not put: let the next putter use the free slot.
        if (!this.full() && !putter.cancelled()) this._wakeupNext(this._putters);
        throw error;
      }
    }
    this.putNowait(item);
  }

  /** Puts `item` now; QueueFull if there is no room, QueueShutDown once shut down. */
  putNowait(item: T): void {
    if (this._isShutdown) throw this._shutDownError("putNowait");
    if (this.full()) {
      throw new QueueFull(`putNowait() on a full ${this}: wait for room with await put(), or check full() first`);
    }
    this._put(item);
    this._unfinishedTasks++;
    this._finished.clear();
    this._wakeupNext(this._getters);
  }

  /** Takes the next item, waiting while the queue is empty; QueueShutDown once shut down and empty. */
  get(): Coroutine<T> {
    return coro(`${this.constructor.name}.get`, this._getGen());
  }

  *_getGen(): Generator<unknown, T, unknown> {
    while (this.empty()) {
      if (this._isShutdown) throw this._shutDownError("get");
      const getter = new Future<void>({ loop: this._getLoop(`${this.constructor.name}.get`) });
      this._getters.push(getter);
      try {
        yield getter;
      } catch (error) {
        getter.cancel();
        removeItem(this._getters, getter);
        // We were woken but will not take the item: let the next getter have it.
        if (!this.empty() && !getter.cancelled()) this._wakeupNext(this._getters);
        throw error;
      }
    }
    return this.getNowait();
  }

  /** Takes the next item now; QueueEmpty if there is none, QueueShutDown once shut down and empty. */
  getNowait(): T {
    if (this.empty()) {
      if (this._isShutdown) throw this._shutDownError("getNowait");
      throw new QueueEmpty(`getNowait() on an empty ${this}: wait for an item with await get(), or check empty() first`);
    }
    const item = this._get();
    this._wakeupNext(this._putters);
    return item;
  }

  /** Marks one item taken with get() as processed; join() returns when all are. */
  taskDone(): void {
    if (this._unfinishedTasks <= 0) {
      throw new RangeError(
        `taskDone() called too many times on ${this}: call it once per item taken with get()`,
      );
    }
    this._unfinishedTasks--;
    if (this._unfinishedTasks === 0) this._finished.set();
  }

  /** Waits until every item put has been marked processed with taskDone(). */
  join(): Coroutine<void> {
    const self = this;
    return coro(`${this.constructor.name}.join`, (function* () {
      if (self._unfinishedTasks > 0) yield* self._finished._waitGen();
    })());
  }

  /**
   * Ends the queue: later puts throw QueueShutDown, gets too once it is empty; waiting puts and
   * gets are woken to throw it. `immediate` also drops the items left (they count as processed).
   */
  shutdown(immediate = false): void {
    this._isShutdown = true;
    if (immediate) {
      while (!this.empty()) {
        this._get();
        if (this._unfinishedTasks > 0) this._unfinishedTasks--;
      }
      if (this._unfinishedTasks === 0) this._finished.set();
    }
    for (const waiters of [this._getters, this._putters]) {
      while (waiters.length > 0) {
        const w = waiters.shift()!;
        if (!w.done()) w.setResult(undefined);
      }
    }
  }

  _wakeupNext(waiters: Future<void>[]): void {
    while (waiters.length > 0) {
      const w = waiters.shift()!;
      if (!w.done()) {
        w.setResult(undefined);
        break;
      }
    }
  }

  _shutDownError(method: string): QueueShutDown {
    return new QueueShutDown(`${method}() on ${this}: the queue was shut down`);
  }

  override toString(): string {
    let s = `<${this.constructor.name} maxsize=${this._maxsize} qsize=${this.qsize()}`;
    if (this._getters.length > 0) s += ` getters[${this._getters.length}]`;
    if (this._putters.length > 0) s += ` putters[${this._putters.length}]`;
    if (this._unfinishedTasks > 0) s += ` tasks=${this._unfinishedTasks}`;
    if (this._isShutdown) s += " shutdown";
    return s + ">";
  }
}

/** A queue that returns the most recently put item first (asyncio's `LifoQueue`). */
export class LifoQueue<T = unknown> extends Queue<T> {
  override _get(): T {
    return this._items.pop()!;
  }
}

/**
 * Orders items by `compare(a, b)` (negative: `a` first), lowest first. The default compares
 * numbers, strings and bigints with `<`, and arrays element by element (Python's tuples), so
 * `[priority, data]` entries work as in asyncio's `PriorityQueue`.
 */
export function defaultCompare(a: unknown, b: unknown): number {
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const c = defaultCompare(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  const ta = typeof a;
  if (ta !== typeof b || (ta !== "number" && ta !== "string" && ta !== "bigint")) {
    throw new TypeError(
      `PriorityQueue: cannot order ${describeValue(a)} and ${describeValue(b)}; ` +
        `use numbers, strings or arrays of them, or pass a compare function: new PriorityQueue(maxsize, compare)`,
    );
  }
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

/** A queue that returns the lowest item first, a binary heap (asyncio's `PriorityQueue`). */
export class PriorityQueue<T = unknown> extends Queue<T> {
  _compare: (a: T, b: T) => number;

  constructor(maxsize = 0, compare: (a: T, b: T) => number = defaultCompare) {
    super(maxsize);
    if (typeof compare !== "function") {
      throw new TypeError(`new PriorityQueue(): compare must be a function, got ${describeValue(compare)}`);
    }
    this._compare = compare;
  }

  override _put(item: T): void {
    const heap = this._items;
    // Compare before changing anything, so an unorderable item leaves the heap intact.
    let i = heap.length;
    const parents: number[] = [];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this._compare(item, heap[parent]!) >= 0) break;
      parents.push(parent);
      i = parent;
    }
    heap.push(item);
    let j = heap.length - 1;
    for (const parent of parents) {
      heap[j] = heap[parent]!;
      j = parent;
    }
    heap[j] = item;
  }

  override _get(): T {
    const heap = this._items;
    const top = heap[0]!;
    const last = heap.pop()!;
    const n = heap.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && this._compare(heap[r]!, heap[l]!) < 0 ? r : l;
        if (this._compare(heap[c]!, last) >= 0) break;
        heap[i] = heap[c]!;
        i = c;
      }
      heap[i] = last;
    }
    return top;
  }
}
