// `plugins: ["@stepwise"]` in a Babel config loads this package's build (run `npm run build` first;
// `npm test` does).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "@babel/core";

const repoRoot = join(__dirname, "..", "..", "..");

test("the built CommonJS entry exists where package.json says", () => {
  expect(existsSync(join(__dirname, "..", "dist", "cjs", "index.js"))).toBe(true);
});

test.each([["@stepwise"], ["@stepwise/babel-plugin"]])("plugins: [%p] resolves to @stepwise/babel-plugin", (name) => {
  const result = transformSync("export async function f() { await 1; }", {
    configFile: false,
    babelrc: false,
    cwd: repoRoot,
    filename: join(repoRoot, "src", "f.js"),
    plugins: [name],
  });
  expect(result?.code).toContain(`import { _stepwiseStart, _stepwiseMark } from "@stepwise/runtime";`);
  expect(result?.code).toContain(`return _stepwiseStart(_f.apply(this, arguments), "f", "src/f.js:1:7");`);
});

test("options reach the plugin loaded by name", () => {
  const result = transformSync("async function f() {}", {
    configFile: false,
    babelrc: false,
    cwd: repoRoot,
    filename: join(repoRoot, "f.js"),
    plugins: [["@stepwise", { runtime: "custom-runtime" }]],
  });
  expect(result?.code).toContain(`from "custom-runtime"`);
});
