const path = require("path");

module.exports = {
  displayName: "example: virtual-time",
  rootDir: __dirname,
  testMatch: ["<rootDir>/test/**/*.test.js"],
  testEnvironment: "node",
  transform: { "\\.[jt]sx?$": ["babel-jest", { configFile: path.join(__dirname, "babel.config.js") }] },
};
