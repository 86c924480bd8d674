import type { NodePath } from "@babel/core";
import { t } from "./babel-types.js";
import { skipNestedFunction, traverseOwnCode } from "./function-checks.js";
import type { RuntimeImports } from "./runtime-imports.js";

/**
 * The parts of an `async function*` body that mean something else once it is a plain generator
 * whose `yield` is an await: `yield v` → `yield _stepwiseYield(v)`, `yield* x` →
 * `yield* _stepwiseYieldStar(x)`, `return v` → `return yield _stepwiseReturn(v)` (an async
 * generator awaits what it returns, inside its own `try`). Runs before `await` becomes `yield`.
 */
export function rewriteGeneratorBody(fn: NodePath<t.Function>, imports: RuntimeImports, eager: boolean): void {
  const yields: t.YieldExpression[] = [];
  const returns: t.ReturnStatement[] = [];
  traverseOwnCode(
    fn,
    {
      Function: skipNestedFunction,
      YieldExpression(p) {
        yields.push(p.node);
      },
      ReturnStatement(p) {
        if (p.node.argument) returns.push(p.node);
      },
    },
    null,
  );
  // The nodes are changed in place after the walk, so no new `yield` is visited as an original one.
  for (const node of yields) {
    const operand = node.argument ?? t.identifier("undefined");
    node.argument = node.delegate
      ? t.callExpression(imports.get("_stepwiseYieldStar"), eager ? [operand, t.booleanLiteral(true)] : [operand])
      : t.callExpression(imports.get("_stepwiseYield"), [operand]);
    node.argument.loc = operand.loc ?? node.loc ?? null;
  }
  for (const node of returns) {
    const operand = node.argument!;
    const awaited = t.yieldExpression(t.callExpression(imports.get("_stepwiseReturn"), [operand]));
    awaited.loc = operand.loc ?? node.loc ?? null;
    node.argument = awaited;
  }
}
