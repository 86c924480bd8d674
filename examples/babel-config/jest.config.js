const path = require("path");

module.exports = {
  displayName: "example: babel-config",
  rootDir: __dirname,
  testMatch: ["<rootDir>/test/**/*.test.js"],
  testEnvironment: "node",
  // Tests go through babel-jest with this project's own babel.config.js (plugin included).
  transform: { "\\.[jt]sx?$": ["babel-jest", { configFile: path.join(__dirname, "babel.config.js") }] },
  // lib/ is what @babel/cli wrote: load it exactly as written, not compiled a second time.
  transformIgnorePatterns: ["/node_modules/", "<rootDir>/lib/"],
};
