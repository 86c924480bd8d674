import { types as t } from "@babel/core";

/** What the plugin needs to know about a file before it walks it with Babel's paths. */
export interface FileIndex {
  /** The async functions and every node that contains one: the only nodes worth visiting. */
  leadsToAsync: Set<t.Node>;
  /** The file has a `with` statement or calls something named `eval` (see planHoist). */
  dynamicScope: boolean;
  /** The file has a `for await` (else there is none to lower). */
  forAwait: boolean;
  /** Every identifier name in the file (uid.ts avoids them when it makes names). */
  names: Set<string>;
  /** The file may hold what assertCompilable refuses: a `yield` or `callee` name, `eval`, `super()`. */
  refusable: boolean;
}

/**
 * One walk over the raw AST, much cheaper than a traversal with paths and scopes: the plugin's
 * traversal then skips every subtree without an async function, so a file pays little for the
 * code the plugin leaves alone. Iterative, so deeply nested code cannot overflow the stack here.
 */
export function indexFile(program: t.Program): FileIndex {
  const leadsToAsync = new Set<t.Node>();
  const names = new Set<string>();
  let dynamicScope = false;
  let forAwait = false;
  let superCall = false;
  // Each entry: a node, and the index of its parent's entry (for marking ancestors).
  const nodes: t.Node[] = [program];
  const parents: number[] = [-1];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === "Identifier" || node.type === "JSXIdentifier") {
      names.add(node.name);
    } else if (t.isFunction(node) && node.async) {
      for (let j = i; j >= 0 && !leadsToAsync.has(nodes[j]!); j = parents[j]!) leadsToAsync.add(nodes[j]!);
    } else if (node.type === "WithStatement") {
      dynamicScope = true;
    } else if (node.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === "eval") {
      dynamicScope = true;
    } else if (node.type === "CallExpression" && node.callee.type === "Super") {
      superCall = true;
    } else if (node.type === "ForOfStatement" && node.await) {
      forAwait = true;
    }
    const keys = t.VISITOR_KEYS[node.type];
    if (keys === undefined) continue;
    for (const key of keys) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const c of child) {
          if (c !== null && typeof c === "object") {
            nodes.push(c as t.Node);
            parents.push(i);
          }
        }
      } else if (child !== null && typeof child === "object") {
        nodes.push(child as t.Node);
        parents.push(i);
      }
    }
  }
  const refusable = superCall || dynamicScope || names.has("yield") || names.has("callee");
  return { leadsToAsync, dynamicScope, forAwait, names, refusable };
}
