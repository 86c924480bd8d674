import type { NodePath } from "@babel/core";
import { t } from "./babel-types.js";
import { assertCompilable } from "./function-checks.js";
import { lowerForAwait } from "./for-await.js";
import { rewriteGeneratorBody } from "./rewrite-generator.js";
import { generatorArgs, losesStrictness, planHoist } from "./hoist.js";
import { inferredName, keyName } from "./function-name.js";
import { functionLocation, setMissingLoc } from "./location.js";
import { placeholderParams } from "./params.js";
import { awaitToYield, rewriteLexicals, standInDeclarations, thisMayBeUnbound, type LexicalStandIns } from "./rewrite-body.js";
import type { MethodMarks } from "./method-marks.js";
import type { StatementEdits, StatementList } from "./statement-edits.js";
import { generateUid } from "./uid.js";
import type { HelperName, RuntimeImports } from "./runtime-imports.js";

/** What compiling one function needs from its file. */
export interface FileContext {
  imports: RuntimeImports;
  marks: MethodMarks;
  /** Statements added to statement lists, applied once the traversal is done. */
  edits: StatementEdits;
  /** The file's label in coroutine locations (`"src/a.js"`, or `"unknown"`). */
  file: string;
  /** The plugin's `start` option. */
  eager: boolean;
  /** The file has `with` or a direct `eval`: generators stay where they are (see planHoist). */
  dynamicScope: boolean;
  /** TypeScript values declared below the top of the file, which Babel's scopes do not know (see indexFile). */
  unscopedNames: Set<string>;
  /** The file has a `for await` somewhere. */
  forAwait: boolean;
  /** The nodes that may hold code assertCompilable refuses (see indexFile). */
  mayRefuse: Set<t.Node>;
  /** The nodes that hold a `super`, `new.target` or `arguments` (see indexFile). */
  usesLexicals: Set<t.Node>;
  /** The nodes that hold a private name (see indexFile). */
  privateNames: Set<t.Node>;
  /**
   * The functions whose body holds a generator that `edits` adds only once the traversal is done
   * (compileDeclaration): planning to hoist one of them could not see what that generator uses.
   */
  holdingDeferredCode: Set<t.Function>;
}

/** The file's context, with the helpers for this kind of function (async function or async generator). */
interface FunctionContext extends FileContext {
  call: HelperName;
  /** `call` takes the generator object (`helper(gen.apply(this, args), …)`), not the generator function. */
  direct: boolean;
  mark: HelperName;
  generator: boolean;
}

/**
 * Parameters whose evaluation cannot throw: plain names and a plain rest. Then the wrapper calls
 * the generator function itself (a call V8 can see from each wrapper), and the runtime helper
 * takes the generator object; otherwise `_stepwiseCall` calls it, to defer a throwing default to
 * the first step, where a native async function would reject.
 */
function hasSimpleParams(fn: t.Function): boolean {
  return fn.params.every((p) => t.isIdentifier(p) || (t.isRestElement(p) && t.isIdentifier(p.argument)));
}

/**
 * Compiles one `async` function or `async function*` into a function that returns a coroutine
 * (or an AsyncGen). Run on `Function` exit, so nested functions are compiled first.
 */
export function compileAsyncFunction(path: NodePath<t.Function>, file: FileContext): void {
  const node = path.node;
  if (!node.async) return;
  const generator = Boolean(node.generator);
  // An async generator's parameters are evaluated at the call, errors included, as natively.
  const direct = generator || hasSimpleParams(node);
  const ctx: FunctionContext = {
    ...file,
    generator,
    direct,
    call: generator
      ? file.eager ? "_stepwiseAsyncGenEager" : "_stepwiseAsyncGen"
      : direct
        ? file.eager ? "_stepwiseStartEager" : "_stepwiseStart"
        : file.eager ? "_stepwiseCallEager" : "_stepwiseCall",
    mark: generator ? "_stepwiseMarkAsyncGen" : "_stepwiseMark",
  };
  // An expression body becomes a block first: the checks and rewrites below visit the body's
  // descendants, which would miss an expression body that is itself `eval()`, `super()`, `yield`.
  if (path.isArrowFunctionExpression()) arrowBlockBody(path);
  assertCompilable(path, ctx.mayRefuse.has(node));
  if (ctx.forAwait) lowerForAwait(path, ctx.imports, ctx.eager);
  if (generator) rewriteGeneratorBody(path, ctx.imports, ctx.eager);
  awaitToYield(path);
  const loc = functionLocation(ctx.file, node);
  if (path.isArrowFunctionExpression()) compileArrow(path, ctx, loc);
  else if (path.isObjectMethod() || path.isClassMethod() || path.isClassPrivateMethod()) compileMethod(path, ctx, loc);
  else if (path.isFunctionDeclaration()) compileDeclaration(path, ctx, loc);
  else if (path.isFunctionExpression()) compileExpression(path, ctx, loc);
  else throw path.buildCodeFrameError(`@stepwise/babel-plugin cannot compile this async ${node.type}.`);
}

function arrowBlockBody(path: NodePath<t.ArrowFunctionExpression>): void {
  const body = path.node.body;
  if (t.isBlockStatement(body)) return;
  const ret = t.returnStatement(body);
  ret.loc = body.loc ?? null;
  const block = t.blockStatement([ret]);
  block.loc = body.loc ?? null;
  path.node.expression = false;
  const bodyPath = path.get("body");
  bodyPath.replaceWith(block);
  bodyPath.skip(); // see replaceWithIife
}

function hasUseStrict(body: t.BlockStatement): boolean {
  return body.directives.some((d) => d.value.value === "use strict");
}

/** `_stepwiseStart(gen.apply(this, args), "name", "file:line:col")`, or `_stepwiseCall(gen, this, args, …)` */
function callCoroutine(
  ctx: FunctionContext,
  gen: t.Expression,
  args: t.Expression,
  name: string,
  loc: string,
  self: t.Expression = t.thisExpression(),
): t.CallExpression {
  const meta = [t.stringLiteral(name), t.stringLiteral(loc)];
  if (!ctx.direct) return t.callExpression(ctx.imports.get(ctx.call), [gen, self, args, ...meta]);
  // `gen.call(self, a, ...b)` for an argument list, `gen.apply(self, arguments)` otherwise.
  const started = t.isArrayExpression(args)
    ? t.callExpression(t.memberExpression(gen, t.identifier("call")), [self, ...(args.elements as (t.Expression | t.SpreadElement)[])])
    : t.callExpression(t.memberExpression(gen, t.identifier("apply")), [self, args]);
  return t.callExpression(ctx.imports.get(ctx.call), [started, ...meta]);
}

/** `_stepwiseMark(fn[, "name"[, length]])` */
function mark(ctx: FunctionContext, fn: t.Expression, name?: string, length?: number): t.CallExpression {
  const args: t.Expression[] = [fn];
  if (name !== undefined) args.push(t.stringLiteral(name));
  if (length !== undefined) args.push(t.numericLiteral(length));
  return t.callExpression(ctx.imports.get(ctx.mark), args);
}

/** The block a wrapper's body: `"use strict"` kept when the original had it, so `this` is the same. */
function wrapperBody(original: t.BlockStatement, statements: t.Statement[]): t.BlockStatement {
  const directives = hasUseStrict(original) ? [t.directive(t.directiveLiteral("use strict"))] : [];
  return t.blockStatement(statements, directives);
}

/** `let _superKey, …;` at the top of the generator body, for computed `super[k] op= v` keys. */
function declareTemps(body: t.BlockStatement, lex: LexicalStandIns): void {
  if (lex.temps.length === 0) return;
  body.body.unshift(t.variableDeclaration("let", lex.temps.map((id) => t.variableDeclarator(t.cloneNode(id)))));
}

/** Async functions are never constructors, so none has a TypeScript parameter property. */
function plainParams(fn: t.Function): t.FunctionExpression["params"] {
  return fn.params as t.FunctionExpression["params"];
}

/** The captured names a hoisted generator takes before the function's own parameters. */
function withCaptures(captures: string[] | null, fn: t.Function): t.FunctionExpression["params"] {
  return captures === null || captures.length === 0 ? plainParams(fn) : [...captures.map((n) => t.identifier(n)), ...plainParams(fn)];
}

function generator(id: t.Identifier | null, fn: t.Function, body: t.BlockStatement): t.FunctionExpression {
  const gen = t.functionExpression(id, plainParams(fn), body, true, false);
  if (fn.typeParameters) gen.typeParameters = fn.typeParameters;
  gen.loc = fn.loc ?? null;
  return gen;
}

function generatorDeclaration(id: t.Identifier, fn: t.Function, body: t.BlockStatement, captures: string[] | null = null): t.FunctionDeclaration {
  const gen = t.functionDeclaration(id, withCaptures(captures, fn), body, true, false);
  if (fn.typeParameters) gen.typeParameters = fn.typeParameters;
  gen.loc = fn.loc ?? null;
  return gen;
}

/** The generator of a function whose generator moves to the top of the file: declared there, once. */
function hoistTo(path: NodePath<t.Function>, gen: t.FunctionDeclaration, ctx: FileContext): void {
  if (losesStrictness(path) && !hasUseStrict(gen.body)) gen.body.directives.unshift(t.directive(t.directiveLiteral("use strict")));
  ctx.edits.append(path.scope.getProgramParent().path.node as t.Program, gen);
}

/** A name a wrapper can get by being the initializer of a `const` with that name (no defineProperty). */
function bindableName(name: string, captures: string[]): boolean {
  // Reserved words too: `export default async () => {}` is named "default".
  return t.isValidIdentifier(name) && name !== "arguments" && name !== "eval" && !name.startsWith("_stepwise") && !captures.includes(name);
}

/**
 * `async function f(a) { B }` →
 * `function f(_x) { return _stepwiseCall(_f, this, arguments, "f", loc); } function* _f(a) { B' }`
 * and `_stepwiseMark(f);` at the top of the enclosing statement list.
 */
function compileDeclaration(path: NodePath<t.FunctionDeclaration>, ctx: FunctionContext, loc: string): void {
  const node = path.node;
  const statement: NodePath = path.parentPath.isExportDeclaration() ? path.parentPath : path;
  const list = statement.parentPath;
  if (!list || !(list.isProgram() || list.isBlockStatement() || list.isStaticBlock() || list.isTSModuleBlock())) {
    throw path.buildCodeFrameError(
      "An async function declaration directly inside a `switch` case (or another statement list without " +
        "its own block) is not supported by @stepwise/babel-plugin: wrap the case's statements in `{ … }`.",
    );
  }
  const outer = path.scope.parent ?? path.scope;
  const name = node.id ? node.id.name : "default";
  if (!node.id) node.id = generateUid(outer, "default"); // `export default async function () {}`
  // At the top of the file the generator is declared once already, beside the wrapper.
  const captures = list.isProgram() ? null : planHoist(path, null, ctx);
  const genId = generateUid(captures === null ? outer : path.scope.getProgramParent(), name);
  const gen = generatorDeclaration(genId, node, node.body, captures);

  const originalBody = node.body;
  node.params = placeholderParams(path.scope, node.params);
  const args = generatorArgs(captures ?? [], t.identifier("arguments"));
  node.body = wrapperBody(originalBody, [t.returnStatement(callCoroutine(ctx, t.cloneNode(genId), args, name, loc))]);
  node.async = false;
  node.generator = false;
  node.returnType = null;
  setMissingLoc(node, gen.loc);
  const listNode = list.node as StatementList;
  if (captures === null) {
    ctx.edits.insertAfter(listNode, statement.node as t.Statement, gen);
    // The enclosing functions' traversals will not see this generator's body: keep them in place.
    for (let f = path.parentPath.getFunctionParent(); f !== null; f = f.parentPath?.getFunctionParent() ?? null) ctx.holdingDeferredCode.add(f.node);
  } else {
    hoistTo(path, gen, ctx);
  }

  const markStatement = t.expressionStatement(mark(ctx, t.cloneNode(node.id), node.id.name === name ? undefined : name));
  setMissingLoc(markStatement, gen.loc);
  ctx.edits.unshift(listNode, markStatement);

  // Sloppy code gives a plain function declaration in a block (not a function body) Annex B
  // semantics: it is also hoisted as a `var` to the enclosing function, which an async function
  // declaration never is. The wrapper becomes `let f = function (…) {…}` at the block's top: still
  // initialized on entry to the block, and visible only inside it.
  if (list.isBlockStatement() && !list.parentPath.isFunction() && !path.isInStrictMode()) {
    const expr = t.functionExpression(null, node.params, node.body);
    expr.loc = node.loc ?? null;
    const blockBinding = t.variableDeclaration("let", [t.variableDeclarator(t.cloneNode(node.id), expr)]);
    blockBinding.loc = node.loc ?? null;
    ctx.edits.remove(listNode, node);
    ctx.edits.unshift(listNode, blockBinding);
  }
}

/**
 * Named: `(() => { function f(_x) { return _stepwiseCall(_f, this, arguments, "f", loc); }
 *   return _stepwiseMark(f); })()` and `function* _f(a) { B' }` at the top of the file.
 * Anonymous: `(() => { const inferred = function (_x) { return _stepwiseCall(_g, …); };
 *   return _stepwiseMark(inferred); })()`. Where the generator cannot move (see planHoist), it is
 * declared inside the IIFE instead.
 */
function compileExpression(path: NodePath<t.FunctionExpression>, ctx: FunctionContext, loc: string): void {
  const node = path.node;
  const placeholders = placeholderParams(path.scope, node.params);
  const captures = planHoist(path, null, ctx);
  const hoisted = captures !== null;
  const args = generatorArgs(captures ?? [], t.identifier("arguments"));
  const statements: t.Statement[] = [];
  if (node.id) {
    const name = node.id.name;
    const own = path.scope.getBinding(name);
    if (own && own.kind === "local" && own.constantViolations.length > 0) {
      throw own.constantViolations[0]!.buildCodeFrameError(
        `Assigning to \`${name}\`, the name of the async function expression it is in, is not supported by ` +
          "@stepwise/babel-plugin. Use another variable.",
      );
    }
    const genId = generateUid(hoisted ? path.scope.getProgramParent() : path.scope, name);
    const wrapper = t.functionDeclaration(
      t.identifier(name),
      placeholders,
      wrapperBody(node.body, [t.returnStatement(callCoroutine(ctx, t.cloneNode(genId), args, name, loc))]),
    );
    wrapper.loc = node.loc ?? null;
    const gen = generatorDeclaration(genId, node, node.body, captures);
    statements.push(wrapper);
    if (hoisted) hoistTo(path, gen, ctx);
    else statements.push(gen);
    statements.push(t.returnStatement(mark(ctx, t.identifier(name))));
  } else {
    const name = inferredName(path);
    const genId = generateUid(hoisted ? path.scope.getProgramParent() : path.scope, name || "callee");
    const wrapper = t.functionExpression(
      null,
      placeholders,
      wrapperBody(node.body, [t.returnStatement(callCoroutine(ctx, t.cloneNode(genId), args, name, loc))]),
    );
    wrapper.loc = node.loc ?? null;
    if (hoisted) hoistTo(path, generatorDeclaration(genId, node, node.body, captures), ctx);
    else statements.push(t.variableDeclaration("const", [t.variableDeclarator(genId, generator(null, node, node.body))]));
    statements.push(...namedReturn(ctx, wrapper, name, hoisted ? captures : null));
  }
  replaceWithIife(path, statements);
}

/**
 * `return _stepwiseMark(wrapper)`, the wrapper named `name`: by being a `const`'s initializer
 * when it can (cheap), else by `_stepwiseMark`'s defineProperty. A name that an unmoved generator
 * body could refer to is never bound here (it would shadow the outer binding).
 */
function namedReturn(ctx: FunctionContext, wrapper: t.Expression, name: string, captures: string[] | null): t.Statement[] {
  if (name === "") return [t.returnStatement(mark(ctx, wrapper))];
  if (captures === null || !bindableName(name, captures)) return [t.returnStatement(mark(ctx, wrapper, name))];
  return [
    t.variableDeclaration("const", [t.variableDeclarator(t.identifier(name), wrapper)]),
    t.returnStatement(mark(ctx, t.identifier(name))),
  ];
}

function replaceWithIife(path: NodePath, statements: t.Statement[]): void {
  const iife = t.callExpression(t.arrowFunctionExpression([], t.blockStatement(statements)), []);
  setMissingLoc(iife, path.node.loc);
  path.replaceWith(iife);
  // The traversal would visit the replacement, and so the whole body again, already compiled:
  // with async functions nested n deep, that is n² visits.
  path.skip();
}

/**
 * `async (a) => B` → `(() => { <stand-ins>; const name = (_x, ..._args) => _stepwiseCall(_g, this,
 * [<captures>, _x, ..._args], "name", loc); return _stepwiseMark(name); })()` and
 * `function* _g(<captures>, a) { B' }` at the top of the file (or inside the IIFE, see planHoist).
 * The placeholders give the wrapper the original's `.length`.
 */
function compileArrow(path: NodePath<t.ArrowFunctionExpression>, ctx: FunctionContext, loc: string): void {
  const node = path.node;
  const name = inferredName(path);
  // In a derived constructor the body reads `this` through `_this()` (see thisMayBeUnbound), and
  // the wrapper passes none: reading `this` at the call could throw before `super()`.
  const lazyThis = thisMayBeUnbound(path);
  const lex = rewriteLexicals(path, lazyThis, ctx.usesLexicals.has(node));
  const body = node.body as t.BlockStatement;
  declareTemps(body, lex);
  const captures = planHoist(path, lex, ctx);
  const hoisted = captures !== null;
  const genId = generateUid(hoisted ? path.scope.getProgramParent() : path.scope, name || "callee");
  const placeholders = placeholderParams(path.scope, node.params);
  const restId = generateUid(path.scope, "args");
  const args = generatorArgs(captures ?? [], [...placeholders.map((p) => t.cloneNode(p)), t.spreadElement(t.cloneNode(restId))]);
  const wrapper = t.arrowFunctionExpression(
    [...placeholders, t.restElement(restId)],
    callCoroutine(ctx, t.cloneNode(genId), args, name, loc, lazyThis ? t.unaryExpression("void", t.numericLiteral(0)) : undefined),
  );
  const statements: t.Statement[] = [...standInDeclarations(lex)];
  if (hoisted) hoistTo(path, generatorDeclaration(genId, node, body, captures), ctx);
  else statements.push(t.variableDeclaration("const", [t.variableDeclarator(t.cloneNode(genId), generator(null, node, body))]));
  statements.push(...namedReturn(ctx, wrapper, name, captures));
  replaceWithIife(path, statements);
}

/**
 * `async m(a) { B }` → `m(_x) { <super stand-ins>; return _stepwiseCall(_m, this, arguments, "m",
 * loc); }` and `function* _m(<captures>, a) { B' }` at the top of the file (inside the method where
 * it cannot move, see planHoist): the key (computed or private) stays on the method.
 */
function compileMethod(
  path: NodePath<t.ObjectMethod | t.ClassMethod | t.ClassPrivateMethod>,
  ctx: FunctionContext,
  loc: string,
): void {
  const node = path.node;
  const name = keyName(node.key, "computed" in node ? Boolean(node.computed) : false);
  const lex = rewriteLexicals(path, false, ctx.usesLexicals.has(node));
  const originalBody = node.body;
  declareTemps(originalBody, lex);
  const captures = planHoist(path, lex, ctx);
  const genName = name.replace(/^#/, "") || "callee";
  let genRef: t.Expression;
  if (captures === null) {
    genRef = generator(generateUid(path.scope, genName), node, originalBody);
  } else {
    const genId = generateUid(path.scope.getProgramParent(), genName);
    hoistTo(path, generatorDeclaration(genId, node, originalBody, captures), ctx);
    genRef = t.cloneNode(genId);
  }
  node.params = placeholderParams(path.scope, node.params);
  node.body = wrapperBody(originalBody, [
    ...standInDeclarations(lex),
    t.returnStatement(callCoroutine(ctx, genRef, generatorArgs(captures ?? [], t.identifier("arguments")), name, loc)),
  ]);
  node.async = false;
  node.generator = false;
  node.returnType = null;
  node.typeParameters = null;
  setMissingLoc(node, node.loc);
  // Async generator methods need no mark: nothing refuses them (callSoon refuses coroutine functions only).
  if (!ctx.generator) ctx.marks.record(path);
}
