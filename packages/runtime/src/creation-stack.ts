/**
 * Where a task or coroutine was created, recorded in debug mode only (asyncio's
 * `_source_traceback` and `cr_origin`). The stack is captured as an Error and formatted only when
 * a dump asks for it: capturing is cheap, formatting is not, and most records are never read.
 */

/** Frames kept in a formatted creation stack, after the runtime's own frames are dropped. */
const MAX_FRAMES = 8;
/** Frames captured: enough to get past the runtime's own (Task constructor, createTask, ensureFuture, ...). */
const CAPTURE_LIMIT = MAX_FRAMES + 12;

/**
 * Where the runtime's own frames come from: this file's directory, and the package's `src/` and
 * `dist/` both. A stack can name either: source-map support installed after this file loaded
 * (@babel/register does it at its first compile) makes frames of dist/cjs/*.js read as src/*.ts.
 */
const RUNTIME_DIRS = ((): string[] => {
  const line = new Error().stack?.split("\n").find((l) => /^\s+at /.test(l));
  const file = line === undefined ? undefined : fileOf(line);
  if (file === undefined) return [];
  const cut = Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\"));
  if (cut < 0) return [];
  const dir = file.slice(0, cut + 1);
  const sep = dir[dir.length - 1]!;
  const root = /^(.*[\\/])(?:src|dist[\\/][^\\/]+)[\\/]$/.exec(dir)?.[1];
  return root === undefined ? [dir] : [dir, `${root}src${sep}`, `${root}dist${sep}`];
})();

function fileOf(frame: string): string | undefined {
  const m = /\(?((?:file:\/\/)?[^\s()]+?):\d+:\d+\)?\s*$/.exec(frame);
  return m?.[1];
}

/** Records the current stack for later formatting. */
export function captureStack(): Error {
  const limit = Error.stackTraceLimit;
  // Raised only: a user who asked for longer stacks gets them here too.
  if (!(limit >= CAPTURE_LIMIT)) Error.stackTraceLimit = CAPTURE_LIMIT;
  try {
    return new Error("created here");
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** The user's frames of a captured stack, innermost first (`at fn (file:line:col)` lines, trimmed). */
export function formatStack(captured: Error): string[] {
  let stack: string | undefined;
  try {
    stack = captured.stack;
  } catch {
    return [];
  }
  if (typeof stack !== "string") return [];
  const frames: string[] = [];
  for (const raw of stack.split("\n")) {
    const line = raw.trim();
    if (!line.startsWith("at ")) continue;
    if (RUNTIME_DIRS.some((dir) => line.includes(dir))) continue;
    if (line.includes("(node:internal") || line.startsWith("at node:internal") || line.endsWith("(<anonymous>)")) continue;
    // Past the user's code, a test runner's or framework's frames (under node_modules) are noise;
    // a library's frames before any of the user's are kept: they say which call made the task.
    if (frames.length > 0 && /[\\/]node_modules[\\/]/.test(line) && !/[\\/]node_modules[\\/]/.test(frames[frames.length - 1]!)) break;
    frames.push(line);
    if (frames.length === MAX_FRAMES) break;
  }
  return frames;
}

/** Creation stacks of tasks made while their loop was in debug mode. */
const taskOrigins = new WeakMap<object, Error>();

export function _recordTaskOrigin(task: object): void {
  taskOrigins.set(task, captureStack());
}

/** Where `task` was created (innermost frame first), or null when its loop was not in debug mode then. */
export function taskOrigin(task: object): string[] | null {
  const captured = taskOrigins.get(task);
  return captured === undefined ? null : formatStack(captured);
}
