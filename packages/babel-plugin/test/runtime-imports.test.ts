// How compiled code loads its helpers: matching the file, so the output still runs where the input did.
import { compile } from "./helpers";

const source = "async function f() { await g(); }\nglobalThis.f = f;";

test("an ES module imports the helpers", () => {
  expect(compile(`import { g } from "./g";\n${source}`)).toMatch(/^import \{ _stepwiseStart, _stepwiseMark \} from "@stepwise\/runtime";/);
});

test("a .cjs file parsed as a module (Babel's default) requires them, with no import that would make it ESM", () => {
  const out = compile(source, {}, { filename: "/virtual/src/input.cjs" });
  expect(out).toContain('var _stepwiseStart = require("@stepwise/runtime")._stepwiseStart;');
  expect(out).not.toMatch(/^import /m);
});

test("a file that uses require and module.exports requires them", () => {
  const out = compile(`const { g } = require("./g");\nasync function f() { await g(); }\nmodule.exports = f;`);
  expect(out).toContain('require("@stepwise/runtime")._stepwiseMark');
  expect(out).not.toMatch(/^import /m);
});

test("the runtime option names the module in either form", () => {
  expect(compile(source, { runtime: "my-runtime" }, { filename: "/virtual/src/input.cjs" })).toContain('require("my-runtime")');
  expect(compile(source, { runtime: "my-runtime" })).toContain('from "my-runtime"');
});
