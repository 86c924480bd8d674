/**
 * Whether the running test has already failed, read from jest-circus's state (kept on the global
 * under a symbol it does not export). A test that failed part-way leaves its tasks pending as a
 * matter of course; reporting them too would bury the real failure. Unknown (another runner, a
 * different Jest): false, so the check still runs.
 */
export function currentTestFailed(): boolean {
  try {
    const g = globalThis as Record<symbol, unknown>;
    const key = Object.getOwnPropertySymbols(g).find((s) => s.description === "JEST_STATE_SYMBOL");
    if (key === undefined) return false;
    const state = g[key] as { currentlyRunningTest?: { errors?: unknown[] } | null } | undefined;
    return (state?.currentlyRunningTest?.errors?.length ?? 0) > 0;
  } catch {
    return false;
  }
}
