import type { NodePath } from "@babel/core";
import { t } from "./babel-types.js";
import type { RuntimeImports } from "./runtime-imports.js";

type Method = NodePath<t.ObjectMethod | t.ClassMethod>;
type Owner = t.ObjectExpression | t.ClassBody;

/**
 * The scope to declare a key temporary in. Inside a parameter list (`function f(C = class {
 * async [k()]() {} }) {}`) a `var` pushed into the function would land in its body, which
 * parameter expressions cannot see (ReferenceError in strict code, a stray global otherwise), so
 * the temporary goes to the scope around the function instead; it is only read right away.
 */
function tempScope(owner: NodePath): NodePath["scope"] {
  let scope = owner.scope;
  for (let p: NodePath | null = owner; p; p = p.parentPath) {
    if (p.listKey === "params" && p.parentPath?.isFunction()) scope = p.parentPath.scope.parent ?? scope;
  }
  return scope;
}

/** The key a mark looks the method up by; a computed key is read once, into a temporary. */
function markKey(method: Method): t.Expression {
  const node = method.node;
  if (!node.computed && t.isIdentifier(node.key)) return t.stringLiteral(node.key.name);
  if (t.isStringLiteral(node.key) || t.isNumericLiteral(node.key)) return t.cloneNode(node.key);
  // `async 1n() {}`: the property key is the string of the BigInt. (Falling through to the
  // temporary below would make a non-computed key an assignment: invalid output.)
  if (!node.computed && t.isBigIntLiteral(node.key)) return t.stringLiteral(BigInt(node.key.value).toString());
  const owner = method.parentPath.isClassBody() ? method.parentPath.parentPath! : method.parentPath;
  const scope = tempScope(owner);
  const temp = scope.generateUidIdentifierBasedOnNode(node.key, "key");
  scope.push({ id: temp });
  node.key = t.assignmentExpression("=", t.cloneNode(temp), node.key as t.Expression);
  return t.cloneNode(temp);
}

function sameStaticKey(a: t.Node, b: t.Node): boolean {
  const name = (n: t.Node): string | undefined => {
    if (!("key" in n) || ("computed" in n && n.computed)) return undefined;
    const key = n.key;
    if (t.isIdentifier(key)) return key.name;
    if (t.isStringLiteral(key) || t.isNumericLiteral(key)) return String(key.value);
    return undefined;
  };
  const isStatic = (n: t.Node): boolean => "static" in n && Boolean(n.static);
  const na = name(a);
  return na !== undefined && na === name(b) && isStatic(a) === isStatic(b);
}

/**
 * Compiled async methods get the same mark as compiled functions (so `isCoroutineFunction` and
 * `callSoon` know them). A method cannot be marked from inside its own body, so the marks are
 * made where the method exists: `_stepwiseMarkMethods({...}, "m")` around an object literal, and a
 * `static {}` block at the top of a class, which runs once the class's methods are defined.
 * Private methods cannot be reached from there and stay unmarked; so does a method that a later
 * member with the same key replaces.
 */
export class MethodMarks {
  private readonly pending = new Map<Owner, { method: t.Node; key: t.Expression; isStatic: boolean }[]>();

  record(method: NodePath): void {
    if (!(method.isObjectMethod() || method.isClassMethod())) return;
    const owner = method.parent as Owner;
    const members: t.Node[] = t.isObjectExpression(owner) ? owner.properties : owner.body;
    const later = members.slice(members.indexOf(method.node) + 1);
    if (later.some((m) => sameStaticKey(method.node, m))) return;
    const list = this.pending.get(owner) ?? [];
    list.push({ method: method.node, key: markKey(method), isStatic: method.isClassMethod() && method.node.static });
    this.pending.set(owner, list);
  }

  /** Emits the marks of an object literal or class body whose methods have all been compiled. */
  flush(owner: NodePath<t.ObjectExpression | t.ClassBody>, imports: RuntimeImports): void {
    const list = this.pending.get(owner.node);
    if (!list) return;
    this.pending.delete(owner.node);
    const call = (target: t.Expression, keys: t.Expression[]): t.CallExpression =>
      t.callExpression(imports.get("_stepwiseMarkMethods"), [target, ...keys]);
    if (owner.isObjectExpression()) {
      const replacement = call(owner.node, list.map((m) => m.key));
      replacement.loc = owner.node.loc ?? null;
      owner.replaceWith(replacement);
      owner.skip();
      return;
    }
    const statements: t.Statement[] = [];
    const onPrototype = list.filter((m) => !m.isStatic).map((m) => m.key);
    const onClass = list.filter((m) => m.isStatic).map((m) => m.key);
    const self = (): t.ThisExpression => t.thisExpression();
    if (onPrototype.length) statements.push(t.expressionStatement(call(t.memberExpression(self(), t.identifier("prototype")), onPrototype)));
    if (onClass.length) statements.push(t.expressionStatement(call(self(), onClass)));
    const block = t.staticBlock(statements);
    (owner as NodePath<t.ClassBody>).unshiftContainer("body", block);
  }
}
