module.exports = {
  // preset-env compiles `import`/`export` to CommonJS for Jest and @babel/register; the Stepwise
  // plugin rewrites every async function before any preset sees it.
  presets: [["@babel/preset-env", { targets: { node: "current" } }]],
  plugins: ["@stepwise"],
};
