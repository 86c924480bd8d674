import { t } from "./babel-types.js";

/** What the plugin needs to know about a file before it walks it with Babel's paths. */
export interface FileIndex {
  /** The async functions and every node that contains one: the only nodes worth visiting. */
  leadsToAsync: Set<t.Node>;
  /**
   * Every node that contains something assertCompilable refuses in some function (an identifier
   * `yield` or `callee`, a call of `eval` or `super`): an async function outside this set has
   * nothing there to look for, so its check needs no traversal.
   */
  mayRefuse: Set<t.Node>;
  /**
   * Every node that contains `super`, `new.target` or an identifier `arguments`: an async arrow or
   * method outside this set has none for rewriteLexicals to rewrite (`this` aside).
   */
  usesLexicals: Set<t.Node>;
  /** Every node that contains a private name (`#x`): planHoist must walk a function holding one. */
  privateNames: Set<t.Node>;
  /** The file has a `with` statement or calls something named `eval` (see planHoist). */
  dynamicScope: boolean;
  /**
   * The names of TypeScript enums, namespaces and `import x = …` declared below the top of the
   * file: values at run time, but not bindings in Babel's scopes (see planHoist).
   */
  unscopedNames: Set<string>;
  /** The file has a `for await` (else there is none to lower). */
  forAwait: boolean;
  /**
   * Every identifier name in the file that starts with `_`: uid.ts avoids them when it makes
   * names, and every name it makes starts with `_`.
   */
  names: Set<string>;
}

const FUNCTION_TYPES = new Set<string>(t.FUNCTION_TYPES);
const UNDERSCORE = 0x5f;

/** Adds `ancestors[depth]` and the nodes above it to `set`, down to one already there. */
function markAncestors(set: Set<t.Node>, ancestors: t.Node[], depth: number): void {
  for (let j = depth; j >= 0 && !set.has(ancestors[j]!); j--) set.add(ancestors[j]!);
}

/**
 * One walk over the raw AST, much cheaper than a traversal with paths and scopes: the plugin's
 * traversal then skips every subtree without an async function, and each async function skips
 * the checks and rewrites its subtree gives nothing to. Iterative (a stack of its own, depth
 * first), so deeply nested code cannot overflow the call stack here; `ancestors[0..depth]` holds
 * the nodes from the program down to the current one, so marking a node's ancestors costs nothing
 * extra.
 */
export function indexFile(program: t.Program): FileIndex {
  const leadsToAsync = new Set<t.Node>();
  const mayRefuse = new Set<t.Node>();
  const usesLexicals = new Set<t.Node>();
  const privateNames = new Set<t.Node>();
  const names = new Set<string>();
  let dynamicScope = false;
  const unscopedNames = new Set<string>();
  let forAwait = false;
  const stack: t.Node[] = [program];
  const depths: number[] = [0];
  const ancestors: t.Node[] = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const depth = depths.pop()!;
    // Entries past `depth` are stale (a finished subtree's): only 0..depth are read.
    ancestors[depth] = node;
    const type = node.type;
    if (type === "Identifier" || type === "JSXIdentifier") {
      const name = node.name;
      // Only these can clash with a generated name; adding every name cost a tenth of the walk.
      if (name.charCodeAt(0) === UNDERSCORE) names.add(name);
      if (type === "Identifier") {
        if (name === "yield" || name === "callee") markAncestors(mayRefuse, ancestors, depth);
        else if (name === "arguments") markAncestors(usesLexicals, ancestors, depth);
      }
    } else if (FUNCTION_TYPES.has(type)) {
      if ((node as t.Function).async) markAncestors(leadsToAsync, ancestors, depth);
    } else if (type === "CallExpression") {
      const callee = (node as t.CallExpression).callee;
      if (callee.type === "Super") {
        markAncestors(mayRefuse, ancestors, depth);
      } else if (callee.type === "Identifier" && callee.name === "eval") {
        dynamicScope = true;
        markAncestors(mayRefuse, ancestors, depth);
      }
    } else if (type === "Super" || type === "MetaProperty") {
      markAncestors(usesLexicals, ancestors, depth);
    } else if (type === "PrivateName") {
      markAncestors(privateNames, ancestors, depth);
    } else if (type === "TSEnumDeclaration" || type === "TSModuleDeclaration" || type === "TSImportEqualsDeclaration") {
      let id: t.Node = (node as t.TSEnumDeclaration | t.TSModuleDeclaration | t.TSImportEqualsDeclaration).id;
      // `namespace A.B {}` declares A (an id Babel 8 writes as a qualified name).
      while ((id.type as string) === "TSQualifiedName") id = (id as unknown as { left: t.Node }).left;
      const atTop = depth === 1 || (depth === 2 && ancestors[1]!.type === "ExportNamedDeclaration");
      if (!atTop && id.type === "Identifier" && !(node as { declare?: boolean }).declare) unscopedNames.add(id.name);
    } else if (type === "WithStatement") {
      dynamicScope = true;
    } else if (type === "ForOfStatement" && (node as t.ForOfStatement).await) {
      forAwait = true;
    }
    const keys = t.VISITOR_KEYS[type];
    if (keys === undefined) continue;
    const slots = node as unknown as Record<string, unknown>;
    for (let k = 0; k < keys.length; k++) {
      const child = slots[keys[k]!];
      if (child === null || typeof child !== "object") continue;
      if (Array.isArray(child)) {
        for (let c = 0; c < child.length; c++) {
          const item = child[c];
          if (item !== null && typeof item === "object") {
            stack.push(item as t.Node);
            depths.push(depth + 1);
          }
        }
      } else {
        stack.push(child as t.Node);
        depths.push(depth + 1);
      }
    }
  }
  return { leadsToAsync, mayRefuse, usesLexicals, privateNames, dynamicScope, unscopedNames, forAwait, names };
}
