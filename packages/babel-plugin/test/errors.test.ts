// Input the plugin cannot compile correctly gets a code-frame error naming the construct.
import stepwise from "../src/index";
import { compile } from "./helpers";

function compileError(source: string): Error {
  try {
    // A script, so sloppy-mode code (`yield` and `arguments` as plain names) parses.
    compile(source, {}, { sourceType: "script" });
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error("expected the plugin to refuse this input");
}

/** The code frame's `>` marker sits on the line that holds `snippet`. */
function expectFrameAt(error: Error, snippet: string): void {
  // Babel colours the frame when it thinks the terminal can show colour (e.g. with CI set).
  const plain = error.message.replace(/\x1b\[[0-9;]*m/g, "");
  const marked = plain.split("\n").find((line) => /^\s*>\s*\d+\s*\|/.test(line));
  expect(marked).toBeDefined();
  expect(marked).toContain(snippet);
}

test.each([
  [
    "`yield` as an identifier in an async function",
    `function outer() {\n  const yield = 1;\n  return async function f() {\n    return yield + 1;\n  };\n}`,
    /`yield` is used as an identifier inside an async function/,
    "return yield + 1;",
  ],
  [
    "`yield` as a parameter of an async function",
    `async function f(\n  yield\n) {}`,
    /`yield` is used as an identifier inside an async function/,
    "yield",
  ],
  [
    "`yield` as the expression body of an async arrow",
    `var yield = 1;\nconst f = async () => yield;`,
    /`yield` is used as an identifier inside an async arrow function/,
    "const f = async () => yield;",
  ],
  [
    "`yield` in the computed key of a method nested in an async function",
    `var yield = "k";\nasync function f() {\n  return { [yield]() {} };\n}`,
    /`yield` is used as an identifier inside an async function/,
    "return { [yield]() {} };",
  ],
  [
    // Found by differential testing: the name is bound in the body, which becomes a generator.
    "`yield` as the name of a function declared in an async function",
    `async function f() {\n  function yield() {}\n  return 1;\n}`,
    /`yield` is used as an identifier inside an async function/,
    "function yield() {}",
  ],
  [
    // Found by differential testing: the generator that holds the body would be the callee.
    "sloppy `arguments.callee` in an async function",
    `async function f() {\n  return arguments.callee === f;\n}`,
    /`arguments.callee` inside an async function is not supported/,
    "return arguments.callee === f;",
  ],
  [
    "direct eval as the expression body of an async arrow",
    `function outer() {\n  return async () => eval("arguments");\n}`,
    /Direct `eval\(\.\.\.\)` inside an async arrow function is not supported/,
    `return async () => eval("arguments");`,
  ],
  [
    "direct eval in an async arrow",
    `function outer() {\n  return async () => {\n    eval("arguments");\n  };\n}`,
    /Direct `eval\(\.\.\.\)` inside an async arrow function is not supported/,
    `eval("arguments");`,
  ],
  [
    "super() in an async arrow",
    `class A extends B {\n  constructor() {\n    const f = async () => super();\n    f();\n  }\n}`,
    /`super\(\)` inside an async arrow function is not supported/,
    "const f = async () => super();",
  ],
  [
    "an async function declaration directly in a switch case",
    `switch (x) {\n  case 1:\n    async function f() {}\n}`,
    /An async function declaration directly inside a `switch` case .* wrap the case's statements in `\{ … \}`/,
    "async function f() {}",
  ],
  [
    "assigning to a named async function expression's own name",
    `const f = async function g() {\n  g = null;\n};`,
    /Assigning to `g`, the name of the async function expression it is in, is not supported/,
    "g = null;",
  ],
  [
    "super.x++ in an async method",
    `class A extends B {\n  async m() {\n    super.x++;\n  }\n}`,
    /`super\.x\+\+` is not supported yet by @stepwise\/babel-plugin/,
    "super.x++;",
  ],
  [
    "assigning to arguments in an async arrow",
    `function outer() {\n  return async () => {\n    arguments = [];\n  };\n}`,
    /Assigning to `arguments` inside an async arrow function is not supported/,
    "arguments = [];",
  ],
])("%s", (_label, source, message, line) => {
  const error = compileError(source);
  expect(error.message).toMatch(message);
  // Babel prefixes the file name, then the plugin's message, then the frame.
  expect(error.message).toContain("/virtual/src/input.js");
  expectFrameAt(error, line);
});

test("yield inside a nested generator of an async function is left alone", () => {
  expect(() => compile(`async function f() { function* g() { yield 1; } return await g; }`)).not.toThrow();
});

test("direct eval in an async function declaration is allowed (it rewrites no lexical binding)", () => {
  expect(compile(`async function f() { return eval("1"); }`)).toContain(`eval("1")`);
});

describe("bad options", () => {
  test("an unknown option is named", () => {
    expect(() => compile("async function f() {}", { runtim: "x" } as never)).toThrow(
      /@stepwise\/babel-plugin: unknown option "runtim"\. The options are "runtime" .* and "start" \("lazy" or "eager"\)/,
    );
  });
  test.each([["Eager"], [true], [""]])("start %p is refused, naming the two values", (start) => {
    expect(() => compile("async function f() {}", { start } as never)).toThrow(
      /option "start" must be "lazy" \(the default\) or "eager", got /,
    );
  });
  test.each([[42], [""], [false]])("runtime %p is refused", (runtime) => {
    expect(() => compile("async function f() {}", { runtime } as never)).toThrow(
      /option "runtime" must be a non-empty module name string/,
    );
  });
  test("options that are not an object are refused (Babel refuses them first; the plugin checks too)", () => {
    expect(() => compile("async function f() {}", "@stepwise/runtime" as never)).toThrow(/must be an object/);
    const api = { assertVersion: (): boolean => true };
    expect(() => stepwise(api, "@stepwise/runtime" as never)).toThrow(/@stepwise\/babel-plugin: options must be an object/);
    expect(() => stepwise(api, ["x"] as never)).toThrow(/options must be an object/);
  });
  test("null runtime means the default", () => {
    expect(compile("async function f() {}", { runtime: null } as never)).toContain(`from "@stepwise/runtime"`);
  });
});
