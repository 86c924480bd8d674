import { addNamed } from "@babel/helper-module-imports";
import { types as t, type NodePath } from "@babel/core";

export type HelperName = "_stepwiseCall" | "_stepwiseMark" | "_stepwiseMarkMethods";

/**
 * The runtime helpers of one file, imported on first use only (`import` in a module, `require`
 * in a script, as `@babel/helper-module-imports` decides), once each.
 */
export class RuntimeImports {
  private readonly ids = new Map<HelperName, t.Identifier | t.MemberExpression>();

  constructor(
    private readonly program: NodePath<t.Program>,
    readonly source: string,
  ) {}

  /** A fresh reference to the helper, to place in the AST. */
  get(name: HelperName): t.Identifier | t.MemberExpression {
    let id = this.ids.get(name);
    if (!id) {
      id = addNamed(this.program, name, this.source, { nameHint: name }) as t.Identifier | t.MemberExpression;
      this.ids.set(name, id);
    }
    return t.cloneNode(id);
  }

  get used(): boolean {
    return this.ids.size > 0;
  }

  /**
   * True for the statements at the top of the program that load the helpers (or any other
   * import): statements that must run before a `_stepwiseMark(f)` placed at the top of the file.
   */
  isLoaderStatement(node: t.Statement): boolean {
    if (t.isImportDeclaration(node)) return true;
    if (!t.isVariableDeclaration(node) || node.declarations.length !== 1) return false;
    let init = node.declarations[0]!.init;
    if (t.isMemberExpression(init)) init = init.object;
    return (
      t.isCallExpression(init) &&
      t.isIdentifier(init.callee, { name: "require" }) &&
      init.arguments.length === 1 &&
      t.isStringLiteral(init.arguments[0], { value: this.source })
    );
  }
}
