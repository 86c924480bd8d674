/**
 * A FIFO ring buffer: O(1) push and shift, as asyncio's `collections.deque` for `_ready`.
 * Capacity is a power of two so the index wraps with a mask.
 */
export class Deque<T> {
  private _items: (T | undefined)[];
  private _head = 0;
  private _length = 0;

  constructor(capacity = 16) {
    let size = 16;
    while (size < capacity) size *= 2;
    this._items = new Array<T | undefined>(size);
  }

  get length(): number {
    return this._length;
  }

  push(item: T): void {
    const items = this._items;
    if (this._length === items.length) {
      this._grow();
      this.push(item);
      return;
    }
    items[(this._head + this._length) & (items.length - 1)] = item;
    this._length++;
  }

  /** Removes and returns the oldest item; undefined when empty. */
  shift(): T | undefined {
    if (this._length === 0) return undefined;
    const items = this._items;
    const item = items[this._head];
    items[this._head] = undefined;
    this._head = (this._head + 1) & (items.length - 1);
    this._length--;
    return item;
  }

  peek(): T | undefined {
    return this._length === 0 ? undefined : this._items[this._head];
  }

  clear(): void {
    this._items = new Array<T | undefined>(16);
    this._head = 0;
    this._length = 0;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    const items = this._items;
    for (let i = 0; i < this._length; i++) yield items[(this._head + i) & (items.length - 1)] as T;
  }

  private _grow(): void {
    const old = this._items;
    const next = new Array<T | undefined>(old.length * 2);
    for (let i = 0; i < this._length; i++) next[i] = old[(this._head + i) & (old.length - 1)];
    this._items = next;
    this._head = 0;
  }
}
