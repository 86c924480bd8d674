import type { NodePath, Visitor } from "@babel/core";
import { t } from "./babel-types.js";

/**
 * Visits the function's own parameters and body (not its key, decorators or type annotations):
 * `visitor` runs on the descendants of each parameter and of the body, and `onParam` on each
 * parameter node itself.
 */
export function traverseOwnCode<S>(
  fn: NodePath<t.Function>,
  visitor: Visitor<S>,
  state: S,
  onParam?: (param: NodePath) => void,
): void {
  for (const param of fn.get("params") as NodePath[]) {
    onParam?.(param);
    param.traverse(visitor, state);
  }
  fn.get("body").traverse(visitor, state);
}

/**
 * Stops a traversal of an outer function's own code at a nested function. A nested method's
 * computed key and decorators are evaluated by the outer function (`{ [await k]() {} }` awaits in
 * the outer one), so only its parameters and body are skipped.
 */
export function skipNestedFunction(p: NodePath<t.Function>): void {
  if (p.isMethod()) {
    p.skipKey("params");
    p.skipKey("body");
  } else {
    p.skip();
  }
}

/** Identifier positions that are property names, not bindings or references. */
function isPropertyName(p: NodePath<t.Identifier>): boolean {
  const parent = p.parent;
  if ((t.isMemberExpression(parent) || t.isOptionalMemberExpression(parent)) && p.key === "property") return !parent.computed;
  if (
    (t.isObjectProperty(parent) ||
      t.isObjectMethod(parent) ||
      t.isClassProperty(parent) ||
      t.isClassMethod(parent) ||
      t.isClassAccessorProperty(parent)) &&
    p.key === "key"
  ) {
    return !parent.computed;
  }
  if (t.isMetaProperty(parent)) return true;
  if (t.isPrivateName(parent)) return true; // `#yield` is a private name, allowed in a generator
  return p.parentPath?.isTSType() === true || p.parentPath?.isTSEntityName() === true;
}

function isDirectEval(p: NodePath<t.CallExpression>): boolean {
  return t.isIdentifier(p.node.callee, { name: "eval" }) && !p.scope.getBinding("eval");
}

/**
 * Throws a code-frame error for what the plugin cannot compile correctly in this async
 * function: `yield` as an identifier (the body becomes a generator, where `yield` is a keyword);
 * and, in arrows and methods (whose `super`, `arguments` and `new.target` the plugin rewrites),
 * direct `eval` and `super()`.
 */
interface CheckState {
  fn: NodePath<t.Function>;
  /** Arrows and methods: their `super`, `arguments` and `new.target` are rewritten. */
  rewritesLexicals: boolean;
  kind: string;
}

function checkYield(p: NodePath, state: CheckState): void {
  if (p.isIdentifier({ name: "yield" }) && !isPropertyName(p)) {
    const parent = p.parentPath;
    const label = parent?.isLabeledStatement() || parent?.isBreakStatement() || parent?.isContinueStatement();
    throw p.buildCodeFrameError(
      `\`yield\` is used as ${label ? "a label" : "an identifier"} inside ${state.kind}: @stepwise/babel-plugin compiles the ` +
        "body into a generator, where `yield` is a keyword. Rename it.",
    );
  }
}

// One visitor for every function (Babel prepares a visitor object once, on its first use).
const checkVisitor: Visitor<CheckState> = {
  Function(p, state) {
    // A nested non-arrow function has its own `yield` rules and its own lexical bindings; but a
    // nested declaration's name is bound in this body, where `function yield() {}` is a
    // SyntaxError once the body is a generator.
    if (p.isFunctionDeclaration() && p.node.id) checkYield(p.get("id") as NodePath, state);
    if (!p.isArrowFunctionExpression()) skipNestedFunction(p);
  },
  Identifier(p, state) {
    checkYield(p, state);
  },
  MemberExpression(p, state) {
    // Sloppy `arguments.callee` would be the generator that holds the body, not the function.
    // (In an async arrow, `arguments` is the enclosing function's, which the rewrite keeps
    // right; nested non-arrow functions are not visited, so `arguments` here is `fn`'s.)
    if (
      !state.fn.isArrowFunctionExpression() &&
      !p.node.computed &&
      t.isIdentifier(p.node.property, { name: "callee" }) &&
      t.isIdentifier(p.node.object, { name: "arguments" }) &&
      !p.scope.getBinding("arguments") &&
      !p.isInStrictMode()
    ) {
      throw p.buildCodeFrameError(
        `\`arguments.callee\` inside ${state.kind} is not supported by @stepwise/babel-plugin: the body becomes a ` +
          "generator, so it would name that generator, not the function. Refer to the function by name.",
      );
    }
  },
  CallExpression(p, state) {
    if (state.rewritesLexicals && isDirectEval(p)) {
      throw p.buildCodeFrameError(
        `Direct \`eval(...)\` inside ${state.kind} is not supported by @stepwise/babel-plugin: the evaluated code ` +
          "could not see `super`, `arguments` or `new.target` correctly once the body is a generator. " +
          "Use indirect eval (`(0, eval)(...)`) or a non-async function.",
      );
    }
    if (t.isSuper(p.node.callee)) {
      throw p.buildCodeFrameError(
        `\`super()\` inside ${state.kind} is not supported by @stepwise/babel-plugin. Call \`super()\` in the ` +
          "constructor itself, before creating the async arrow function.",
      );
    }
  },
};

export function assertCompilable(fn: NodePath<t.Function>, mayRefuse = true): void {
  const state: CheckState = {
    fn,
    rewritesLexicals: fn.isArrowFunctionExpression() || fn.isMethod(),
    kind: fn.isArrowFunctionExpression() ? "an async arrow function" : fn.isMethod() ? "an async method" : "an async function",
  };
  // `mayRefuse` false: the file's first walk found none of the names and calls looked for inside
  // `fn`. (What compiling nested functions added there has none either.)
  if (mayRefuse) traverseOwnCode(fn, checkVisitor, state, (param) => checkYield(param, state));
  for (const param of fn.get("params") as NodePath[]) {
    const decorators = (param.node as { decorators?: unknown[] | null }).decorators;
    if (decorators && decorators.length > 0) {
      throw param.buildCodeFrameError(
        "Parameter decorators on an async method are not supported by @stepwise/babel-plugin: the " +
          "parameters move into the generator that holds the body. Apply the decorators' effect by hand.",
      );
    }
  }
}
