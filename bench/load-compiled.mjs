// Evaluates a compiled workload (CommonJS) in a worker, without loading Babel there.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The module's exports; `@stepwise/runtime` maps to the runtime instance given. */
export function loadCompiled(code, filename, runtime) {
  const module = { exports: {} };
  const req = (id) => (id === "@stepwise/runtime" ? runtime : require(id));
  new Function("require", "module", "exports", `${code}\n//# sourceURL=${filename}`)(req, module, module.exports);
  return module.exports;
}
