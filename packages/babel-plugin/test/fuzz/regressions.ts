// Regression fixtures: each failure the fuzzer found, shrunk, as a standalone program
// (regressions/*.js). `npm test` replays every one natively and compiled under the same rule.
import { readdirSync, readFileSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "@babel/core";

export const REGRESSIONS_DIR = join(__dirname, "regressions");

export interface Regression {
  name: string;
  source: string;
}

export function loadRegressions(dir = REGRESSIONS_DIR): Regression[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".js"))
    .sort()
    .map((f) => ({ name: `regression-${f.slice(0, -3)}`, source: readFileSync(join(dir, f), "utf8") }));
}

/** The program reprinted by Babel (no plugin): the generator's indentation is rough. */
export function reprint(source: string): string {
  const result = transformSync(source, { configFile: false, babelrc: false, sourceType: "script", compact: false });
  return result?.code ?? source;
}

/** Writes `seed<seed>-run<index>.js` with a header saying how it was found; returns the file. */
export function saveRegression(dir: string, found: { seed: number; path: string; source: string; problems: string[] }): string {
  mkdirSync(dir, { recursive: true });
  const run = found.path.split(":")[0]!;
  const file = join(dir, `seed${found.seed}-run${run}.js`);
  const header = [
    `// Found by the fuzzer (packages/babel-plugin/test/fuzz): seed ${found.seed}, run ${run}, shrunk to path "${found.path}";`,
    `// \`npm run fuzz -- --seed=${found.seed} --only=${run}\` generates and shrinks it again (with the generator of its commit).`,
    "// What differed between the native run and the compiled (eager) run when it was found:",
    ...found.problems.map((p) => `//   ${p}`),
    "",
  ].join("\n");
  writeFileSync(file, `${header}${reprint(found.source)}\n`);
  return file;
}
