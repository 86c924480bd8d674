import type { NodePath } from "@babel/core";
import { t } from "./babel-types.js";

type Scope = NodePath["scope"];

/** Where a program scope records the names generated for it: Babel 7 objects, or Babel 8 sets. */
interface ProgramRecords {
  references?: Record<string, boolean>;
  uids?: Record<string, boolean>;
  referencesSet?: Set<string>;
  uidsSet?: Set<string>;
}

interface FileNames {
  /** Every identifier name in the file that starts with `_` (as generated ones do), when the plugin started. */
  names: Set<string>;
  /** Where the search for each base name starts next. */
  next: Map<string, number>;
}

const files = new WeakMap<object, FileNames>();

/** Babel's candidates for a base name: `_x`, `_x2` … `_x9`, `_x0`, `_x1`, `_x10`, `_x11` … */
function candidate(name: string, i: number): string {
  if (i >= 11) return `_${name}${i - 1}`;
  if (i >= 9) return `_${name}${i - 9}`;
  if (i >= 1) return `_${name}${i + 1}`;
  return `_${name}`;
}

function isNode(value: unknown): value is t.Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

/** The names the plugin's first walk of the file collected (async-index.ts), so none is walked again. */
export function knowFileNames(program: Scope, names: Set<string>): void {
  files.set(program, { names, next: new Map() });
}

function fileNames(program: Scope): FileNames {
  let file = files.get(program);
  if (!file) {
    // A stack of its own, not traverseFast: this can run deep in the traversal, on deep code.
    const names = new Set<string>();
    const stack: t.Node[] = [program.block];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if ((t.isIdentifier(node) || t.isJSXIdentifier(node)) && node.name.startsWith("_")) names.add(node.name);
      const slots = node as unknown as Record<string, unknown>;
      for (const key of t.VISITOR_KEYS[node.type] ?? []) {
        const value = slots[key];
        if (Array.isArray(value)) {
          for (const child of value) if (isNode(child)) stack.push(child);
        } else if (isNode(value)) {
          stack.push(value);
        }
      }
    }
    file = { names, next: new Map() };
    files.set(program, file);
  }
  return file;
}

/**
 * `scope.generateUidIdentifier(hint)`, in time that depends neither on how many names were
 * generated before nor on how deep the scope is. Babel 7's search starts at `_hint` every time and
 * steps over every name generated before (the n-th `_x` of a file costs n checks), and each check
 * walks the scope chain four times (Babel 8 remembers where to start, but still walks): a file
 * with thousands of async functions took quadratic time, and so did async functions nested
 * thousands deep. This gives the names Babel gives, except that a name any identifier of the file
 * has (in scope here or not) is never taken: a candidate is free when no identifier of the file
 * had it when the plugin started and nothing generated it since. Names the plugin creates that are
 * not generated ones never start with `_`.
 */
export function generateUid(scope: Scope, hint: string): t.Identifier {
  const programScope = scope.getProgramParent();
  const program = programScope as unknown as ProgramRecords;
  const { names, next } = fileNames(programScope);
  const generated = (uid: string): boolean =>
    program.referencesSet ? program.referencesSet.has(uid) || program.uidsSet!.has(uid) : Boolean(program.references![uid] || program.uids![uid]);
  const name = t.toIdentifier(hint).replace(/^_+/, "").replace(/\d+$/g, "");
  let i = next.get(name) ?? 0;
  let uid: string;
  do {
    uid = candidate(name, i++);
  } while (names.has(uid) || generated(uid));
  next.set(name, i);
  if (program.referencesSet) {
    program.referencesSet.add(uid);
    program.uidsSet!.add(uid);
  } else {
    program.references![uid] = true;
    program.uids![uid] = true;
  }
  return t.identifier(uid);
}
