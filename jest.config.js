const pkgProject = (dir) => ({
  displayName: dir,
  rootDir: `<rootDir>/packages/${dir}`,
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  transform: { "\\.[jt]sx?$": ["babel-jest", { rootMode: "upward" }] },
  moduleNameMapper: {
    "^@stepwise/runtime$": "<rootDir>/../runtime/src/index.ts",
    "^(\\.{1,2}/.*)\\.js$": "$1",
  },
});

// @stepwise/jest's own tests go through its built transform (the plugin on top of the root Babel
// config) and its setup file from source, so that they share one copy of the package with the tests.
const jestPkgProject = () => {
  const base = pkgProject("jest");
  return {
    ...base,
    transform: { "\\.[jt]sx?$": ["<rootDir>/dist/cjs/transform.js", { rootMode: "upward" }] },
    setupFilesAfterEnv: ["<rootDir>/src/setup.ts"],
    moduleNameMapper: { "^@stepwise/jest$": "<rootDir>/src/index.ts", ...base.moduleNameMapper },
  };
};

// The bench's pure logic (statistics, goals, "not compiled yet" detection, depth search): no timing.
const benchProject = () => ({
  displayName: "bench",
  rootDir: "<rootDir>/bench",
  testMatch: ["<rootDir>/test/**/*.test.js"],
  transform: { "\\.[jt]sx?$": ["babel-jest", { rootMode: "upward" }] },
});

const fs = require("fs");
const path = require("path");

// Each example is a project of its own with its own jest config, run with the rest.
const examples = fs
  .readdirSync(path.join(__dirname, "examples"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(__dirname, "examples", d.name, "jest.config.js")))
  .map((d) => `<rootDir>/examples/${d.name}`);

module.exports = {
  reporters: ["default", "<rootDir>/scripts/summary-reporter.js"],
  projects: [pkgProject("runtime"), pkgProject("babel-plugin"), jestPkgProject(), benchProject(), ...examples],
};
