// Finds what a compile left as native async code: async functions, async generators and
// `for await` loops still in the output. The Stepwise plugin leaves async generators and `for await`
// native until it supports them, so a case over them must say "not compiled yet" instead of timing
// native code under Stepwise's name; once the plugin compiles them this finds nothing and the case
// is measured. It parses the code, so comments and strings that mention them do not count.
"use strict";

function functionName(path) {
  const { node } = path;
  if (node.id) return node.id.name;
  if (node.key && node.key.type === "Identifier") return node.key.name;
  const parent = path.parent;
  if (parent.type === "VariableDeclarator" && parent.id.type === "Identifier") return parent.id.name;
  return "(anonymous)";
}

/** [{ kind: "async function" | "async generator" | "for await", name, line }] in source order. */
function nativeAsyncLeft(code, filename = "compiled.js") {
  const { parseSync, traverse } = require("@babel/core"); // here, so that timing workers never load Babel
  const ast = parseSync(code, { filename, configFile: false, babelrc: false, sourceType: "unambiguous" });
  const found = [];
  traverse(ast, {
    Function(path) {
      if (!path.node.async) return;
      found.push({ kind: path.node.generator ? "async generator" : "async function", name: functionName(path), line: path.node.loc.start.line });
    },
    ForOfStatement(path) {
      if (!path.node.await) return;
      const owner = path.getFunctionParent();
      found.push({ kind: "for await", name: owner ? functionName(owner) : "(module)", line: path.node.loc.start.line });
    },
  });
  return found.sort((a, b) => a.line - b.line);
}

/** "async generator values (line 3), for await in sumValues (line 6)" */
function describeLeft(left) {
  return left.map((x) => (x.kind === "for await" ? `for await in ${x.name} (line ${x.line})` : `${x.kind} ${x.name} (line ${x.line})`)).join(", ");
}

/**
 * Whether a variant of a case can be measured, given what its build left native (`left`, from
 * nativeAsyncLeft): { status: "measured" } or { status: "not compiled", reason }. The native build
 * leaves everything native by definition. A Stepwise build of a case over constructs the plugin
 * does not support yet (`pendingStepwiseSupport`) is "not compiled"; any other leftover means the
 * build is broken, and throws.
 */
function buildStatus({ build, left, pendingStepwiseSupport = false, workload }) {
  if (build === null || build === "native" || left.length === 0) return { status: "measured" };
  if (pendingStepwiseSupport && build === "stepwise") return { status: "not compiled", reason: `the output still holds ${describeLeft(left)}` };
  throw new Error(`the ${build} build of workloads/${workload}.js left ${describeLeft(left)} native: it is broken (see bench/.out/compiled/)`);
}

module.exports = { nativeAsyncLeft, describeLeft, buildStatus };
