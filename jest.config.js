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

const fs = require("fs");
const path = require("path");

// Each example is a project of its own with its own jest config, run with the rest.
const examples = fs
  .readdirSync(path.join(__dirname, "examples"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(__dirname, "examples", d.name, "jest.config.js")))
  .map((d) => `<rootDir>/examples/${d.name}`);

module.exports = {
  reporters: ["default", "<rootDir>/scripts/summary-reporter.js"],
  projects: [pkgProject("runtime"), pkgProject("babel-plugin"), ...examples],
};
