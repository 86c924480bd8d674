// The real code the plugin-speed case compiles: Jest's own packages as installed from the lock
// (node_modules/jest-* and node_modules/@jest/*, their build/ output), every file there that holds
// at least one async function. --quick takes @jest/core alone.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";

const require = createRequire(import.meta.url);
const { nativeAsyncLeft } = require("./logic/native-left.cjs");

function jsFilesUnder(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules") files.push(...jsFilesUnder(path));
    } else if (/\.(c|m)?js$/.test(entry.name)) files.push(path);
  }
  return files;
}

/** Counts of the async constructs in `code`. */
export function countAsync(code, filename) {
  const found = nativeAsyncLeft(code, filename);
  return { asyncFunctions: found.filter((x) => x.kind === "async function").length, other: found.filter((x) => x.kind !== "async function").length };
}

/** { source, version, packages, files: [{ package, path, bytes, asyncFunctions }], bytes, asyncFunctions, asyncGeneratorsAndForAwait } */
export function findCorpus(root, mode) {
  const modules = join(root, "node_modules");
  const packages =
    mode === "quick"
      ? ["@jest/core"]
      : [
          ...readdirSync(modules).filter((d) => d.startsWith("jest")),
          ...readdirSync(join(modules, "@jest")).map((d) => `@jest/${d}`),
        ].sort();
  const files = [];
  let other = 0;
  for (const pkg of packages) {
    const build = join(modules, pkg, "build");
    if (!existsSync(build)) continue;
    for (const path of jsFilesUnder(build)) {
      const code = readFileSync(path, "utf8");
      if (!code.includes("async")) continue;
      const counts = countAsync(code, path);
      if (counts.asyncFunctions === 0) continue;
      other += counts.other;
      files.push({ package: pkg, path: relative(root, path), bytes: code.length, asyncFunctions: counts.asyncFunctions });
    }
  }
  if (files.length === 0) throw new Error(`no Jest files with async functions under ${modules}: run npm ci first`);
  const version = JSON.parse(readFileSync(join(modules, "jest", "package.json"), "utf8")).version;
  return {
    source: mode === "quick" ? "@jest/core" : "Jest's packages (jest-*, @jest/*)",
    version,
    packages: new Set(files.map((f) => f.package)).size,
    files,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    asyncFunctions: files.reduce((s, f) => s + f.asyncFunctions, 0),
    asyncGeneratorsAndForAwait: other,
  };
}
