import type { NodePath } from "@babel/core";
import { t } from "./babel-types.js";

/** TypeScript wrappers that vanish from the output, so a native function would see through them. */
function isTransparentWrapper(node: t.Node): boolean {
  return (
    t.isParenthesizedExpression(node) ||
    t.isTSAsExpression(node) ||
    t.isTSSatisfiesExpression(node) ||
    t.isTSNonNullExpression(node) ||
    t.isTSTypeAssertion(node)
  );
}

/** The name a property key gives a function, as far as it is known at compile time. */
export function keyName(key: t.Node, computed: boolean): string {
  if (t.isPrivateName(key)) return `#${key.id.name}`;
  if (!computed && t.isIdentifier(key)) return key.name;
  if (t.isStringLiteral(key)) return key.value;
  if (t.isNumericLiteral(key)) return String(key.value);
  if (t.isBigIntLiteral(key)) return BigInt(key.value).toString(); // `0x10n` names "16", as natively
  if (t.isTemplateLiteral(key) && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? "";
  return "";
}

/**
 * The name a native engine would give the anonymous function (or arrow) at `path`, by the
 * "named evaluation" rules: `const x = …`, `x = …`, `{ x: … }`, class fields, `a = …` defaults
 * and `export default …`, and JSX attributes (properties once transformed). `""` when none applies.
 */
export function inferredName(path: NodePath): string {
  let child: t.Node = path.node;
  let parentPath = path.parentPath;
  while (parentPath && isTransparentWrapper(parentPath.node)) {
    child = parentPath.node;
    parentPath = parentPath.parentPath;
  }
  if (!parentPath) return "";
  const parent = parentPath.node;
  if (t.isVariableDeclarator(parent) && parent.init === child && t.isIdentifier(parent.id)) return parent.id.name;
  if (
    t.isAssignmentExpression(parent) &&
    parent.right === child &&
    ["=", "||=", "&&=", "??="].includes(parent.operator) &&
    t.isIdentifier(parent.left)
  ) {
    return parent.left.name;
  }
  if (t.isAssignmentPattern(parent) && parent.right === child && t.isIdentifier(parent.left)) return parent.left.name;
  if (t.isObjectProperty(parent) && parent.value === child) {
    if (!parent.computed && (t.isIdentifier(parent.key, { name: "__proto__" }) || t.isStringLiteral(parent.key, { value: "__proto__" }))) {
      return "";
    }
    return keyName(parent.key, parent.computed);
  }
  if ((t.isClassProperty(parent) || t.isClassPrivateProperty(parent) || t.isClassAccessorProperty(parent)) && parent.value === child) {
    return keyName(parent.key, "computed" in parent ? Boolean(parent.computed) : false);
  }
  if (t.isExportDefaultDeclaration(parent)) return "default";
  // <b onClick={async () => {}} />: the JSX transforms make attributes the properties of an object.
  if (t.isJSXExpressionContainer(parent) && t.isJSXAttribute(parentPath.parent)) {
    const attribute = parentPath.parent.name;
    return t.isJSXNamespacedName(attribute) ? `${attribute.namespace.name}:${attribute.name.name}` : attribute.name;
  }
  return "";
}
