import { Coroutine } from "./coroutine.js";
import { CancelledError } from "./errors.js";
import { Future } from "./future.js";
import { currentTask } from "./current-task.js";
import { awaitResult, coro } from "./loop-bound.js";
import { describeValue, notACoroutine } from "./describe.js";
import type { EventLoop } from "./event-loop.js";
import type { Task } from "./task.js";

/**
 * The errors of a TaskGroup's children (and of its body), together: asyncio's
 * `ExceptionGroup('unhandled errors in a TaskGroup', errors)`. An AggregateError, so `.errors`
 * lists them; JavaScript has no `except*`, so test them with `e.errors.some(...)`.
 */
export class TaskGroupError extends AggregateError {
  constructor(errors: unknown[]) {
    const n = errors.length;
    super(errors, `unhandled errors in a TaskGroup (${n} sub-exception${n === 1 ? "" : "s"})`);
  }
}
TaskGroupError.prototype.name = "TaskGroupError";

/** Marks "no error left the body" for `_exit`, since any value (undefined too) can be thrown. */
const NO_ERROR: unique symbol = Symbol("no error");

let groupCounter = 0;

/**
 * Structured concurrency for tasks (asyncio's `TaskGroup`): the group waits for every child it
 * started; the first child that fails cancels the others and the body, and the errors come out
 * together as a TaskGroupError.
 *
 * Primary form (any compiled code, no language support needed):
 *   `await taskGroup(async (tg) => { tg.createTask(a()); tg.createTask(b()); })`
 * By hand: `await tg.enter()`, then `await tg.exit()` after the body or `await tg.exit(error)`
 * when it threw (that call throws what should propagate). Where `Symbol.asyncDispose` exists,
 * `await using tg = await new TaskGroup().enter()` works too, but dispose cannot see an error
 * leaving the body: the children are not cancelled for it, only waited for.
 */
export class TaskGroup {
  _entered = false;
  _exiting = false;
  _aborting = false;
  _loop: EventLoop | null = null;
  _parentTask: Task<unknown> | null = null;
  _parentCancelRequested = false;
  _tasks = new Set<Task<unknown>>();
  _errors: unknown[] = [];
  _onCompletedFut: Future<boolean> | null = null;
  _id = ++groupCounter;

  /** Starts the group for the current task; the coroutine's value is the group. */
  enter(): Coroutine<this> {
    return coro("TaskGroup.enter", this._enterGen());
  }

  /**
   * Waits for the children and ends the group: `exit()` when the body finished, `exit(error)`
   * when it threw `error`. Throws what should propagate (a TaskGroupError, a CancelledError,
   * or `error`).
   */
  exit(...error: [] | [unknown]): Coroutine<void> {
    return coro("TaskGroup.exit", this._exitGen(error.length === 0 ? NO_ERROR : error[0]));
  }

  /** Runs `body(group)`, then waits for every child; returns what the body returned. */
  run<R>(body: (group: this) => PromiseLike<R> | R): Coroutine<R> {
    if (typeof body !== "function") throw new TypeError(`TaskGroup.run(): expected a function, got ${describeValue(body)}`);
    return coro("TaskGroup.run", this._runGen(body));
  }

  /** Starts `coro` as a child task. Refused (and the coroutine closed) outside the group's life. */
  createTask<T>(co: Coroutine<T>, options?: { name?: string }): Task<T> {
    if (!((co as unknown) instanceof Coroutine)) throw notACoroutine("TaskGroup.createTask", co);
    let refusal: string | null = null;
    if (!this._entered) refusal = `TaskGroup ${this} has not been entered: createTask() before enter() (or outside run())`;
    else if (this._exiting && this._tasks.size === 0) refusal = `TaskGroup ${this} is finished: createTask() after its block ended`;
    else if (this._aborting) refusal = `TaskGroup ${this} is shutting down: createTask() after a child failed or the group was cancelled`;
    if (refusal !== null) {
      if (co._owner === null) co.close();
      throw new Error(refusal);
    }
    const task = this._loop!.createTask(co, options);
    if (task.done()) this._onTaskDone(task);
    else {
      this._tasks.add(task as Task<unknown>);
      task.addDoneCallback(this._onTaskDone);
    }
    return task;
  }

  *_enterGen(): Generator<unknown, this, unknown> {
    if (this._entered) throw new Error(`TaskGroup ${this} has already been entered: make a new TaskGroup for each block`);
    const parent = currentTask();
    if (parent === null) throw new Error(`TaskGroup ${this} cannot determine the parent task: enter() must run inside a task`);
    this._loop = parent._loop;
    this._parentTask = parent;
    this._entered = true;
    return this;
  }

  *_exitGen(error: unknown): Generator<unknown, void, unknown> {
    if (!this._entered || this._exiting) {
      throw new Error(`TaskGroup.exit() on ${this}: ${this._entered ? "it has already exited" : "it has not been entered"}`);
    }
    this._exiting = true;
    const hasError = error !== NO_ERROR;
    let propagateCancellation: unknown = hasError && error instanceof CancelledError ? error : null;
    // The body failed or the parent is being cancelled: stop the children.
    if (hasError && !this._aborting) this._abort();

    // The wait can be cancelled again and again while the parent is cancelled (or we cancelled it).
    while (this._tasks.size > 0) {
      this._onCompletedFut ??= new Future<boolean>({ loop: this._loop! });
      try {
        yield this._onCompletedFut;
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        if (!this._aborting) {
          propagateCancellation = e;
          this._abort();
        }
      }
      this._onCompletedFut = null;
    }

    const parent = this._parentTask!;
    const errors = this._errors;
    this._parentTask = null;
    this._errors = [];
    // We cancelled the parent ourselves: take that back; if nothing else asked, the cancellation is ours to swallow.
    if (this._parentCancelRequested && parent.uncancel() === 0) propagateCancellation = null;
    // Errors win over a cancellation.
    if (propagateCancellation !== null && errors.length === 0) throw propagateCancellation;
    if (hasError && !(error instanceof CancelledError)) errors.push(error);
    if (errors.length > 0) {
      // Cancelled from outside too: keep its cancellation count where it was.
      if (parent.cancelling() > 0) {
        parent.uncancel();
        parent.cancel();
      }
      throw new TaskGroupError(errors);
    }
    if (hasError) throw error;
  }

  *_runGen<R>(body: (group: this) => PromiseLike<R> | R): Generator<unknown, R, unknown> {
    yield* this._enterGen();
    let result: R;
    try {
      result = yield* awaitResult(body(this));
    } catch (error) {
      yield* this._exitGen(error);
      throw error;
    }
    yield* this._exitGen(NO_ERROR);
    return result;
  }

  _abort(): void {
    this._aborting = true;
    for (const t of this._tasks) if (!t.done()) t.cancel();
  }

  _onTaskDone = (task: Task<unknown>): void => {
    this._tasks.delete(task);
    if (this._onCompletedFut !== null && this._tasks.size === 0 && !this._onCompletedFut.done()) {
      this._onCompletedFut.setResult(true);
    }
    if (task.cancelled()) return;
    const error = task.exception();
    if (!task._failed) return;
    this._errors.push(error);
    const parent = this._parentTask!;
    if (parent.done()) {
      this._loop!.callExceptionHandler({
        message: `Task ${task} has errored out but its parent task ${parent} is already completed`,
        exception: error,
        task,
      });
      return;
    }
    if (!this._aborting && !this._parentCancelRequested) {
      // Interrupt the body at its current await; exit() takes this cancellation back.
      this._abort();
      this._parentCancelRequested = true;
      parent.cancel();
    }
  };

  toString(): string {
    const state = !this._entered ? "" : this._exiting ? (this._tasks.size === 0 ? " finished" : " exiting") : " entered";
    return `<TaskGroup-${this._id}${state}${this._tasks.size > 0 ? ` tasks=${this._tasks.size}` : ""}${this._aborting ? " cancelling" : ""}>`;
  }
}

const asyncDispose = (Symbol as { asyncDispose?: symbol }).asyncDispose;
if (asyncDispose !== undefined) {
  Object.defineProperty(TaskGroup.prototype, asyncDispose, {
    value(this: TaskGroup) {
      return this.exit();
    },
    writable: true,
    configurable: true,
  });
}

/** Runs `body` with a new TaskGroup and waits for its children: `await taskGroup(async (tg) => ...)`. */
export function taskGroup<R>(body: (group: TaskGroup) => PromiseLike<R> | R): Coroutine<R> {
  return new TaskGroup().run(body);
}
