import type { NodePath } from "@babel/core";
import { t } from "./babel-types.js";
import { skipNestedFunction, traverseOwnCode } from "./function-checks.js";
import type { LexicalStandIns } from "./rewrite-body.js";

type Scope = NodePath["scope"];
type Binding = NonNullable<ReturnType<Scope["getBinding"]>>;

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

/** Whether `fn` uses its own `arguments` (directly or in a nested arrow). */
function usesOwnArguments(fn: NodePath<t.Function>): boolean {
  let found = false;
  traverseOwnCode(
    fn,
    {
      Function(p) {
        if (!p.isArrowFunctionExpression()) skipNestedFunction(p);
      },
      Identifier(p) {
        if (p.node.name === "arguments" && !p.scope.getBinding("arguments")) found = true;
      },
    },
    null,
  );
  return found;
}

/**
 * Whether `p` (a function, or a reference to one) can only be evaluated after source position
 * `end` in the scope of `scope`: it comes later in the source, and every function declaration
 * around it in that scope (which could be called earlier, being hoisted) is itself only
 * referenced later. `seen` breaks cycles of declarations referring to each other.
 */
function evaluatedAfter(p: NodePath, end: number, scope: NodePath, seen: Set<t.Node>): boolean {
  if (p.node.start == null || p.node.start < end) return false;
  for (let q: NodePath | null = p; q && q !== scope; q = q.parentPath) {
    if (q.isFunctionDeclaration() && !declarationEvaluatedAfter(q, end, scope, seen)) return false;
  }
  return true;
}

function declarationEvaluatedAfter(fn: NodePath<t.FunctionDeclaration>, end: number, scope: NodePath, seen: Set<t.Node>): boolean {
  if (seen.has(fn.node)) return false;
  seen.add(fn.node);
  const id = fn.node.id;
  const binding = id ? fn.parentPath.scope.getBinding(id.name) : undefined;
  if (!binding || !binding.constant || binding.path.node !== fn.node) return false;
  return binding.referencePaths.every((r) => evaluatedAfter(r, end, scope, seen));
}

/** Whether `fn` is inside the body of class `cls`, not in a computed key or its `extends`. */
function inClassElements(fn: NodePath, cls: NodePath): boolean {
  for (let q: NodePath | null = fn; q && q !== cls; q = q.parentPath) {
    if (q.key === "key" && (q.parent as { computed?: boolean }).computed) return false;
    if (q.key === "superClass") return false;
  }
  return true;
}

/**
 * Whether reading `binding` when `fn` is called gives what the body would read whenever it runs
 * (a moved generator gets it by value at the call). Not when the call can come before the
 * binding is initialized: a `let`/`const`/class read in its temporal dead zone throws at the call
 * where the body would have thrown later, or not at all, and a `var` read before its
 * initializer gives `undefined`. Not for a parameter of a sloppy-mode function with simple
 * parameters that uses `arguments`: `arguments[0] = x` changes the parameter without assigning
 * to it.
 */
function readableAtCall(binding: Binding, fn: NodePath<t.Function>): boolean {
  const decl = binding.path;
  switch (binding.kind) {
    case "hoisted":
      return true;
    case "param": {
      const owner = binding.scope.path;
      if (!owner.isFunction()) return false;
      const body = owner.node.body;
      if (fn.node.start == null || body.start == null || fn.node.start < body.start) return false;
      const simple = owner.node.params.every((param) => t.isIdentifier(param));
      return owner.isInStrictMode() || !simple || !usesOwnArguments(owner);
    }
    case "local":
      // A named function or class expression's own name, bound before its body can run.
      if (decl.isFunctionExpression()) return true;
      return decl.isClassExpression() && inClassElements(fn, decl);
    case "let":
    case "const":
    case "var": {
      // A class's methods and fields run once it is defined, when its name is bound.
      if (decl.isClassDeclaration() && decl.isAncestor(fn)) return inClassElements(fn, decl);
      // A switch's cases share one scope, and a case can be entered past a declaration.
      if (decl.findParent((q) => q.isSwitchCase() || q === binding.scope.path)?.isSwitchCase()) return false;
      if (decl.node.end == null) return false;
      const created = fn.isFunctionDeclaration()
        ? declarationEvaluatedAfter(fn, decl.node.end, binding.scope.path, new Set())
        : evaluatedAfter(fn, decl.node.end, binding.scope.path, new Set());
      return created;
    }
    default:
      return false;
  }
}

/**
 * Whether a compiled function's generator can move to the top of the file, and what it must then
 * be passed. A generator function created afresh (one per call of the function around it, per
 * method call, per class instance for a field) makes V8 build a new initial map at its first call,
 * which costs a microsecond or more; a generator declared once costs a few tens of nanoseconds.
 *
 * The generator can move when every binding its body uses from a scope between it and the file
 * is never reassigned and already holds its value whenever the function can be called (see
 * readableAtCall): the wrapper then reads those values at each call and passes them as leading
 * parameters. It stays where it is when a binding is reassigned or may not be set yet at a call,
 * when the body names a class's private member (`#x` is only visible inside the class), uses its
 * own `arguments` while something must be passed (the extra parameters would show in it), when
 * the caller says so (`mustStay`: the code around it could resolve names at run time, with `with`
 * or a direct `eval` anywhere in the file; or its body holds a generator not inserted yet, whose
 * names this traversal cannot see), or when it would need a "use strict" of its own that its
 * parameters (defaults, patterns, rest) do not allow.
 *
 * Returns the names to pass (possibly none), or null to leave the generator in place. Runs on the
 * function before its body moves, after `await` and the lexical bindings have been rewritten.
 */
export function planHoist(fn: NodePath<t.Function>, lex: LexicalStandIns | null, mustStay: boolean): string[] | null {
  if (mustStay) return null;
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
      // A JSX tag names a binding too (`<Comp />`, `<ns.Comp />`): it is a reference to it.
      "Identifier|JSXIdentifier"(path) {
        const p = path as NodePath<t.Identifier | t.JSXIdentifier>;
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
        if (!binding.constant || !readableAtCall(binding, fn)) {
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
