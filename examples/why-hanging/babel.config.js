module.exports = {
  // preset-env compiles `import`/`export` to CommonJS for Jest and @babel/register; the Stepwise
  // plugin turns every async function into a coroutine, so a loop decides the order things run in.
  presets: [["@babel/preset-env", { targets: { node: "current" } }]],
  plugins: ["@stepwise"],
};
