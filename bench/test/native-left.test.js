const { nativeAsyncLeft, describeLeft, buildStatus } = require("../logic/native-left.cjs");

describe("nativeAsyncLeft", () => {
  test("finds async generators, async functions and for await, with names and lines", () => {
    const code = [
      "export async function* values(n) { yield n; }",
      "export async function sumValues(n) {",
      "  for await (const x of values(n)) {}",
      "}",
      "const arrow = async () => 1;",
      "class C { async method() {} }",
    ].join("\n");
    expect(nativeAsyncLeft(code)).toEqual([
      { kind: "async generator", name: "values", line: 1 },
      { kind: "async function", name: "sumValues", line: 2 },
      { kind: "for await", name: "sumValues", line: 3 },
      { kind: "async function", name: "arrow", line: 5 },
      { kind: "async function", name: "method", line: 6 },
    ]);
  });

  test("finds nothing in compiled code, even where comments and strings mention async", () => {
    const code = [
      "// was: async function* values() { for await (const x of y) {} }",
      'const text = "for await (const x of y)";',
      "function* body(n) { const v = yield n; return v; }",
      "exports.values = _stepwiseCall(body);",
    ].join("\n");
    expect(nativeAsyncLeft(code)).toEqual([]);
  });

  test("describes what it found in one line", () => {
    expect(describeLeft([{ kind: "async generator", name: "values", line: 3 }, { kind: "for await", name: "sumValues", line: 6 }])).toBe(
      "async generator values (line 3), for await in sumValues (line 6)",
    );
  });
});

describe("buildStatus", () => {
  const left = [{ kind: "async generator", name: "values", line: 3 }];

  test("a Stepwise build still holding what the plugin does not support yet is not compiled yet", () => {
    expect(buildStatus({ build: "stepwise", left, pendingStepwiseSupport: true, workload: "for-await" })).toEqual({
      status: "not compiled",
      reason: "the output still holds async generator values (line 3)",
    });
  });

  test("is measured once the plugin compiles everything, with no change to the case", () => {
    expect(buildStatus({ build: "stepwise", left: [], pendingStepwiseSupport: true, workload: "for-await" })).toEqual({ status: "measured" });
  });

  test("the native build is measured whatever it holds", () => {
    expect(buildStatus({ build: "native", left, workload: "for-await" })).toEqual({ status: "measured" });
  });

  test("anything else left native is a broken build, and an error", () => {
    expect(() => buildStatus({ build: "stepwise", left, workload: "recursion" })).toThrow(
      "the stepwise build of workloads/recursion.js left async generator values (line 3) native: it is broken",
    );
    expect(() => buildStatus({ build: "babel", left, pendingStepwiseSupport: true, workload: "for-await" })).toThrow(/babel build/);
  });
});
