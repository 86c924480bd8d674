import type { NodePath } from "@babel/core";
import { t } from "./babel-types.js";
import { skipNestedFunction, traverseOwnCode } from "./function-checks.js";
import { setMissingLoc } from "./location.js";
import { generateUid } from "./uid.js";
import type { RuntimeImports } from "./runtime-imports.js";

/**
 * Rewrites each `for await` of the function's own body into a plain loop over the async iterator
 * with `await`s (which become yields next), so it runs on the coroutine like any other await.
 * Runs before `await` becomes `yield`; inner loops are rewritten first.
 */
export function lowerForAwait(fn: NodePath<t.Function>, imports: RuntimeImports, eager: boolean): void {
  traverseOwnCode(
    fn,
    {
      Function: skipNestedFunction,
      ForOfStatement: {
        exit(p) {
          if (p.node.await) lowerOne(p, imports, eager);
        },
      },
    },
    null,
  );
}

/**
 * `label: for await (LEFT of RIGHT) BODY` →
 * ```
 * {
 *   const _iterator = _stepwiseAsyncIterator(RIGHT), _next = _iterator.next;
 *   let _step, _active = false;
 *   try {
 *     label: for (; !(_step = _stepwiseIterResult(await _next.call(_iterator))).done; _active = false) {
 *       _active = true;
 *       LEFT = _step.value;
 *       BODY
 *     }
 *   } catch (_error) {
 *     if (_active) { _active = false; await _stepwiseAsyncClose(_iterator, true); }
 *     throw _error;
 *   } finally {
 *     if (_active) await _stepwiseAsyncClose(_iterator, false);
 *   }
 * }
 * ```
 * `_active` is true while the body (with LEFT's binding or destructuring) runs: leaving it early
 * by `break`, `return`, `throw` or a jump to an outer label closes the iterator, as the spec's
 * AsyncIteratorClose; an error from the iterator's own `next()` does not. `_next` is read once,
 * as GetIterator caches the next method.
 */
function lowerOne(p: NodePath<t.ForOfStatement>, imports: RuntimeImports, eager: boolean): void {
  const { left, right, body } = p.node;
  if (t.isVariableDeclaration(left) && (left.kind === "using" || left.kind === "await using")) {
    throw p.get("left").buildCodeFrameError(
      `\`for await (${left.kind} … of …)\` is not supported by @stepwise/babel-plugin yet: declare the resource inside the loop body.`,
    );
  }
  const scope = p.scope;
  const iterator = generateUid(scope, "iterator");
  const next = generateUid(scope, "next");
  const step = generateUid(scope, "step");
  const active = generateUid(scope, "active");
  const error = generateUid(scope, "error");
  const id = (x: t.Identifier): t.Identifier => t.cloneNode(x);
  const helper = (name: Parameters<RuntimeImports["get"]>[0], args: t.Expression[]): t.CallExpression =>
    t.callExpression(imports.get(name), args);
  const setActive = (on: boolean): t.ExpressionStatement =>
    t.expressionStatement(t.assignmentExpression("=", id(active), t.booleanLiteral(on)));
  const close = (quiet: boolean): t.ExpressionStatement =>
    t.expressionStatement(t.awaitExpression(helper("_stepwiseAsyncClose", [id(iterator), t.booleanLiteral(quiet)])));

  const value = t.memberExpression(id(step), t.identifier("value"));
  const bind: t.Statement = t.isVariableDeclaration(left)
    ? t.variableDeclaration(left.kind, [t.variableDeclarator(left.declarations[0]!.id, value)])
    : t.expressionStatement(t.assignmentExpression("=", left as t.LVal, value));
  bind.loc = left.loc ?? null;

  const stepped = t.assignmentExpression(
    "=",
    id(step),
    helper("_stepwiseIterResult", [t.awaitExpression(t.callExpression(t.memberExpression(id(next), t.identifier("call")), [id(iterator)]))]),
  );
  let loop: t.Statement = t.forStatement(
    null,
    t.unaryExpression("!", t.memberExpression(stepped, t.identifier("done"))),
    t.assignmentExpression("=", id(active), t.booleanLiteral(false)),
    t.blockStatement([setActive(true), bind, body]),
  );

  // Labels move onto the new loop, so `continue label` still names an iteration statement.
  let target: NodePath = p;
  const labels: t.Identifier[] = [];
  while (target.parentPath?.isLabeledStatement()) {
    target = target.parentPath;
    labels.unshift((target.node as t.LabeledStatement).label);
  }
  for (let i = labels.length - 1; i >= 0; i--) loop = t.labeledStatement(labels[i]!, loop);

  const iteratorArgs: t.Expression[] = eager ? [right, t.booleanLiteral(true)] : [right];
  const replacement = t.blockStatement([
    t.variableDeclaration("const", [
      t.variableDeclarator(iterator, helper("_stepwiseAsyncIterator", iteratorArgs)),
      t.variableDeclarator(next, t.memberExpression(id(iterator), t.identifier("next"))),
    ]),
    t.variableDeclaration("let", [t.variableDeclarator(step), t.variableDeclarator(active, t.booleanLiteral(false))]),
    t.tryStatement(
      t.blockStatement([loop]),
      t.catchClause(
        error,
        t.blockStatement([
          t.ifStatement(id(active), t.blockStatement([setActive(false), close(true)])),
          t.throwStatement(id(error)),
        ]),
      ),
      t.blockStatement([t.ifStatement(id(active), close(false))]),
    ),
  ]);
  setMissingLoc(replacement, p.node.loc);
  // Put in place node by node, not with replaceWith: that would make Babel create the new block's
  // scope now and crawl everything in it, inner loops (lowered already) included, once per loop
  // around them (for await nested n deep: n³ time). Nothing here visits the new nodes again.
  (target.container as unknown as Record<string | number, t.Node>)[target.key as string | number] = replacement;
}
