import { transformSync, type PluginItem, type TransformOptions } from "@babel/core";
import * as runtime from "@stepwise/runtime";
import stepwise, { type PluginOptions } from "../src/index";

// Resolved here: the compiled code's virtual cwd has no node_modules.
const commonjs = require.resolve("@babel/plugin-transform-modules-commonjs");

/** Babel options that read no config file, so only the plugins given here run. */
function isolated(extra: TransformOptions): TransformOptions {
  return { configFile: false, babelrc: false, filename: "/virtual/src/input.js", cwd: "/virtual", ...extra };
}

/** Compiles `source` with @stepwise/babel-plugin alone, as the fixtures do. */
export function compile(source: string, options: PluginOptions = {}, extra: TransformOptions = {}): string {
  const result = transformSync(source, isolated({ plugins: [[stepwise, options]], ...extra }));
  if (!result || typeof result.code !== "string") throw new Error("Babel returned no code");
  return result.code;
}

/** Compiles `source` with the plugin and then to CommonJS, ready for `evaluate`. */
export function compileToCommonJS(
  source: string,
  extra: TransformOptions = {},
  options: PluginOptions = {},
): { code: string; map: TransformMap | null } {
  const plugins: PluginItem[] = [[stepwise, options], commonjs];
  const result = transformSync(source, isolated({ plugins, sourceType: "module", ...extra }));
  if (!result || typeof result.code !== "string") throw new Error("Babel returned no code");
  return { code: result.code, map: (result.map as TransformMap | null | undefined) ?? null };
}

/** The parts of a source map the tests read. */
export interface TransformMap {
  version: 3;
  sources: string[];
  mappings: string;
  names: string[];
  file?: string;
  sourcesContent?: (string | null)[];
}

/** `require` for compiled code: the runtime comes from its TypeScript sources, nothing else loads. */
export function runtimeRequire(id: string): unknown {
  if (id === "@stepwise/runtime") return runtime;
  throw new Error(`compiled test code required an unexpected module: ${id}`);
}

/**
 * Evaluates CommonJS `code` and returns its exports. `sourceURL` names the code in stack traces;
 * the wrapper sits on the code's first line, so stack line numbers are the code's own.
 */
export function evaluate(code: string, sourceURL = "compiled.js"): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  const wrapped = `(function (require, module, exports) {${code}\n})\n//# sourceURL=${sourceURL}`;
  const fn = (0, eval)(wrapped) as (r: typeof runtimeRequire, m: typeof module, e: Record<string, unknown>) => void;
  fn(runtimeRequire, module, module.exports);
  return module.exports;
}

/** Evaluates an ES module without the plugin (native async functions, the reference): its exports. */
export function loadNative(source: string): Record<string, unknown> {
  const result = transformSync(source, isolated({ plugins: [commonjs], sourceType: "module" }));
  if (!result || typeof result.code !== "string") throw new Error("Babel returned no code");
  return evaluate(result.code, "native.js");
}

/** Compiles an ES module with the plugin (and `options`) and evaluates it: its exports. */
export function load(source: string, options: PluginOptions = {}): Record<string, unknown> {
  return evaluate(compileToCommonJS(source, {}, options).code);
}

/** Drives a coroutine by hand until it returns, sending back what each `await` received. */
export function drive<T>(co: runtime.Coroutine<T>): T {
  let value: unknown = undefined;
  for (;;) {
    try {
      value = co.send(value);
    } catch (error) {
      if (error instanceof runtime.StopIteration) return error.value as T;
      throw error;
    }
  }
}
