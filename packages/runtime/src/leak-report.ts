import type { EventLoop } from "./event-loop.js";
import { dumpTasks, formatTaskInfos, type TaskInfo } from "./task-dump.js";
import { unretrievedErrors, type UnretrievedError } from "./unretrieved-errors.js";
import { neverAwaited, type NeverAwaited } from "./coroutine-tracking.js";
import { describeValue } from "./describe.js";

/**
 * What `loop.checkLeaks()` found: what a finished test should not leave behind. Taking the report
 * changes nothing (an error listed here still counts as never retrieved).
 */
export class LeakReport {
  /** Tasks not done, as `dumpTasks` describes them. */
  readonly pendingTasks: readonly TaskInfo[];
  /** Futures and tasks that failed and whose error nobody retrieved (`result()`, `exception()`, `await`). */
  readonly unretrievedErrors: readonly UnretrievedError[];
  /** Coroutines created during a debug-mode run of the loop and never awaited (empty when debug is off). */
  readonly neverAwaited: readonly NeverAwaited[];
  private readonly _loop: EventLoop;

  constructor(loop: EventLoop) {
    // The build assigns fields in constructor order: the findings first, as `console.log` shows them.
    this.pendingTasks = dumpTasks(loop);
    this.unretrievedErrors = unretrievedErrors(loop);
    this.neverAwaited = neverAwaited(loop);
    this._loop = loop;
  }

  /** True when nothing was found. */
  get ok(): boolean {
    return this.pendingTasks.length === 0 && this.unretrievedErrors.length === 0 && this.neverAwaited.length === 0;
  }

  /** A readable account of each finding, or "No leaks on <loop>." */
  toString(): string {
    if (this.ok) return `No leaks on ${this._loop}.`;
    const parts: string[] = [];
    if (this.pendingTasks.length > 0) parts.push(formatTaskInfos(this._loop, this.pendingTasks));
    if (this.unretrievedErrors.length > 0) {
      parts.push(
        `${this.unretrievedErrors.length} error(s) nobody retrieved:\n` +
          this.unretrievedErrors.map((e) => `  ${e.description}: ${errorText(e.exception)}`).join("\n"),
      );
    }
    if (this.neverAwaited.length > 0) {
      parts.push(
        `${this.neverAwaited.length} coroutine(s) never awaited:\n` +
          this.neverAwaited
            .map((c) => {
              const head = `  ${c.name || "(anonymous)"}()${c.location ? ` defined at ${c.location}` : ""}, created ${c.createdIn}`;
              return [head, ...c.createdAt.map((f) => `      ${f}`)].join("\n");
            })
            .join("\n"),
      );
    }
    return parts.join("\n\n");
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : describeValue(e);
}
