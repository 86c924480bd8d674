import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createTransformer } from "@stepwise/jest/transform";

/** The code @stepwise/jest/transform makes of `fixtures/<project>/input.js`, as Jest would call it. */
function compile(project: string, config: Parameters<typeof createTransformer>[0] = {}): string {
  const dir = join(__dirname, "fixtures", project);
  const file = join(dir, "input.js");
  const transformer = createTransformer(config) as { process(source: string, file: string, options: unknown): { code: string } };
  const options = { config: { cwd: dir, rootDir: dir }, configString: "{}", instrument: false, cacheFS: new Map(), transformerConfig: config };
  return transformer.process(readFileSync(file, "utf8"), file, options).code;
}

test("adds the plugin on top of a Babel config that does not list it", () => {
  const code = compile("plain");
  expect(code).toContain('from "@stepwise/runtime"');
  expect(code).toContain("function* _load(x)");
});

test("the transform's `stepwise` options reach the plugin", () => {
  expect(compile("plain", { stepwise: { runtime: "./my-runtime" } })).toContain('from "./my-runtime"');
});

test("a config that lists the plugin keeps its options, and the file is compiled once", () => {
  const code = compile("own-plugin");
  expect(code).toContain('from "@stepwise/runtime/from-the-project-config"');
  expect(code.match(/function\* /g)).toHaveLength(1);
  expect(code.match(/_stepwiseStart\(/g)).toHaveLength(1);
});
