import { relative, sep } from "node:path";
import type { types as t } from "@babel/core";

/** Where the file is, for coroutine locations: relative to Babel's root (or cwd), with `/`. */
export function fileLabel(filename: string | null | undefined, root: string | null | undefined): string {
  if (!filename) return "unknown";
  const base = root || process.cwd();
  const rel = relative(base, filename) || filename;
  return sep === "/" ? rel : rel.split(sep).join("/");
}

/** `"file:LINE:COL"` of a function node (COL is 0-based, as Babel reports it). */
export function functionLocation(file: string, node: t.Node): string {
  const start = node.loc?.start;
  return start ? `${file}:${start.line}:${start.column}` : file;
}

/**
 * Gives every node of `node` that has no location yet (the nodes the plugin made) the location
 * `loc`, so source maps and stack traces point back at the original function. Moved user nodes
 * keep their own locations and are not descended into.
 */
export function setMissingLoc(node: t.Node, loc: t.SourceLocation | null | undefined): void {
  if (!loc || node.loc) return;
  node.loc = loc;
  for (const value of Object.values(node) as unknown[]) {
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) setMissingLoc(item, loc);
    } else if (isNode(value)) {
      setMissingLoc(value, loc);
    }
  }
}

function isNode(value: unknown): value is t.Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}
