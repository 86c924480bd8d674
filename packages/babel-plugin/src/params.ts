import type { NodePath } from "@babel/core";
import { t } from "./babel-types.js";
import { generateUid } from "./uid.js";

type Scope = NodePath["scope"];

type Param = t.Function["params"][number];

/** A TypeScript `this: T` parameter, which is not a real parameter. */
function isThisParam(param: Param, index: number): boolean {
  return index === 0 && t.isIdentifier(param) && param.name === "this";
}

/** `fn.length` of the original: parameters before the first default or rest (`this: T` skipped). */
export function expectedLength(params: readonly Param[]): number {
  let length = 0;
  for (const [index, param] of params.entries()) {
    if (isThisParam(param, index)) continue;
    if (t.isAssignmentPattern(param) || t.isRestElement(param)) break;
    length++;
  }
  return length;
}

/** Untyped placeholder parameters (`_x`, `_x2`, …) that give a wrapper the original's `.length`. */
export function placeholderParams(scope: Scope, params: readonly Param[]): t.Identifier[] {
  return Array.from({ length: expectedLength(params) }, () => generateUid(scope, "x"));
}
