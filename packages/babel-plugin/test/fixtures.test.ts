// Babel-style fixture tests: each folder under fixtures/ holds input.js, the expected output.js,
// and optionally options.json ({ "sourceType": "script" | "module", "pluginOptions": {...},
// "typescript": true to parse input.js as TypeScript }).
// Regenerate outputs with UPDATE_FIXTURES=1, then read every changed output.js before keeping it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "@babel/core";
import stepwise, { type PluginOptions } from "../src/index";

const root = join(__dirname, "fixtures");
const update = process.env.UPDATE_FIXTURES === "1";

interface FixtureOptions {
  sourceType: "module" | "script";
  typescript: boolean;
  pluginOptions: PluginOptions;
}

function readOptions(dir: string): FixtureOptions {
  const file = join(dir, "options.json");
  const parsed: unknown = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  if (typeof parsed !== "object" || parsed === null) throw new Error(`${file}: expected an object`);
  const { sourceType = "module", pluginOptions = {}, typescript = false, ...rest } = parsed as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw new Error(`${file}: unknown keys ${Object.keys(rest).join(", ")}`);
  if (sourceType !== "module" && sourceType !== "script") throw new Error(`${file}: bad sourceType`);
  if (typeof pluginOptions !== "object" || pluginOptions === null) throw new Error(`${file}: bad pluginOptions`);
  if (typeof typescript !== "boolean") throw new Error(`${file}: bad typescript`);
  return { sourceType, typescript, pluginOptions: pluginOptions as PluginOptions };
}

function compileFixture(name: string): string {
  const dir = join(root, name);
  const { sourceType, pluginOptions, typescript } = readOptions(dir);
  const result = transformSync(readFileSync(join(dir, "input.js"), "utf8"), {
    configFile: false,
    babelrc: false,
    // Locations in the output are relative to the fixtures folder: "<name>/input.js:LINE:COL".
    cwd: root,
    root,
    filename: join(dir, "input.js"),
    sourceType,
    parserOpts: { plugins: typescript ? ["typescript"] : [] },
    plugins: [[stepwise, pluginOptions]],
  });
  if (!result || typeof result.code !== "string") throw new Error(`${name}: Babel returned no code`);
  return result.code.trim();
}

const names = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

test("there are fixtures", () => {
  expect(names.length).toBeGreaterThan(20);
});

describe.each(names)("fixture %s", (name) => {
  test("compiles to output.js", () => {
    const actual = compileFixture(name);
    const outputFile = join(root, name, "output.js");
    if (update || !existsSync(outputFile)) {
      // A missing output is written, and the test still fails, so it is read before it is trusted.
      writeFileSync(outputFile, actual + "\n");
      if (!update) throw new Error(`${name}: output.js was missing; wrote it, read it, then rerun`);
    }
    expect(actual).toBe(readFileSync(outputFile, "utf8").trim());
  });
});
