import * as core from "@babel/core";

/**
 * `@babel/core`'s `types`, read once. Every module uses `t` in its hottest loops, and in the
 * CommonJS build `import { types as t }` makes each `t.x` a read of a getter on `@babel/core`'s
 * exports, which calls a function: a measurable share of the plugin's time. (An alias of the
 * namespace, not a `const`, so `t.Node` and the other types still read as `t.…`.)
 */
export import t = core.types;
