const path = require("path");

module.exports = {
  displayName: "example: structured-concurrency",
  rootDir: __dirname,
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  testEnvironment: "node",
  transform: { "\\.[jt]sx?$": ["babel-jest", { configFile: path.join(__dirname, "babel.config.js") }] },
};
