// Used by babel-jest to run this repository's own TypeScript sources and tests.
// The examples carry their own babel.config.js, as a user's project would.
module.exports = {
  presets: [
    ["@babel/preset-env", { targets: { node: "current" } }],
    ["@babel/preset-typescript", { allowDeclareFields: true }],
  ],
};
