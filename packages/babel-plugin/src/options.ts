/** The options `@stepwise/babel-plugin` accepts. */
export interface PluginOptions {
  /** The module the helpers are imported from. Default `"@stepwise/runtime"`. */
  runtime?: string;
  /**
   * When a compiled async function's body starts. `"lazy"` (the default): not before the coroutine
   * is driven, as in Python. `"eager"`: at the call, as a Task on the current loop that runs up to
   * its first real suspension (asyncio's eager tasks), for code that relies on native timing.
   */
  start?: "lazy" | "eager";
}

export interface ResolvedOptions {
  runtime: string;
  start: "lazy" | "eager";
}

const KNOWN = new Set<string>(["runtime", "start"]);

/** Checks the options given in the Babel config; a mistake gets an error that names it. */
export function resolveOptions(options: unknown): ResolvedOptions {
  if (options === undefined || options === null) return { runtime: "@stepwise/runtime", start: "lazy" };
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new Error("@stepwise/babel-plugin: options must be an object, like { runtime: \"@stepwise/runtime\" }.");
  }
  const given = options as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!KNOWN.has(key)) {
      throw new Error(
        `@stepwise/babel-plugin: unknown option "${key}". The options are "runtime" (the module to import the helpers ` +
          `from) and "start" ("lazy" or "eager").`,
      );
    }
  }
  const runtime = given.runtime ?? "@stepwise/runtime";
  if (typeof runtime !== "string" || runtime.length === 0) {
    throw new Error(`@stepwise/babel-plugin: option "runtime" must be a non-empty module name string, got ${JSON.stringify(runtime)}.`);
  }
  const start = given.start ?? "lazy";
  if (start !== "lazy" && start !== "eager") {
    throw new Error(`@stepwise/babel-plugin: option "start" must be "lazy" (the default) or "eager", got ${JSON.stringify(start)}.`);
  }
  return { runtime, start };
}
