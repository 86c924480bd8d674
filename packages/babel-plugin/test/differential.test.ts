// The differential runner itself (corpus/differential.ts): what it records of a run, and that
// runs cannot disturb each other. Each case starts real `node` processes.
import { formatSideBySide, runBatch, runProgram, sameOutcome } from "./corpus/differential";

test("records printed lines and a clean exit", async () => {
  const o = await runProgram({ name: "hello", source: `console.log("a"); setTimeout(() => console.log("b"), 1);` }, "native");
  expect(o).toMatchObject({ lines: ["a", "b"], exitCode: 0, uncaught: null, timedOut: false, compileError: null });
});

test("records what killed a program: an uncaught exception or an unhandled rejection, with exit code 1", async () => {
  const results = await runBatch(
    [
      { name: "throws", source: `console.log("before"); setTimeout(() => { throw new TypeError("bad"); }, 1);` },
      { name: "rejects", source: `Promise.reject("reason");` },
    ],
    ["native"],
  );
  expect(results.get("throws")!.native).toMatchObject({
    lines: ["before"],
    exitCode: 1,
    uncaught: { origin: "uncaughtException", error: "TypeError: bad" },
  });
  const rejects = results.get("rejects")!.native!;
  expect(rejects.exitCode).toBe(1);
  expect(rejects.uncaught).toMatchObject({ origin: "unhandledRejection", error: expect.stringContaining('"reason"') });
});

test("a program that never ends is killed at the timeout and reported, with what it printed", async () => {
  const o = await runProgram({ name: "forever", source: `console.log("started"); setInterval(() => {}, 1000);` }, "native", { timeoutMs: 300 });
  expect(o).toMatchObject({ lines: ["started"], timedOut: true, exitCode: null });
});

test("programs in one batch do not share globals", async () => {
  const results = await runBatch(
    [
      { name: "sets", source: `globalThis.leak = 1; Object.prototype.polluted = true; console.log("set");` },
      { name: "reads", source: `setTimeout(() => console.log(typeof globalThis.leak, ({}).polluted), 50);` },
    ],
    ["native"],
    { concurrency: 1 },
  );
  expect(results.get("reads")!.native!.lines).toEqual(["undefined undefined"]);
});

test("compiled programs load @stepwise/runtime by name, from the built package", async () => {
  const o = await runProgram(
    { name: "which-runtime", source: `async function f() {}\nconsole.log(require.resolve("@stepwise/runtime"));` },
    "compiled-lazy",
  );
  expect(o.lines).toHaveLength(1);
  expect(o.lines[0]).toMatch(/packages\/runtime\/dist\/cjs\/index\.js$/);
});

test("a difference is shown side by side, and a program Babel refuses is reported as not compiled", async () => {
  const program = { name: "lazy", source: `async function f() { console.log("body"); }\nf();\nconsole.log("end");` };
  const results = await runBatch([program, { name: "broken", source: `async function (` }], ["native", "compiled-lazy"]);
  const native = results.get("lazy")!.native!;
  const lazy = results.get("lazy")!["compiled-lazy"]!;
  expect(native.lines).toEqual(["body", "end"]);
  expect(lazy.lines).toEqual(["end"]);
  expect(sameOutcome(native, lazy)).toBe(false);
  expect(formatSideBySide("lazy", native, lazy).split("\n")).toEqual([
    "lazy: native and compiled-lazy differ",
    "     native | compiled-lazy",
    "!  1 body   | end",
    "!  2 end    | ",
    " end exit 0 | exit 0",
  ]);
  expect(results.get("broken")!["compiled-lazy"]).toMatchObject({ compileError: expect.stringContaining("Unexpected token"), lines: [] });
});
