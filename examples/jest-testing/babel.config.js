module.exports = {
  presets: [["@babel/preset-env", { targets: { node: "current" } }], "@babel/preset-typescript"],
  // Runs first (at Program entry), so every async function in src/ and test/ becomes a coroutine.
  plugins: ["@stepwise"],
};
