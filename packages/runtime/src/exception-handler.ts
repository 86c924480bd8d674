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
    lines.push(e instanceof Error && e.stack ? e.stack : `exception: ${describeValue(e)}`);
  }
  console.error(lines.join("\n"));
}
