import { t } from "./babel-types.js";

/** A statement list the plugin adds declarations to. */
export type StatementList = t.Program | t.BlockStatement | t.StaticBlock | t.TSModuleBlock;

interface ListEdits {
  /** Statements for the top of the list, in the order they were asked for (each goes first). */
  unshifted: t.Statement[];
  appended: t.Statement[];
  after: Map<t.Statement, t.Statement[]>;
  removed: Set<t.Statement>;
}

/**
 * The statements that compiling async function declarations adds to (and removes from) statement
 * lists, applied to each list in one pass once the traversal is done. Babel's `insertAfter`,
 * `unshiftContainer` and `pushContainer` renumber the path of every sibling, so doing them one by
 * one took time quadratic in the length of the list (a file of 10,000 async functions: seconds
 * per megabyte).
 * Nothing the traversal still visits needs to see these statements: they hold code already
 * compiled, and the scope is crawled again at the end.
 */
export class StatementEdits {
  private readonly lists = new Map<StatementList, ListEdits>();

  private edits(list: StatementList): ListEdits {
    let edits = this.lists.get(list);
    if (!edits) {
      edits = { unshifted: [], appended: [], after: new Map(), removed: new Set() };
      this.lists.set(list, edits);
    }
    return edits;
  }

  /** Puts `statement` first in the list (after a program's imports), as `unshiftContainer` would. */
  unshift(list: StatementList, statement: t.Statement): void {
    this.edits(list).unshifted.push(statement);
  }

  /** Puts `statement` at the end of the list, as `pushContainer` would. */
  append(list: StatementList, statement: t.Statement): void {
    this.edits(list).appended.push(statement);
  }

  insertAfter(list: StatementList, anchor: t.Statement, statement: t.Statement): void {
    const after = this.edits(list).after;
    const existing = after.get(anchor);
    if (existing) existing.push(statement);
    else after.set(anchor, [statement]);
  }

  remove(list: StatementList, statement: t.Statement): void {
    this.edits(list).removed.add(statement);
  }

  /** Applies every edit. In a program, the statements put first go after the leading loader statements. */
  apply(isLoader: (statement: t.Statement) => boolean): void {
    for (const [list, edits] of this.lists) {
      const body = list.body as t.Statement[];
      const rebuilt: t.Statement[] = [];
      let i = 0;
      if (t.isProgram(list)) while (i < body.length && isLoader(body[i]!)) rebuilt.push(body[i++]!);
      for (let k = edits.unshifted.length - 1; k >= 0; k--) rebuilt.push(edits.unshifted[k]!);
      let anchors = 0;
      for (; i < body.length; i++) {
        const statement = body[i]!;
        if (!edits.removed.has(statement)) rebuilt.push(statement);
        const after = edits.after.get(statement);
        if (after) {
          rebuilt.push(...after);
          anchors++;
        }
      }
      for (const statement of edits.appended) rebuilt.push(statement);
      // A lost generator declaration would be wrong output: fail loudly instead.
      if (anchors !== edits.after.size) throw new Error("@stepwise/babel-plugin: internal error: a compiled declaration left its statement list.");
      body.length = 0;
      for (const statement of rebuilt) body.push(statement);
    }
    this.lists.clear();
  }
}
