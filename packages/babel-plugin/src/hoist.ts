import type { NodePath } from "@babel/core";
import { t } from "./babel-types.js";
import { skipNestedFunction, traverseOwnCode } from "./function-checks.js";
import type { LexicalStandIns } from "./rewrite-body.js";
import type { FileIndex } from "./async-index.js";

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
 * the code around it could resolve names at run time (`with` or a direct `eval` anywhere in the
 * file), when its body names a TypeScript enum or namespace declared below the top of the file
 * (Babel's scopes have no binding for one: `unscopedNames`), when its body holds a generator not
 * inserted yet (whose names nothing here can see), or when it would need a "use strict" of its
 * own that its parameters (defaults, patterns, rest) do not allow.
 *
 * Returns the names to pass (possibly none), or null to leave the generator in place. Runs on the
 * function before its body moves, after `await` and the lexical bindings have been rewritten.
 */
export function planHoist(fn: NodePath<t.Function>, lex: LexicalStandIns | null, file: HoistContext): string[] | null {
  const node = fn.node;
  if (file.dynamicScope || file.holdingDeferredCode.has(node)) return null;
  // A generator that gets its own "use strict" (see losesStrictness) must have simple parameters.
  if (losesStrictness(fn) && !node.params.every((param) => t.isIdentifier(param))) return null;
  if (fn.findParent((p) => p.isWithStatement()) !== null) return null;
  const fnScope = fn.scope;
  // Without a private name or an `arguments` in it, what the body uses from around it is on
  // record in the bindings of the scopes around it: reading that costs far less than a walk.
  // A name with no binding may still be local (unscopedNames): only a walk sees those.
  const walk = file.privateNames.has(node) || file.usesLexicals.has(node) || file.unscopedNames.size > 0;
  const ranges = walk ? null : ownCodeRanges(node);
  const onRecord = ranges !== null ? capturesOnRecord(fn, ranges) : undefined;
  const used = onRecord !== undefined ? onRecord : capturesByWalk(fn, file.unscopedNames);
  if (used === null) return null;
  const { names } = used;
  if (lex) {
    for (const id of [lex.arguments, lex.this, lex.newTarget, lex.superGet, lex.superSet]) if (id) names.add(id.name);
  }
  const captures = [...names];
  // Passed values would show in the body's own `arguments`.
  if (captures.length > 0 && used.usesArguments) return null;
  // A parameter or top-level declaration of the body with a captured name would see the passed
  // value instead of starting out as its own.
  if (captures.some((name) => fnScope.hasOwnBinding(name) && fnScope.getOwnBinding(name)!.kind !== "local")) return null;
  return captures;
}

/** What planHoist needs from the file: its index, and the functions holding deferred code (see FileContext). */
export type HoistContext = Pick<FileIndex, "dynamicScope" | "unscopedNames" | "usesLexicals" | "privateNames"> & {
  holdingDeferredCode: Set<t.Function>;
};

/**
 * What the function's own code (parameters and body) uses from the scopes between it and the
 * file: the names, in the order a walk meets them, and whether it reads its own `arguments`.
 */
interface Used {
  names: Set<string>;
  usesArguments: boolean;
}

/** Whether the body, which uses `binding` from around it, can still read it once moved. */
function capturable(binding: Binding, fn: NodePath<t.Function>): boolean {
  return binding.constant && readableAtCall(binding, fn);
}

/**
 * What the function's own code uses, found by walking it; null if something there keeps the
 * generator in place. Needed when the body holds a private name or an `arguments`.
 */
function capturesByWalk(fn: NodePath<t.Function>, unscopedNames: Set<string>): Used | null {
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
          // Maybe a local enum or namespace: the generator stays where that name can be seen.
          else if (unscopedNames.has(name)) ok = false;
          return;
        }
        if (binding.scope === program) return;
        // A named function expression's own name is bound in its own scope: outside the generator.
        const selfName = binding.kind === "local" && binding.scope === fnScope;
        if (!selfName && within(binding.scope, fnScope)) return;
        if (!capturable(binding, fn)) {
          ok = false;
          return;
        }
        names.add(name);
      },
    },
    null,
  );
  return ok ? { names, usesArguments } : null;
}

/** Source ranges `[start, end)` of the function's own code: its parameters, then its body. */
type Ranges = readonly number[];

/**
 * Where the parameters and the body are in the source, or null if the body is not all original
 * code with positions. The key, decorators and return type are not the function's own code.
 */
function ownCodeRanges(fn: t.Function): Ranges | null {
  let body: t.Node = fn.body;
  // An arrow's expression body, which compileAsyncFunction made `{ return body; }`.
  if (body.start == null && t.isBlockStatement(body) && body.body.length === 1) {
    const only = body.body[0]!;
    if (t.isReturnStatement(only) && only.argument) body = only.argument;
  }
  if (body.start == null || body.end == null) return null;
  const params = fn.params;
  if (params.length === 0) return [body.start, body.end];
  const first = params[0]!.start;
  const last = params[params.length - 1]!.end;
  return first == null || last == null ? null : [first, last, body.start, body.end];
}

/** What firstUseIn answers when a record no longer says where a use is. */
const UNKNOWN = -2;

/**
 * The first position in `ranges` where `binding` is read or written, -1 if none, or UNKNOWN. A
 * reference's path can hold another node by now (the plugin replaced it: an arrow's expression
 * body became a block), and then the record cannot be trusted.
 */
function firstUseIn(binding: Binding, name: string, ranges: Ranges): number {
  let first = -1;
  const refs = binding.referencePaths;
  for (const uses of [refs, binding.constantViolations]) {
    for (let u = 0; u < uses.length; u++) {
      const node = uses[u]!.node;
      const at = node.start;
      if (at == null) return UNKNOWN;
      if (first >= 0 && at >= first) continue;
      for (let i = 0; i < ranges.length; i += 2) {
        if (at >= ranges[i]! && at < ranges[i + 1]!) {
          if (uses === refs && !((node.type === "Identifier" || node.type === "JSXIdentifier") && node.name === name)) return UNKNOWN;
          first = at;
          break;
        }
      }
    }
  }
  return first;
}

/**
 * How many recorded uses capturesOnRecord reads, per character of the function's own code, before
 * a walk of that code is the cheaper way (a function deep in a scope with thousands of bindings).
 */
const USES_PER_CHARACTER = 8;

/**
 * capturesByWalk's result for a function without private names or `arguments`, from Babel's
 * record of where each binding around the function is read and written (the file's scope crawl,
 * which sees JSX tags too). Positions tell what is inside: code the plugin has compiled in the
 * body keeps its source positions, and the names a nested wrapper passes to its moved generator
 * are the ones that generator's original code reads there. Undefined when the records cannot
 * answer, or would cost more to read than a walk.
 */
function capturesOnRecord(fn: NodePath<t.Function>, ranges: Ranges): Used | null | undefined {
  const fnScope = fn.scope;
  const program = fnScope.getProgramParent();
  const found: { at: number; name: string }[] = [];
  let budget = (ranges[ranges.length - 1]! - ranges[0]!) * USES_PER_CHARACTER;
  for (let scope: Scope | undefined = fnScope; scope !== undefined && scope !== program; scope = scope.parent) {
    for (const name of Object.keys(scope.bindings)) {
      const binding: Binding = scope.bindings[name]!;
      // A class declaration's name is also listed in the class's scope: taken where it is bound.
      if (binding.scope !== scope) continue;
      // The function's own bindings stay with its body, but for a function expression's name.
      if (scope === fnScope && binding.kind !== "local") continue;
      budget -= binding.referencePaths.length + binding.constantViolations.length;
      if (budget < 0) return undefined;
      const at = firstUseIn(binding, name, ranges);
      if (at === UNKNOWN) return undefined;
      if (at < 0) continue;
      if (!capturable(binding, fn)) return null;
      found.push({ at, name });
    }
  }
  found.sort((a, b) => a.at - b.at);
  return { names: new Set(found.map((f) => f.name)), usesArguments: false };
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
