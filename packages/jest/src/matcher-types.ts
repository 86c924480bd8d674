// Types for the matchers the setup file registers with expect.extend.
export {};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R, T = {}> {
      /** The coroutine (a Task: its coroutine) is suspended at an await of a value equal to `expected`; asymmetric matchers work. */
      toBeSuspendedOn(expected: unknown): R;
      /** A Task/Future finished with a result equal to `expected`, or the step `() => co.send(v)` finished the coroutine with it. */
      toFinishWith(expected: unknown): R;
      /** A Task/Future failed, or the step `() => co.send(v)` threw: with an error matching `expected` (class, message substring, RegExp, Error or matcher), or any error. */
      toHaveThrown(expected?: unknown): R;
      /** The Task or Future was cancelled. */
      toBeCancelled(): R;
    }
  }
}
