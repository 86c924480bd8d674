// Builds each package to ESM (dist/esm), CommonJS (dist/cjs) and type declarations (dist/types)
// with tsc, then marks each output folder with its module kind so Node reads it right.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const tsc = join(require.resolve("typescript/package.json"), "..", "bin", "tsc");
const root = new URL("..", import.meta.url).pathname;

for (const pkg of ["runtime", "babel-plugin", "jest"]) {
  const dir = join(root, "packages", pkg);
  rmSync(join(dir, "dist"), { recursive: true, force: true });
  for (const config of ["tsconfig.json", "tsconfig.cjs.json"]) {
    execFileSync(process.execPath, [tsc, "-p", join(dir, config)], { stdio: "inherit" });
  }
  for (const [folder, type] of [["esm", "module"], ["cjs", "commonjs"]]) {
    mkdirSync(join(dir, "dist", folder), { recursive: true });
    writeFileSync(join(dir, "dist", folder, "package.json"), JSON.stringify({ type }) + "\n");
  }
  console.log(`built @stepwise/${pkg}`);
}
