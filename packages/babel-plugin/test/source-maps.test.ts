// Stack traces from inside a compiled coroutine map back to the original lines.
import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";
import { compileToCommonJS, drive, evaluate } from "./helpers";
import type { Coroutine } from "@stepwise/runtime";

const source = [
  "// line 1",
  "",
  "export async function outer(n) {", // 3
  "  const doubled = await inner(n * 2);", // 4
  "  return doubled;", // 5
  "}", // 6
  "", // 7
  "async function inner(m) {", // 8
  "  await m;", // 9
  "  throw new Error('boom ' + m);", // 10
  "}",
  "export const arrow = async () => {", // 12
  "  await 1;", // 13
  "  null.property;", // 14
  "};",
].join("\n");

function frameIn(error: unknown, file: string): { line: number; column: number } {
  const stack = (error as Error).stack ?? "";
  const match = new RegExp(`${file.replace(".", "\\.")}:(\\d+):(\\d+)`).exec(stack);
  if (!match) throw new Error(`no frame in ${file} in:\n${stack}`);
  return { line: Number(match[1]), column: Number(match[2]) - 1 };
}

test("an error thrown in an inline-awaited coroutine maps to its original line", () => {
  const { code, map } = compileToCommonJS(source, { sourceMaps: true });
  expect(map).not.toBeNull();
  const mod = evaluate(code, "mapped.js") as { outer: (n: number) => Coroutine<number>; arrow: () => Coroutine<void> };
  const trace = new TraceMap(map!);

  let thrown: unknown;
  try {
    drive(mod.outer(21));
  } catch (e) {
    thrown = e;
  }
  expect((thrown as Error).message).toBe("boom 42");
  const frame = frameIn(thrown, "mapped.js");
  // Generated and original lines differ (the helper import and wrappers come first).
  expect(frame.line).not.toBe(10);
  expect(originalPositionFor(trace, frame)).toMatchObject({ line: 10 });

  try {
    drive(mod.arrow());
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(TypeError);
  expect(originalPositionFor(trace, frameIn(thrown, "mapped.js"))).toMatchObject({ line: 14 });
});
