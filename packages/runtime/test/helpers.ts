import { _stepwiseCall, _stepwiseMark, StopIteration, type Coroutine } from "../src/index";

/**
 * Builds what @stepwise/babel-plugin emits for `async function name(...) {...}`, from a generator
 * function standing for the compiled body (`yield` where the source says `await`). The runtime's
 * tests use it so they do not depend on the plugin.
 */
export function asyncFn<A extends unknown[], T>(
  name: string,
  body: (...args: A) => Generator<unknown, T, unknown>,
): (...args: A) => Coroutine<T> {
  const fn = function (this: unknown, ...args: A): Coroutine<T> {
    return _stepwiseCall(body as (...a: unknown[]) => Generator<unknown, T, unknown>, this, args, name, `test.js:1:0`);
  };
  return _stepwiseMark(fn, name, body.length);
}

/** Runs `fn` and returns the lines it logged through `log`. */
export function logOf(fn: (log: (...parts: unknown[]) => void) => void): string[] {
  const lines: string[] = [];
  fn((...parts) => lines.push(parts.map(String).join(" ")));
  return lines;
}

/** Runs `fn`, which must throw StopIteration, and returns the StopIteration's value. */
export function returnValue(fn: () => unknown): unknown {
  const error = thrown(fn);
  if (error instanceof StopIteration) return error.value;
  throw error;
}

/** Runs `fn`, which must throw, and returns what it threw. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw, but it returned");
}
