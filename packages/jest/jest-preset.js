// preset: "@stepwise/jest" — test files and the code they load are compiled with the project's
// Babel config plus @stepwise/babel-plugin, and every test gets a fresh TestLoop and the matchers.
module.exports = {
  transform: { "\\.[cm]?[jt]sx?$": require.resolve("./dist/cjs/transform.js") },
  setupFilesAfterEnv: [require.resolve("./dist/cjs/setup.js")],
};
