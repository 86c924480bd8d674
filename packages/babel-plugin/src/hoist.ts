import { types as t, type NodePath } from "@babel/core";
import { traverseOwnCode } from "./function-checks.js";
import type { LexicalStandIns } from "./rewrite-body.js";

type Scope = NodePath["scope"];

function within(scope: Scope, ancestor: Scope): boolean {
  for (let s: Scope | undefined = scope; s; s = s.parent) if (s === ancestor) return true;
  return false;
}

/** The function whose own `arguments` an identifier at `p` would be. */
function argumentsOwner(p: NodePath): NodePath | null {
  for (let q: NodePath | null = p.parentPath; q; q = q.parentPath) {
    if (q.isFunction() && !q.isArrowFunctionExpression()) return q;
  }
  return null;
}

/**
 * Whether a compiled function's generator can move to the top of the file, and what it must then
 * be passed. A generator function created afresh (one per call of the function around it, per
 * method call, per class instance for a field) makes V8 build a new initial map at its first call,
 * which costs a microsecond or more; a generator declared once costs a few tens of nanoseconds.
 *
 * The generator can move when every binding its body uses from a scope between it and the file
 * is never reassigned: the wrapper then reads those values at each call and passes them as leading
 * parameters. It stays where it is when a binding is reassigned, when the body names a class's
 * private member (`#x` is only visible inside the class), uses its own `arguments` while
 * something must be passed (the extra parameters would show in it), when the code around it
 * could resolve names at run time (`with`, direct `eval` anywhere in the file), or when it would
 * need a "use strict" of its own that its parameters (defaults, patterns, rest) do not allow.
 *
 * Returns the names to pass (possibly none), or null to leave the generator in place. Runs on the
 * function before its body moves, after `await` and the lexical bindings have been rewritten.
 */
export function planHoist(fn: NodePath<t.Function>, lex: LexicalStandIns | null, fileHasDynamicScope: boolean): string[] | null {
  if (fileHasDynamicScope) return null;
  // A generator that gets its own "use strict" (see losesStrictness) must have simple parameters.
  if (losesStrictness(fn) && !fn.node.params.every((param) => t.isIdentifier(param))) return null;
  if (fn.findParent((p) => p.isWithStatement()) !== null) return null;
  const fnScope = fn.scope;
  const program = fnScope.getProgramParent();
  const names = new Set<string>();
  let ok = true;
  let usesArguments = false;
  traverseOwnCode(
    fn,
    {
      PrivateName() {
        ok = false;
      },
      Identifier(p) {
        if (!ok) return;
        // Reads, and the targets of writes (which make a binding non-constant).
        if (!(p.isReferencedIdentifier() || (p as NodePath).isBindingIdentifier())) return;
        const parent = p.parentPath;
        if (parent.isLabeledStatement() || parent.isBreakStatement() || parent.isContinueStatement()) return;
        const name = p.node.name;
        const binding = p.scope.getBinding(name);
        if (binding === undefined) {
          if (name === "arguments" && argumentsOwner(p) === fn) usesArguments = true;
          return;
        }
        if (binding.scope === program) return;
        // A named function expression's own name is bound in its own scope: outside the generator.
        const selfName = binding.kind === "local" && binding.scope === fnScope;
        if (!selfName && within(binding.scope, fnScope)) return;
        if (!binding.constant) {
          ok = false;
          return;
        }
        names.add(name);
      },
    },
    null,
  );
  if (!ok) return null;
  if (lex) {
    for (const id of [lex.arguments, lex.this, lex.newTarget, lex.superGet, lex.superSet]) if (id) names.add(id.name);
  }
  const captures = [...names];
  if (captures.length > 0 && usesArguments) return null;
  // A parameter or top-level declaration of the body with a captured name would see the passed
  // value instead of starting out as its own.
  if (captures.some((name) => fnScope.hasOwnBinding(name) && fnScope.getOwnBinding(name)!.kind !== "local")) return null;
  return captures;
}

/**
 * True when the function is strict code (in a class, a module, or under a "use strict" of an
 * enclosing function) and the top of the file is not: moved there, its generator would run its
 * body as sloppy code (`this` of a plain call becomes the global object, an assignment to an
 * undeclared name makes a global), so the moved generator gets a "use strict" of its own.
 */
export function losesStrictness(fn: NodePath<t.Function>): boolean {
  if (!fn.isInStrictMode()) return false;
  const program = fn.scope.getProgramParent().path as NodePath<t.Program>;
  return !program.isInStrictMode();
}

/**
 * The arguments a wrapper passes its generator: the captured values first, then its own
 * arguments (`base`: `arguments`, or the arrow wrapper's parameters and rest).
 */
export function generatorArgs(captures: string[], base: t.Identifier | (t.Expression | t.SpreadElement)[]): t.Expression {
  if (!Array.isArray(base) && captures.length === 0) return base;
  const own: (t.Expression | t.SpreadElement)[] = Array.isArray(base) ? base : [t.spreadElement(base)];
  return t.arrayExpression([...captures.map((name) => t.identifier(name)), ...own]);
}
