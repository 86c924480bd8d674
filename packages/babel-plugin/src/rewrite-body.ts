import type { NodePath, Visitor } from "@babel/core";
import { t } from "./babel-types.js";
import { traverseOwnCode } from "./function-checks.js";
import { generateUid } from "./uid.js";

function toYield(node: t.AwaitExpression): t.YieldExpression {
  const replacement = t.yieldExpression(node.argument, false);
  replacement.loc = node.loc ?? null;
  replacement.start = node.start ?? null;
  replacement.end = node.end ?? null;
  return replacement;
}

const METHOD_TYPES = new Set<string>(["ObjectMethod", "ClassMethod", "ClassPrivateMethod"]);
const FUNCTION_TYPES = new Set<string>(t.FUNCTION_TYPES);
const METHOD_OWN_KEYS: readonly string[] = ["key", "decorators"];
const NO_KEYS: readonly string[] = [];

/**
 * The child keys of `node` that hold this function's own code (a nested method: only its key and
 * decorators). By type name, not `t.is…` calls: this runs on every node of every async body.
 */
function ownKeys(node: t.Node): readonly string[] {
  const type = node.type;
  if (METHOD_TYPES.has(type)) return METHOD_OWN_KEYS;
  if (FUNCTION_TYPES.has(type)) return NO_KEYS;
  return t.VISITOR_KEYS[type] ?? NO_KEYS;
}

/**
 * `await x` → `yield x`, for the awaits of this function only (nested functions are skipped, the
 * keys of nested methods are not). A walk over the nodes with a stack of its own, not a Babel
 * traversal: nothing here needs scopes, and `await await … x` nested as deep as Babel can parse
 * would overflow the call stack of a traversal started this deep in the plugin.
 */
export function awaitToYield(fn: NodePath<t.Function>): void {
  const stack: t.Node[] = [...fn.node.params, fn.node.body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const slots = node as unknown as Record<string, t.Node | (t.Node | null)[] | null | undefined>;
    for (const key of ownKeys(node)) {
      const value = slots[key];
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          let child = value[i];
          if (!child) continue;
          if (child.type === "AwaitExpression") value[i] = child = toYield(child);
          stack.push(child);
        }
      } else if (value && typeof value === "object" && typeof value.type === "string") {
        let child = value;
        if (child.type === "AwaitExpression") slots[key] = child = toYield(child);
        stack.push(child);
      }
    }
  }
}

/**
 * The names standing in for the lexical bindings a generator would otherwise get wrong, created
 * only when the body uses them: `arguments`, `new.target`, `super[p]` reads and writes.
 */
export interface LexicalStandIns {
  arguments?: t.Identifier;
  /** `() => this`, for arrows whose `this` may not be bound yet when they are called. */
  this?: t.Identifier;
  newTarget?: t.Identifier;
  superGet?: t.Identifier;
  superSet?: t.Identifier;
  /** Temporaries holding computed `super[key]` keys that are read and then written. */
  temps: t.Identifier[];
}

interface RewriteState {
  fn: NodePath<t.Function>;
  /** Rewrite `arguments` and `new.target` too (arrows); methods only need `super`. */
  arrow: boolean;
  /** Read `this` through a stand-in when the body uses it, not when the arrow is called. */
  lazyThis: boolean;
  out: LexicalStandIns;
}

function scopeIsWithin(scope: NodePath["scope"], ancestor: NodePath["scope"]): boolean {
  for (let s: NodePath["scope"] | undefined = scope; s; s = s.parent) if (s === ancestor) return true;
  return false;
}

function standIn(state: RewriteState, key: "arguments" | "this" | "newTarget" | "superGet" | "superSet", hint: string): t.Identifier {
  let id = state.out[key];
  if (!id) {
    id = generateUid(state.fn.scope, hint);
    state.out[key] = id;
  }
  return t.cloneNode(id);
}

function unsupported(p: NodePath, construct: string): never {
  throw p.buildCodeFrameError(
    `${construct} is not supported yet by @stepwise/babel-plugin inside an async method or async arrow ` +
      "function. Rewrite it with a plain read and assignment (e.g. `super.x = super.x + 1`).",
  );
}

/** True for positions where `node` is the target of a destructuring or `for-in/of` assignment. */
function isPatternTarget(p: NodePath): boolean {
  const parent = p.parentPath;
  if (!parent) return false;
  if (parent.isArrayPattern() || parent.isRestElement()) return true;
  if (parent.isAssignmentPattern() && p.key === "left") return true;
  if (parent.isObjectProperty() && p.key === "value" && parent.parentPath?.isObjectPattern()) return true;
  if ((parent.isForInStatement() || parent.isForOfStatement()) && p.key === "left") return true;
  return false;
}

/** `this` as the generator body should read it: itself, or `_this()` when `this` is read lazily. */
function thisRef(state: RewriteState): t.Expression {
  return state.lazyThis ? t.callExpression(standIn(state, "this", "this"), []) : t.thisExpression();
}

const LOGICAL_ASSIGN: Record<string, "||" | "&&" | "??"> = { "||=": "||", "&&=": "&&", "??=": "??" };

function rewriteSuper(p: NodePath<t.Super>, state: RewriteState): void {
  const member = p.parentPath;
  if (!(member.isMemberExpression() || member.isOptionalMemberExpression()) || p.key !== "object") {
    // `super()` is rejected before; nothing else can contain `super`.
    throw p.buildCodeFrameError("This use of `super` is not supported by @stepwise/babel-plugin.");
  }
  const node = member.node;
  const keyOf = (): t.Expression =>
    node.computed ? (node.property as t.Expression) : t.stringLiteral((node.property as t.Identifier).name);
  const get = (key: t.Expression): t.CallExpression => t.callExpression(standIn(state, "superGet", "superGet"), [key]);
  const outer = member.parentPath;

  if ((outer.isCallExpression() || outer.isOptionalCallExpression()) && member.key === "callee") {
    // super.m(...a) → _superGet("m").call(this, ...a)
    const args = [thisRef(state), ...outer.node.arguments];
    const replacement = outer.isOptionalCallExpression() && outer.node.optional
      ? t.optionalCallExpression(t.optionalMemberExpression(get(keyOf()), t.identifier("call"), false, true), args, false)
      : t.callExpression(t.memberExpression(get(keyOf()), t.identifier("call")), args);
    outer.replaceWith(replacement);
    return;
  }
  if (outer.isAssignmentExpression() && member.key === "left") {
    const set = (key: t.Expression, value: t.Expression): t.CallExpression =>
      t.callExpression(standIn(state, "superSet", "superSet"), [key, value]);
    const { operator, right } = outer.node;
    if (operator === "=") {
      outer.replaceWith(set(keyOf(), right));
      return;
    }
    // The key is read and then written: evaluate a computed key once.
    let first = keyOf();
    let second: t.Expression = t.cloneNode(first);
    if (node.computed && !t.isLiteral(first)) {
      const temp = generateUid(state.fn.scope, "superKey");
      state.out.temps.push(temp);
      first = t.assignmentExpression("=", t.cloneNode(temp), first);
      second = t.cloneNode(temp);
    }
    const logical = LOGICAL_ASSIGN[operator];
    // _superGet(k) || _superSet(k, v)   /   _superSet(k, _superGet(k) + v)
    outer.replaceWith(
      logical
        ? t.logicalExpression(logical, get(first), set(second, right))
        : set(first, t.binaryExpression(operator.slice(0, -1) as t.BinaryExpression["operator"], get(second), right)),
    );
    return;
  }
  if (outer.isUpdateExpression()) unsupported(outer, `\`${outer.node.prefix ? outer.node.operator + "super.x" : "super.x" + outer.node.operator}\``);
  if (outer.isUnaryExpression({ operator: "delete" })) unsupported(outer, "`delete super.x`");
  if (outer.isTaggedTemplateExpression() && member.key === "tag") unsupported(outer, "A tagged template with a `super.x` tag");
  if (isPatternTarget(member)) unsupported(member, "`super.x` as a destructuring or for-in/of target");
  member.replaceWith(get(keyOf()));
}

const lexicalVisitor: Visitor<RewriteState> = {
  Function(p) {
    if (p.isArrowFunctionExpression()) return;
    // A nested method's computed key (and decorators) are evaluated here; its body is its own.
    p.skipKey("params");
    p.skipKey("body");
    if (!p.isMethod()) p.skip();
  },
  ClassProperty(p) {
    p.skipKey("value");
  },
  ClassPrivateProperty(p) {
    p.skipKey("value");
  },
  ClassAccessorProperty(p) {
    p.skipKey("value");
  },
  StaticBlock(p) {
    p.skip();
  },
  Super(p, state) {
    rewriteSuper(p, state);
  },
  ThisExpression(p, state) {
    if (state.lazyThis) p.replaceWith(thisRef(state));
  },
  MetaProperty(p, state) {
    if (!state.arrow || p.node.meta.name !== "new" || p.node.property.name !== "target") return;
    p.replaceWith(standIn(state, "newTarget", "newtarget"));
  },
  Identifier(p, state) {
    if (!state.arrow || p.node.name !== "arguments") return;
    const binding = p.scope.getBinding("arguments");
    if (binding && scopeIsWithin(binding.scope, state.fn.scope)) return;
    const parent = p.parentPath;
    if ((parent.isAssignmentExpression() && p.key === "left") || parent.isUpdateExpression() || isPatternTarget(p)) {
      throw p.buildCodeFrameError(
        "Assigning to `arguments` inside an async arrow function is not supported by @stepwise/babel-plugin.",
      );
    }
    if (!p.isReferencedIdentifier()) return;
    p.replaceWith(standIn(state, "arguments", "arguments"));
  },
};

/**
 * True when `this` may be unbound when the arrow at `path` is called: it is lexically in a derived
 * class's constructor (parameters included), where `this` exists only once `super()` returns.
 * A native async arrow reads `this` when its body does (after `super()`, or never), so reading it
 * at the call would throw where the original does not (`super(async () => { await x; this.y })`).
 */
export function thisMayBeUnbound(path: NodePath): boolean {
  let child: NodePath = path;
  for (let p = path.parentPath; p; child = p, p = p.parentPath) {
    if (p.isArrowFunctionExpression()) continue;
    if (p.isFunction()) {
      if (p.isMethod() && child.key === "key") continue; // a computed key is evaluated outside
      if (!p.isClassMethod({ kind: "constructor" })) return false;
      const cls = p.parentPath.parentPath;
      return cls !== null && (cls.isClass() ? cls.node.superClass != null : false);
    }
    // Field initializers and static blocks have their own (always bound) `this`.
    if ((p.isClassProperty() || p.isClassPrivateProperty() || p.isClassAccessorProperty()) && child.key === "value") return false;
    if (p.isStaticBlock()) return false;
  }
  return false;
}

/**
 * Rewrites what a generator would see differently from the original function: in arrows,
 * `arguments`, `new.target` and `super`; in methods, `super` (which is not allowed in a generator
 * function expression). Descends into nested arrows, not into nested functions or class members.
 * `usesLexicals` false (the file's first walk found no `super`, `new.target` or `arguments` in
 * `fn`, and compiling nested functions adds none where this looks) skips the traversal, unless
 * `this` is to be read lazily.
 */
export function rewriteLexicals(fn: NodePath<t.Function>, lazyThis = false, usesLexicals = true): LexicalStandIns {
  const state: RewriteState = { fn, arrow: fn.isArrowFunctionExpression(), lazyThis, out: { temps: [] } };
  if (usesLexicals || lazyThis) traverseOwnCode(fn, lexicalVisitor, state);
  return state.out;
}

/** The declarations of the stand-ins, to place where the original bindings are still visible. */
export function standInDeclarations(s: LexicalStandIns): t.Statement[] {
  const out: t.Statement[] = [];
  const decl = (id: t.Identifier, init: t.Expression): t.Statement =>
    t.variableDeclaration("const", [t.variableDeclarator(t.cloneNode(id), init)]);
  if (s.arguments) out.push(decl(s.arguments, t.identifier("arguments")));
  if (s.this) out.push(decl(s.this, t.arrowFunctionExpression([], t.thisExpression())));
  if (s.newTarget) out.push(decl(s.newTarget, t.metaProperty(t.identifier("new"), t.identifier("target"))));
  if (s.superGet) {
    out.push(decl(s.superGet, t.arrowFunctionExpression([t.identifier("p")], t.memberExpression(t.super(), t.identifier("p"), true))));
  }
  if (s.superSet) {
    out.push(
      decl(
        s.superSet,
        t.arrowFunctionExpression(
          [t.identifier("p"), t.identifier("v")],
          t.assignmentExpression("=", t.memberExpression(t.super(), t.identifier("p"), true), t.identifier("v")),
        ),
      ),
    );
  }
  return out;
}
