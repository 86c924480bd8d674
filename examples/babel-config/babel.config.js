// The whole setup: "@stepwise" expands to @stepwise/babel-plugin, which turns every async function
// into one that returns a Stepwise coroutine. The CommonJS transform lets plain `node` run lib/.
module.exports = {
  plugins: ["@stepwise", "@babel/plugin-transform-modules-commonjs"],
};
