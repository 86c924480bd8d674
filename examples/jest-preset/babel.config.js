// The project's ordinary Babel config: no Stepwise plugin. The Jest preset adds it for the tests
// and the code they load; `npm start` runs the same code with native async functions.
module.exports = {
  presets: [["@babel/preset-env", { targets: { node: "current" } }], "@babel/preset-typescript"],
};
