import type { Task } from "./task.js";

/**
 * A loop's pending tasks in creation order, linked through the tasks themselves: adding and
 * removing are a few pointer writes, with no entry object and no rehashing, since a program may
 * create and finish 100k tasks at once. Used like a Set (`add`, `delete`, `has`, `size`, iteration).
 */
export class TaskList implements Iterable<Task<unknown>> {
  private _head: Task<unknown> | null = null;
  private _tail: Task<unknown> | null = null;
  size = 0;

  has(task: Task<unknown>): boolean {
    return task._prevTask !== null || this._head === task;
  }

  add(task: Task<unknown>): this {
    if (this.has(task)) return this;
    task._prevTask = this._tail;
    task._nextTask = null;
    if (this._tail === null) this._head = task;
    else this._tail._nextTask = task;
    this._tail = task;
    this.size++;
    return this;
  }

  delete(task: Task<unknown>): boolean {
    if (!this.has(task)) return false;
    const prev = task._prevTask;
    const next = task._nextTask;
    if (prev === null) this._head = next;
    else prev._nextTask = next;
    if (next === null) this._tail = prev;
    else next._prevTask = prev;
    task._prevTask = null;
    task._nextTask = null;
    this.size--;
    return true;
  }

  *[Symbol.iterator](): Iterator<Task<unknown>> {
    // The next one is read first, so the task just yielded may leave the list meanwhile.
    for (let t = this._head; t !== null; ) {
      const next: Task<unknown> | null = t._nextTask;
      yield t;
      t = next;
    }
  }
}
