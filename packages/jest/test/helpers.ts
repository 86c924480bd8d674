/** The message of the expectation or step `fn` makes, which must fail; colours removed. */
export function failureOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return String(error instanceof Error ? error.message : error).replace(/\x1b\[[0-9;]*m/g, "");
  }
  throw new Error("expected the expectation to fail, but it passed");
}
