// Compiles one workload source three ways, all to CommonJS so every variant is loaded the same way:
//   native   - async/await left as is
//   babel    - @babel/plugin-transform-async-to-generator (helpers injected inline)
//   stepwise - @stepwise/babel-plugin (helpers required from @stepwise/runtime)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { transformSync } from "@babel/core";

const require = createRequire(import.meta.url);
const plugin = (name) => require.resolve(name);
const COMMONJS = plugin("@babel/plugin-transform-modules-commonjs");

export const PLUGINS = {
  native: [COMMONJS],
  babel: [plugin("@babel/plugin-transform-async-to-generator"), COMMONJS],
  stepwise: [plugin("@stepwise/babel-plugin"), COMMONJS],
};

/** { native, babel, stepwise }: the CommonJS code of `file` compiled each way. */
export function compileWorkload(file) {
  const source = readFileSync(file, "utf8");
  const out = {};
  for (const [variant, plugins] of Object.entries(PLUGINS)) {
    out[variant] = transformSync(source, {
      filename: file,
      configFile: false, // the repo's babel.config.js (preset-env, TypeScript) must not apply
      babelrc: false,
      sourceType: "module",
      plugins,
    }).code;
  }
  return out;
}

/** Evaluates compiled CommonJS code; `@stepwise/runtime` maps to the runtime instance given. */
export function loadCompiled(code, filename, runtime) {
  const module = { exports: {} };
  const req = (id) => (id === "@stepwise/runtime" ? runtime : require(id));
  new Function("require", "module", "exports", `${code}\n//# sourceURL=${filename}`)(req, module, module.exports);
  return module.exports;
}
