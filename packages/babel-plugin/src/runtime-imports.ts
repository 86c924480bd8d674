import { addNamed } from "@babel/helper-module-imports";
import type { NodePath } from "@babel/core";
import { t } from "./babel-types.js";

export type HelperName =
  | "_stepwiseCall"
  | "_stepwiseCallEager"
  | "_stepwiseStart"
  | "_stepwiseStartEager"
  | "_stepwiseMark"
  | "_stepwiseMarkMethods"
  | "_stepwiseAsyncGen"
  | "_stepwiseAsyncGenEager"
  | "_stepwiseMarkAsyncGen"
  | "_stepwiseYield"
  | "_stepwiseReturn"
  | "_stepwiseYieldStar"
  | "_stepwiseAsyncIterator"
  | "_stepwiseIterResult"
  | "_stepwiseAsyncClose";

function hasModuleSyntax(program: NodePath<t.Program>): boolean {
  return program.node.body.some(
    (s) => t.isImportDeclaration(s) || t.isExportNamedDeclaration(s) || t.isExportDefaultDeclaration(s) || t.isExportAllDeclaration(s),
  );
}

/**
 * True for a CommonJS file that Babel parses as a module (its default `sourceType`): a `.cjs`/`.cts`
 * file, or one with no `import`/`export` that uses `require`, `module` or `exports`. An `import`
 * added there would turn it into an ES module that can no longer `require`.
 */
function isCommonJSInModuleMode(program: NodePath<t.Program>, filename: string | null | undefined): boolean {
  if (program.node.sourceType !== "module" || hasModuleSyntax(program)) return false;
  if (filename && /\.c[jt]s$/.test(filename)) return true;
  return ["require", "module", "exports"].some((name) => program.scope.hasGlobal(name));
}

/**
 * The runtime helpers of one file, imported on first use only (`import` in a module, `require`
 * in a script, as `@babel/helper-module-imports` decides), once each.
 */
export class RuntimeImports {
  private readonly ids = new Map<HelperName, t.Identifier | t.MemberExpression>();

  private readonly requireInModule: boolean;

  constructor(
    private readonly program: NodePath<t.Program>,
    readonly source: string,
    filename?: string | null,
  ) {
    this.requireInModule = isCommonJSInModuleMode(program, filename);
  }

  /** A fresh reference to the helper, to place in the AST. */
  get(name: HelperName): t.Identifier | t.MemberExpression {
    let id = this.ids.get(name);
    if (!id) {
      if (this.ids.size === 0) this.assertRequireIsFree();
      id = this.requireInModule
        ? this.addRequire(name)
        : (addNamed(this.program, name, this.source, { nameHint: name }) as t.Identifier | t.MemberExpression);
      this.ids.set(name, id);
    }
    return t.cloneNode(id);
  }

  /**
   * A script (or CommonJS file) loads the helpers with `require(...)` at its top: a `require` the
   * file declares there itself would be called instead, and the compiled code would get whatever
   * it returns.
   */
  private assertRequireIsFree(): void {
    if (!this.requireInModule && this.program.node.sourceType === "module") return;
    const own = this.program.scope.getOwnBinding("require");
    if (!own) return;
    throw own.path.buildCodeFrameError(
      `This file declares its own \`require\`, and @stepwise/babel-plugin loads its helpers with ` +
        `\`require("${this.source}")\` at the top of the file, which would call it. Rename this \`require\`, ` +
        "or compile the file as an ES module (with `import`/`export`).",
    );
  }

  /** `var _name = require(source)._name;`, the form @babel/helper-module-imports gives a script. */
  private addRequire(name: HelperName): t.Identifier {
    const id = this.program.scope.generateUidIdentifier(name);
    const load = t.memberExpression(t.callExpression(t.identifier("require"), [t.stringLiteral(this.source)]), t.identifier(name));
    const [statement] = this.program.unshiftContainer("body", t.variableDeclaration("var", [t.variableDeclarator(id, load)]));
    this.program.scope.registerDeclaration(statement!);
    return id;
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
