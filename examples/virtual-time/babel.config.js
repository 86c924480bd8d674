module.exports = {
  // preset-env compiles `import`/`export` to CommonJS for Jest and @babel/register; the Stepwise
  // plugin turns every async function into a coroutine (src/poll.js), so its `sleep` runs on the
  // loop's clock. The timer-based modules have no async function: the plugin leaves them as they are.
  presets: [["@babel/preset-env", { targets: { node: "current" } }]],
  plugins: ["@stepwise"],
};
