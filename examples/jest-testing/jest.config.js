const path = require("path");

module.exports = {
  displayName: "example: jest-testing",
  rootDir: __dirname,
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  testEnvironment: "node",
  transform: { "\\.[jt]sx?$": ["babel-jest", { configFile: path.join(__dirname, "babel.config.js") }] },
};
