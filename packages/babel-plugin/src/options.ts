/** The options `@stepwise/babel-plugin` accepts. */
export interface PluginOptions {
  /** The module the helpers are imported from. Default `"@stepwise/runtime"`. */
  runtime?: string;
}

export interface ResolvedOptions {
  runtime: string;
}

const KNOWN = new Set<string>(["runtime"]);

/** Checks the options given in the Babel config; a mistake gets an error that names it. */
export function resolveOptions(options: unknown): ResolvedOptions {
  if (options === undefined || options === null) return { runtime: "@stepwise/runtime" };
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new Error("@stepwise/babel-plugin: options must be an object, like { runtime: \"@stepwise/runtime\" }.");
  }
  const given = options as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!KNOWN.has(key)) {
      throw new Error(`@stepwise/babel-plugin: unknown option "${key}". The only option is "runtime" (the module to import the helpers from).`);
    }
  }
  const runtime = given.runtime ?? "@stepwise/runtime";
  if (typeof runtime !== "string" || runtime.length === 0) {
    throw new Error(`@stepwise/babel-plugin: option "runtime" must be a non-empty module name string, got ${JSON.stringify(runtime)}.`);
  }
  return { runtime };
}
