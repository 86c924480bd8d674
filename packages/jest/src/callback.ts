/** A queued callback by its function's name, as the runtime prints handles. */
export function describeCallback(cb: unknown): string {
  return typeof cb === "function" && cb.name ? `${cb.name}()` : "(anonymous function)";
}
