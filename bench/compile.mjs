// Compiles one workload source three ways, all to CommonJS so every variant is loaded the same way:
//   native   - async/await left as is
//   babel    - Babel's own async transforms: async-to-generator, plus async-generator-functions
//              (it only touches async generators and `for await`, which async-to-generator alone
//              would turn into invalid code); helpers injected inline
//   stepwise - @stepwise/babel-plugin (helpers required from @stepwise/runtime)
// and records, for each, the async constructs the compile left native (logic/native-left.cjs).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { transformSync } from "@babel/core";

const require = createRequire(import.meta.url);
const { nativeAsyncLeft } = require("./logic/native-left.cjs");
const plugin = (name) => require.resolve(name);
const COMMONJS = plugin("@babel/plugin-transform-modules-commonjs");

export const BUILDS = {
  native: [COMMONJS],
  babel: [plugin("@babel/plugin-transform-async-generator-functions"), plugin("@babel/plugin-transform-async-to-generator"), COMMONJS],
  stepwise: [plugin("@stepwise/babel-plugin"), COMMONJS],
};

/** { code: { native, babel, stepwise }, left: { native, babel, stepwise } } for `file`. */
export function compileWorkload(file) {
  const source = readFileSync(file, "utf8");
  const code = {};
  const left = {};
  for (const [build, plugins] of Object.entries(BUILDS)) {
    code[build] = transformSync(source, {
      filename: file,
      configFile: false, // the repo's babel.config.js (preset-env, TypeScript) must not apply
      babelrc: false,
      sourceType: "module",
      plugins,
    }).code;
    left[build] = nativeAsyncLeft(code[build], `${file}.${build}.cjs`);
  }
  return { code, left };
}
