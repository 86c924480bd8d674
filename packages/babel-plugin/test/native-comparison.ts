// Runs a program natively and compiled with @stepwise/babel-plugin, in this process, and compares
// what a user would see: the value its `main()` settles with, or the error it fails with. Also the
// checks for input the plugin refuses: a code frame at the construct, never an internal crash.
import { transformSync, type PluginItem, type TransformOptions } from "@babel/core";
import { isCoroutine, run } from "@stepwise/runtime";
import stepwise, { type PluginOptions } from "../src/index";
import { evaluate } from "./helpers";

const commonjs = require.resolve("@babel/plugin-transform-modules-commonjs");

export interface ProgramOptions {
  /** `"script"` (the default: sloppy code, `require`d helpers) or `"module"` (compiled on to CommonJS). */
  sourceType?: "script" | "module";
  /** Presets and plugins that run in both builds (TypeScript, Flow, JSX, decorators). */
  presets?: PluginItem[];
  plugins?: PluginItem[];
  /** Babel's file name, e.g. `/virtual/src/input.ts`. */
  filename?: string;
  pluginOptions?: PluginOptions;
  /** More Babel options for both builds (e.g. `compact: false` for large input). */
  babel?: TransformOptions;
}

/** What a run showed: the value `main()` settled with, or its error as `String(error)`. */
export type Outcome = { value: unknown } | { error: string };

function babelOptions(options: ProgramOptions, withPlugin: boolean): TransformOptions {
  const sourceType = options.sourceType ?? "script";
  return {
    configFile: false,
    babelrc: false,
    cwd: "/virtual",
    filename: options.filename ?? "/virtual/src/input.js",
    sourceType,
    presets: options.presets ?? [],
    plugins: [
      ...(withPlugin ? [[stepwise, options.pluginOptions ?? {}] as PluginItem] : []),
      ...(options.plugins ?? []),
      ...(sourceType === "module" ? [commonjs] : []),
    ],
    ...options.babel,
  };
}

/** The program's code, with the plugin or without it (the native reference). Throws Babel's error. */
export function build(source: string, options: ProgramOptions, withPlugin: boolean): string {
  const result = transformSync(source, babelOptions(options, withPlugin));
  if (!result || typeof result.code !== "string") throw new Error("Babel returned no code");
  return result.code;
}

/** Evaluates built code and settles its `main()`: awaited natively, run on a fresh loop when compiled. */
export async function outcome(code: string): Promise<Outcome> {
  try {
    const main = evaluate(code).main as () => unknown;
    const started = main();
    return { value: await (isCoroutine(started) ? run(started) : started) };
  } catch (error) {
    return { error: String(error) };
  }
}

/**
 * Runs `source` natively and compiled, expects the same outcome, and returns it. A native run
 * that fails is a broken case unless `nativeError` says which error is meant.
 */
export async function expectSameAsNative(source: string, options: ProgramOptions = {}, nativeError?: RegExp): Promise<Outcome> {
  const native = await outcome(build(source, options, false));
  if (nativeError) expect(native).toEqual({ error: expect.stringMatching(nativeError) });
  else expect(native).toEqual({ value: expect.anything() });
  const compiled = await outcome(build(source, options, true));
  expect(compiled).toEqual(native);
  return native;
}

/** The error compiling `source` with the plugin throws (fails the test when it compiles). */
export function refusal(source: string, options: ProgramOptions = {}): Error {
  try {
    build(source, options, true);
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error("expected this input to be refused, but it compiled");
}

/** The line of Babel's code frame that its `>` marker points at, without colours. */
export function markedLine(error: Error): string | undefined {
  const plain = error.message.replace(/\x1b\[[0-9;]*m/g, "");
  return plain.split("\n").find((line) => /^\s*>\s*\d+\s*\|/.test(line));
}

/**
 * A refusal as the user must see it: Babel's code-frame error, in the file, its `>` marker on
 * the line holding `snippet`, saying `message`; not a crash inside the plugin (a TypeError or
 * RangeError, "Cannot read properties", a message without the plugin's name or a parser reason).
 */
export function expectCodeFrameError(error: Error, message: RegExp, snippet: string): void {
  expect(error).not.toBeInstanceOf(TypeError);
  expect(error).not.toBeInstanceOf(RangeError);
  expect(error.message).not.toMatch(/Cannot read propert|is not a function|undefined is not|Maximum call stack/);
  expect(error.message).toContain("/virtual/src/input");
  expect(error.message).toMatch(message);
  const fromPlugin = error.message.includes("@stepwise/babel-plugin");
  const fromParser = (error as { code?: string }).code === "BABEL_PARSE_ERROR";
  expect({ fromPlugin, fromParser }).not.toEqual({ fromPlugin: false, fromParser: false });
  expect(markedLine(error)).toContain(snippet);
}
