import type { EventLoop } from "./event-loop.js";
import { describeValue } from "./describe.js";

/** What the loop reports to its exception handler, as asyncio's context dict. */
export interface ExceptionContext {
  message: string;
  exception?: unknown;
  [key: string]: unknown;
}

export type ExceptionHandler = (loop: EventLoop, context: ExceptionContext) => void;

/** Writes the message, the other keys, and the error with its stack to console.error. */
export function defaultExceptionHandler(context: ExceptionContext): void {
  const lines = [context.message || "Unhandled exception in event loop"];
  for (const key of Object.keys(context).sort()) {
    if (key === "message" || key === "exception") continue;
    lines.push(`${key}: ${describeValue(context[key])}`);
  }
  if ("exception" in context) {
    const e = context.exception;
    let stack: unknown;
    try {
      stack = e instanceof Error ? e.stack : undefined;
    } catch {
      // a throwing `stack` getter: describe the error instead
    }
    lines.push(typeof stack === "string" && stack !== "" ? stack : `exception: ${describeValue(e)}`);
  }
  console.error(lines.join("\n"));
}

/**
 * The default handler, guarded as asyncio guards it: an error while reporting an error (a
 * console.error that throws) must not escape into the loop, which would stop it mid-iteration.
 */
export function _reportSafely(context: ExceptionContext): void {
  try {
    defaultExceptionHandler(context);
  } catch (failure) {
    try {
      console.error("Exception in default exception handler", failure);
    } catch {
      // Nothing is left to report with.
    }
  }
}
