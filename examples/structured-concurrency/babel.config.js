module.exports = {
  presets: [["@babel/preset-env", { targets: { node: "current" } }], "@babel/preset-typescript"],
  // Every async function in src/ and test/ becomes a coroutine, so the crawler runs on whichever
  // loop drives it: a TestLoop's virtual clock in the tests, a real loop in `npm start`.
  plugins: ["@stepwise"],
};
