// Turns a raw program tree (program-grammar.ts) into source: resolves what each construct refers
// to (a call reaches a later function of the right kind, a `break` the loop it can leave, `yield`
// only directly in an async generator), keeps the work within a budget (each call's cost is
// known, since a function only calls later ones), and renders the text. The rules that keep a
// program deterministic under concurrency live here:
// - every call that is not awaited at once goes through `$sp` (the harness's spawn), so the
//   harness knows when more than one instance runs, and none of them can end unhandled;
// - a closure or arrow reads its own state and the loop variable it captured, never the
//   enclosing instance's `acc`, so no instance reads state another one writes concurrently;
// - Promise.all whose elements could fail more than once becomes allSettled (the first failure
//   in time would otherwise name the result), and Promise.race always races against `$slow`, a
//   call that takes far more turns than the other racer can: the winner never depends on timing.
import fc from "fast-check";
import type { FnKind, Params, RawAw, RawExpr, RawFn, RawProgram, RawStmt } from "./program-grammar";
import { CLASS_BASE, OBJECT_BASE, PRELUDE, PROGRAM_START, RUNNER, SLOW } from "./harness-source";

export interface Program {
  raw: RawProgram;
  /** The whole program: a CommonJS script that prints its trace. */
  source: string;
}

/** Most awaits and events one instance may run, with everything it calls (a loop multiplies). */
const FN_BUDGET = 60;
const MAIN_BUDGET = 200;
/** A race's other racer may cost at most this much; `$slow` then takes 4× its turns and more. */
const RACER_BUDGET = 12;

interface Rendered {
  code: string;
  cost: number;
  mayThrow: boolean;
}

interface Loop {
  label: string | null;
  /** Name of the loop's variable, or null for a switch. */
  variable: string | null;
  isLoop: boolean;
}

interface FnInfo {
  kind: FnKind;
  params: Params;
  index: number;
  cost: number;
  mayThrow: boolean;
}

/** Where the code being rendered is: which function, inside what. */
interface Ctx {
  fn: FnInfo;
  /** Inside a closure or arrow nested in the function: no yield, no writes to `arguments`. */
  nested: boolean;
  /** Name of the variable a nested closure captured (its "loop variable"), if any. */
  captured: string | null;
  /** What `param 0` and `param 1` read: the function's own parameters (each name unique in the program). */
  own: string[];
  /** The parameters of the function around a closure or inline generator, when it may read them. */
  outer: string[] | null;
  /**
   * A nested closure may read the function's parameters and `arguments`: false where it may run
   * while the function goes on (the elements of a `for await` array), since the function may
   * write them meanwhile (`arguments[1] = ...`).
   */
  readsOuter: boolean;
  /** Rendering the elements of a `for await` array: closures made here get `readsOuter` false. */
  inItems: boolean;
  loops: Loop[];
  later: FnInfo[];
}

class Renderer {
  private nextId = 0;

  /** The "plain" profile (see RawProgram): what would await a native promise becomes a plain await. */
  constructor(private readonly plain: boolean) {}

  id(): number {
    return this.nextId++;
  }

  // --- references ---------------------------------------------------------------------------

  /** A later function to call (any kind but an async generator), or null. */
  callee(ctx: Ctx, ref: number, budget: number): FnInfo | null {
    const candidates = ctx.later.filter((f) => f.kind !== "agen" && 1 + f.cost <= budget);
    return candidates.length === 0 ? null : candidates[ref % candidates.length]!;
  }

  generator(ctx: Ctx, ref: number, budget: number, cost: (g: FnInfo) => number): FnInfo | null {
    const candidates = ctx.later.filter((f) => f.kind === "agen" && cost(f) <= budget);
    return candidates.length === 0 ? null : candidates[ref % candidates.length]!;
  }

  callText(f: FnInfo, id: string, args: string[]): string {
    const all = [id, ...args].join(", ");
    switch (f.kind) {
      case "objMethod":
        return `o${f.index}.m(${all})`;
      case "classMethod":
        return `c${f.index}.m(${all})`;
      case "staticMethod":
        return `S${f.index}.m(${all})`;
      case "fieldArrow":
        return `i${f.index}.m(${all})`;
      default:
        return `f${f.index}(${all})`;
    }
  }

  /** Starts a call through `$sp`; the arguments are evaluated here, where they may await. */
  spawnText(f: FnInfo, args: string[]): string {
    return `$sp(t.sub(), ($id, ...$a) => ${this.callText(f, "$id", ["...$a"])}${args.map((a) => `, ${a}`).join("")})`;
  }

  hasArguments(ctx: Ctx): boolean {
    return ctx.fn.kind !== "arrow" && ctx.fn.kind !== "fieldArrow";
  }

  hasSuper(ctx: Ctx): boolean {
    return ctx.fn.kind === "objMethod" || ctx.fn.kind === "classMethod" || ctx.fn.kind === "fieldArrow";
  }

  param(ctx: Ctx, i: number): string {
    return ctx.own[i % ctx.own.length]!;
  }

  /** A context for a closure or inline generator made here: it may read this context's parameters. */
  innerOf(ctx: Ctx, own: string[], extra: Partial<Ctx>): Ctx {
    const readsOuter = ctx.readsOuter && !ctx.inItems;
    return { ...ctx, loops: [], captured: null, own, outer: readsOuter ? ctx.own : null, readsOuter, inItems: false, ...extra };
  }

  loopVar(ctx: Ctx): string {
    for (let i = ctx.loops.length - 1; i >= 0; i--) {
      const v = ctx.loops[i]!.variable;
      if (v !== null) return v;
    }
    return ctx.captured ?? "acc";
  }

  // --- expressions --------------------------------------------------------------------------

  expr(e: RawExpr, ctx: Ctx, budget: number): Rendered {
    const leaf = (code: string): Rendered => ({ code, cost: 0, mayThrow: false });
    const two = (l: RawExpr, r: RawExpr, f: (a: string, b: string) => string): Rendered => {
      const a = this.expr(l, ctx, budget);
      const b = this.expr(r, ctx, budget - a.cost);
      return { code: f(a.code, b.code), cost: a.cost + b.cost, mayThrow: a.mayThrow || b.mayThrow };
    };
    switch (e.k) {
      case "num":
        return leaf(String(e.v));
      case "str":
        return leaf(JSON.stringify(e.v));
      case "acc":
        return leaf("acc");
      case "param":
        return leaf(this.param(ctx, e.i));
      case "loopVar":
        return leaf(this.loopVar(ctx));
      case "argsLen":
        return leaf(this.hasArguments(ctx) ? "arguments.length" : "-1");
      case "argsAt":
        if (!this.hasArguments(ctx)) return leaf("-1");
        return leaf(ctx.nested && !ctx.readsOuter ? "arguments.length" : `arguments[${e.i + 1}]`);
      case "konst": {
        // The late ones are read only after a plain await, which always suspends: by then the
        // script has run to its end in both runs. (An await of a task that already finished
        // goes on at once in the compiled run, README "Awaiting what has already finished takes
        // no turn", so an unguarded read could come before the script declares them.) A call
        // made before they are declared still has to leave them alone until the body reads them.
        const name = ["K0", "K1", "V2", "KC.k"][e.i % 4]!;
        if (name === "K0") return leaf(name);
        if (budget < 1) return leaf("K0");
        return { code: `((await $aw(null)), ${name})`, cost: 1, mayThrow: false };
      }
      case "outer":
        return leaf((ctx.outer ?? ctx.own)[e.i % 2] ?? ctx.own[0]!);
      case "thisTag":
        switch (ctx.fn.kind) {
          case "objMethod":
          case "classMethod":
          case "fieldArrow":
            return leaf("this.tag");
          case "staticMethod":
            return leaf("this.name");
          case "arrow":
            return leaf('"arrow"');
          default:
            return leaf("typeof this");
        }
      case "await": {
        if (budget < 1) return this.expr({ k: "num", v: 1 }, ctx, budget);
        const a = this.aw(e.a, ctx, budget - 1, false);
        return { code: `(await $aw(${a.code}))`, cost: a.cost + 1, mayThrow: a.mayThrow };
      }
      case "bin":
        return two(e.l, e.r, (a, b) => `(${a} ${e.op} ${b})`);
      case "logic":
        return two(e.l, e.r, (a, b) => `(${a} ${e.op} ${b})`);
      case "tmpl":
        return two(e.l, e.r, (a, b) => `\`\${${a}}-\${${b}}\``);
      case "comma":
        return two(e.l, e.r, (a, b) => `(${a}, ${b})`);
      case "obj":
        return two(e.key, e.v, (a, b) => `({ [${a}]: ${b} })`);
      case "cond": {
        const c = this.expr(e.c, ctx, budget);
        const t = this.expr(e.t, ctx, budget - c.cost);
        const f = this.expr(e.f, ctx, budget - c.cost);
        return { code: `(${c.code} ? ${t.code} : ${f.code})`, cost: c.cost + Math.max(t.cost, f.cost), mayThrow: c.mayThrow || t.mayThrow || f.mayThrow };
      }
      case "arr": {
        const parts = this.exprs(e.items, ctx, budget);
        return { code: `[${parts.codes.join(", ")}]`, cost: parts.cost, mayThrow: parts.mayThrow };
      }
      case "assign": {
        const v = this.expr(e.v, ctx, budget);
        return { code: `(acc ${e.op} ${v.code})`, cost: v.cost, mayThrow: v.mayThrow };
      }
      case "typeof": {
        const v = this.expr(e.e, ctx, budget);
        return { code: `(typeof ${v.code})`, cost: v.cost, mayThrow: v.mayThrow };
      }
    }
  }

  exprs(items: RawExpr[], ctx: Ctx, budget: number): { codes: string[]; cost: number; mayThrow: boolean } {
    const codes: string[] = [];
    let cost = 0;
    let mayThrow = false;
    for (const item of items) {
      const r = this.expr(item, ctx, budget - cost);
      codes.push(r.code);
      cost += r.cost;
      mayThrow ||= r.mayThrow;
    }
    return { codes, cost, mayThrow };
  }

  // --- awaitables ---------------------------------------------------------------------------

  /**
   * The operand of an `await` (`element` false), or an element of Promise.all/race or of a
   * `for await` array (`element` true): there, every call is started through `$sp`.
   */
  aw(a: RawAw, ctx: Ctx, budget: number, element: boolean): Rendered {
    const spawnIf = (start: string, body: string): string => (element ? `$sp(t.sub(), ${start})` : body);
    if (this.plain) {
      switch (a.k) {
        case "resolved":
        case "newPromise":
        case "thenable":
          return this.expr(a.e, ctx, budget);
        case "rejected":
          return this.expr({ k: "num", v: 0 }, ctx, budget);
        case "then":
          return this.aw(a.a, ctx, budget, element);
        case "race":
          return this.aw(a.fast, ctx, budget, element);
        case "all":
          // One after another: `[await x, await y]`.
          return this.expr({ k: "arr", items: a.items.map((item) => ({ k: "await", a: item })) }, ctx, budget);
        default:
          break;
      }
    }
    switch (a.k) {
      case "value":
        return this.expr(a.e, ctx, budget);
      case "call": {
        const f = this.callee(ctx, a.fn, budget);
        if (f === null) return this.expr({ k: "num", v: a.fn }, ctx, budget);
        const args = this.exprs(a.args, ctx, budget - 1 - f.cost);
        const cost = 1 + f.cost + args.cost;
        const code = element ? this.spawnText(f, args.codes) : this.callText(f, "t.sub()", args.codes);
        return { code, cost, mayThrow: f.mayThrow || args.mayThrow };
      }
      case "super": {
        if (!this.hasSuper(ctx) || budget < 2) return this.expr(a.e, ctx, budget);
        const v = this.expr(a.e, ctx, budget - 2);
        return {
          code: spawnIf(`($id, $v) => super.bm($id, $v), ${v.code}`, `super.bm(t.sub(), ${v.code})`),
          cost: v.cost + 2,
          mayThrow: v.mayThrow,
        };
      }
      case "arrowIn": {
        const own = `a${this.id()}`;
        const inner = this.innerOf(ctx, [own], { nested: true });
        const body = this.block(a.body, inner, budget - 1, 2);
        const fn = `async ($id) => {\n${prologue("$id", "[0]", this.plain)}const ${own} = ${own.slice(1)};\n${body.code}}`;
        return { code: spawnIf(fn, `(${fn})(t.sub())`), cost: body.cost + 1, mayThrow: body.mayThrow };
      }
      case "resolved": {
        const v = this.expr(a.e, ctx, budget);
        return { code: `Promise.resolve(${v.code})`, cost: v.cost, mayThrow: v.mayThrow };
      }
      case "rejected":
        return { code: `Promise.reject(new Error("r${this.id()}"))`, cost: 0, mayThrow: true };
      case "newPromise": {
        const v = this.expr(a.e, ctx, budget);
        return { code: `$np(${v.code})`, cost: v.cost, mayThrow: v.mayThrow };
      }
      case "thenable": {
        const v = this.expr(a.e, ctx, budget);
        return { code: `$th(${v.code})`, cost: v.cost, mayThrow: v.mayThrow };
      }
      case "then": {
        // Native promise code adopting what is inside (a Task, when it is a call). As an element
        // the call runs alongside the others, so it is a spawn too.
        const inner = this.aw(a.a, ctx, budget - 1, element);
        return { code: `$then(${inner.code})`, cost: inner.cost + 1, mayThrow: inner.mayThrow };
      }
      case "all": {
        const items: Rendered[] = [];
        let cost = 1;
        for (const item of a.items) {
          const r = this.aw(item, ctx, budget - cost, true);
          items.push(r);
          cost += r.cost;
        }
        const failing = items.filter((r) => r.mayThrow).length;
        const settled = a.settled || failing > 1;
        return {
          code: `Promise.${settled ? "allSettled" : "all"}([${items.map((r) => r.code).join(", ")}])`,
          cost,
          mayThrow: !settled && failing > 0,
        };
      }
      case "race": {
        const fast = this.aw(a.fast, ctx, Math.min(RACER_BUDGET, budget - 1), true);
        const turns = 4 * fast.cost + 8;
        if (fast.cost > RACER_BUDGET || budget < fast.cost + turns + 1) return fast;
        const slow = `$sp(t.sub(), ($id) => $slow($id, ${turns}))`;
        const items = a.slowFirst ? [slow, fast.code] : [fast.code, slow];
        return { code: `Promise.race([${items.join(", ")}])`, cost: fast.cost + turns + 1, mayThrow: fast.mayThrow };
      }
    }
  }

  // --- statements ---------------------------------------------------------------------------

  block(stmts: RawStmt[], ctx: Ctx, budget: number, depth: number): Rendered {
    let code = "";
    let cost = 0;
    let mayThrow = false;
    for (const s of stmts) {
      const r = this.stmt(s, ctx, Math.max(0, budget - cost), depth);
      code += r.code;
      cost += r.cost;
      mayThrow ||= r.mayThrow;
    }
    return { code, cost, mayThrow };
  }

  stmt(s: RawStmt, ctx: Ctx, budget: number, depth: number): Rendered {
    const pad = "  ".repeat(depth);
    const id = this.id();
    const label = `"L${id}"`;
    const line = (text: string, r: { cost: number; mayThrow: boolean } = { cost: 0, mayThrow: false }): Rendered => ({
      code: `${pad}${text}\n`,
      cost: r.cost + 1,
      mayThrow: r.mayThrow,
    });
    const logOf = (e: RawExpr): Rendered => {
      const r = this.expr(e, ctx, budget - 1);
      return line(`t.log(${label}, ${r.code});`, r);
    };
    switch (s.k) {
      case "log":
        return logOf(s.e);
      case "awaitStmt": {
        if (budget < 1) return line(`t.log(${label}, 0);`);
        const a = this.aw(s.a, ctx, budget - 1, false);
        return line(`await $aw(${a.code});`, a);
      }
      case "set": {
        const r = this.expr(s.e, ctx, budget);
        return { code: `${pad}acc = ${r.code};\n`, cost: r.cost, mayThrow: r.mayThrow };
      }
      case "if": {
        const c = this.expr(s.c, ctx, budget);
        const t = this.block(s.then, ctx, budget - c.cost, depth + 1);
        const f = s.else === null ? null : this.block(s.else, ctx, budget - c.cost, depth + 1);
        const code = `${pad}if (${c.code}) {\n${t.code}${pad}}${f === null ? "" : ` else {\n${f.code}${pad}}`}\n`;
        return { code, cost: c.cost + Math.max(t.cost, f?.cost ?? 0), mayThrow: c.mayThrow || t.mayThrow || (f?.mayThrow ?? false) };
      }
      case "loop":
        return this.loop(s, ctx, budget, depth, id);
      case "jump":
        return this.jump(s, ctx, depth);
      case "try": {
        const body = this.block(s.body, ctx, budget, depth + 1);
        let code = `${pad}try {\n${body.code}`;
        let cost = body.cost;
        let mayThrow = body.mayThrow;
        const handler = s.handler === null ? null : this.block(s.handler, ctx, budget - cost - 1, depth + 1);
        if (handler !== null) {
          code += `${pad}} catch (e${id}) {\n${pad}  t.log("L${id}c", e${id});\n${handler.code}`;
          cost += handler.cost + 1;
          mayThrow = handler.mayThrow;
        }
        const wantsFinally = s.fin !== null || s.finReturn !== null || handler === null;
        if (wantsFinally) {
          const fin = this.block(s.fin ?? [], ctx, budget - cost - 1, depth + 1);
          code += `${pad}} finally {\n${pad}  t.log("L${id}f", acc);\n${fin.code}`;
          cost += fin.cost + 1;
          mayThrow ||= fin.mayThrow;
          if (s.finReturn !== null) {
            const r = this.expr(s.finReturn, ctx, budget - cost);
            code += `${pad}  return ${r.code};\n`;
            cost += r.cost;
            mayThrow = r.mayThrow;
          }
        }
        return { code: `${code}${pad}}\n`, cost, mayThrow };
      }
      case "cleanup": {
        // The yields only in an async generator's own body; elsewhere plain awaits stand in.
        const gen = ctx.fn.kind === "agen" && !ctx.nested;
        const step = (n: string): string => (gen ? `${pad}  t.log("L${id}${n}", yield "${id}${n}");\n` : `${pad}  t.log("L${id}${n}", await $aw("${id}${n}"));\n`);
        const body = this.block(s.body, ctx, budget - 4, depth + 1);
        const fin = this.block(s.fin, ctx, budget - 4 - body.cost, depth + 1);
        const code =
          `${pad}try {\n${step("a")}${body.code}${step("b")}${pad}} finally {\n${pad}  t.log("L${id}f", acc);\n${fin.code}${pad}}\n`;
        return { code, cost: body.cost + fin.cost + 3, mayThrow: body.mayThrow || fin.mayThrow };
      }
      case "throw": {
        const value = [`new Error("x${id}")`, `"s${id}"`, `{ code: ${id} }`][s.kind % 3]!;
        if (s.viaAwait && budget >= 1 && !this.plain) return { code: `${pad}await $aw(Promise.reject(${value}));\n`, cost: 1, mayThrow: true };
        return { code: `${pad}throw ${value};\n`, cost: 0, mayThrow: true };
      }
      case "return":
        return this.ret(s, ctx, budget, pad);
      case "spawn": {
        const f = this.callee(ctx, s.fn, budget - 1);
        const between = this.block(s.between, ctx, budget - 1 - (f?.cost ?? 0), depth);
        if (f === null) return between;
        const args = this.exprs(s.args, ctx, budget - 2 - f.cost - between.cost);
        let code = `${pad}const p${id} = ${this.spawnText(f, args.codes)};\n${between.code}`;
        let cost = 1 + f.cost + args.cost + between.cost;
        let mayThrow = args.mayThrow || between.mayThrow;
        if (s.join) {
          code += `${pad}t.log("L${id}j", await $aw(p${id}));\n`;
          cost += 1;
          mayThrow ||= f.mayThrow;
        }
        return { code, cost, mayThrow };
      }
      case "closures":
        return this.closures(s, ctx, budget, depth, id);
      case "forAwait":
        // The plain profile keeps only arrays of plain values: they take native turns, while the
        // last step of a generator, or an element that is a promise, is a listed timing difference.
        if (this.plain) return this.forAwait({ ...s, gen: null, items: s.items.filter((a) => a.k === "value") }, ctx, budget, depth, id);
        return this.forAwait(s, ctx, budget, depth, id);
      case "genSteps":
        return this.genSteps(s, ctx, budget, depth, id);
      case "yield": {
        if (ctx.fn.kind !== "agen" || ctx.nested) return logOf(s.e);
        const r = this.expr(s.e, ctx, budget - 1);
        return line(s.recv ? `t.log(${label}, yield ${r.code});` : `yield ${r.code};`, r);
      }
      case "yieldStar": {
        if (ctx.fn.kind !== "agen" || ctx.nested) return logOf({ k: "num", v: s.gen });
        if (this.plain) return line(`yield ${id};`);
        const g = this.generatorSource(s.gen, s.inline, ctx, Math.floor(budget / 2) - 1, depth + 1);
        if (g === null) return line(`yield ${id};`);
        const code =
          `${pad}try {\n${pad}  $mech("yield*");\n${pad}  t.log(${label}, yield* ${g.code});\n` +
          `${pad}} finally {\n${pad}  $mech("yield*");\n${pad}}\n`;
        return { code, cost: 2 * g.cost + 2, mayThrow: g.mayThrow };
      }
      case "argsWrite": {
        if (ctx.nested || !this.hasArguments(ctx)) return logOf(s.e);
        const r = this.expr(s.e, ctx, budget - 1);
        return { code: `${pad}arguments[${s.i + 1}] = ${r.code};\n${pad}t.log(${label}, [${ctx.own.join(", ")}]);\n`, cost: r.cost + 1, mayThrow: r.mayThrow };
      }
      case "spawnRead": {
        if (budget < 3) return { code: "", cost: 0, mayThrow: false };
        const own = ctx.own;
        let before = "";
        let read: string;
        let write: string;
        if (s.how === "let" || ctx.nested) {
          before = `${pad}let z${id} = ${id};\n`;
          read = `z${id}`;
          write = `z${id} = ${id + 1};`;
        } else if (s.how === "arguments" && this.hasArguments(ctx)) {
          read = `[${own.join(", ")}, arguments[1]]`;
          write = `arguments[1] = ${id};`;
        } else {
          read = `[${own.join(", ")}]`;
          write = own[0]!.startsWith("r[") ? `r = [${id}];` : `${own[0]} = ${id};`;
        }
        const code =
          before +
          `${pad}const q${id} = $sp(t.sub(), async ($id) => {\n${pad}  const t = $t($id);\n${pad}  t.log("in", 0);\n` +
          `${pad}  await null;\n${pad}  return ${read};\n${pad}});\n${pad}${write}\n${pad}t.log(${label}, await $aw(q${id}));\n`;
        return { code, cost: 3, mayThrow: false };
      }
      case "switch": {
        const d = this.expr(s.d, ctx, budget);
        const inner: Ctx = { ...ctx, loops: [...ctx.loops, { label: null, variable: null, isLoop: false }] };
        let code = `${pad}switch ((${d.code}) % ${s.cases.length}) {\n`;
        let cost = d.cost;
        let mayThrow = d.mayThrow;
        s.cases.forEach((c, i) => {
          const head = i === s.cases.length - 1 ? "default" : `case ${i}`;
          const body = this.block(c, inner, budget - cost, depth + 2);
          code += `${pad}  ${head}: {\n${body.code}${pad}  }\n`;
          if (!s.fall) code += `${pad}  break;\n`;
          cost += body.cost;
          mayThrow ||= body.mayThrow;
        });
        return { code: `${code}${pad}}\n`, cost, mayThrow };
      }
    }
  }

  loop(s: Extract<RawStmt, { k: "loop" }>, ctx: Ctx, budget: number, depth: number, id: number): Rendered {
    const pad = "  ".repeat(depth);
    const v = `i${id}`;
    const iterations = s.kind === "do" ? Math.max(1, s.n) : s.n;
    const awaitBound = s.awaitBound && s.kind !== "forOf" && budget >= 2 * (iterations + 1);
    const boundCost = awaitBound ? iterations + 1 : 0;
    const inner: Ctx = { ...ctx, loops: [...ctx.loops, { label: s.label ? `L${id}` : null, variable: v, isLoop: true }] };
    const perIteration = Math.floor((budget - boundCost) / Math.max(1, iterations)) - 1;
    const body = this.block(s.body, inner, perIteration, depth + 1);
    const bound = awaitBound ? `(await $aw(${s.n}))` : String(s.n);
    const label = s.label ? `L${id}: ` : "";
    const trace = `${pad}  t.log("L${id}i", ${v});\n`;
    let code: string;
    switch (s.kind) {
      case "for":
        code = `${pad}${label}for (let ${v} = 0; ${v} < ${bound}; ${v}++) {\n${trace}${body.code}${pad}}\n`;
        break;
      case "while":
        code = `${pad}{\n${pad}let ${v} = 0;\n${pad}${label}while (${v} < ${bound}) {\n${pad}  ${v}++;\n${trace}${body.code}${pad}}\n${pad}}\n`;
        break;
      case "do":
        code = `${pad}{\n${pad}let ${v} = 0;\n${pad}${label}do {\n${pad}  ${v}++;\n${trace}${body.code}${pad}} while (${v} < ${bound});\n${pad}}\n`;
        break;
      case "forOf": {
        const items = Array.from({ length: s.n }, (_, i) => i).join(", ");
        code = `${pad}${label}for (const ${v} of [${items}]) {\n${trace}${body.code}${pad}}\n`;
        return { code, cost: iterations * (body.cost + 1), mayThrow: body.mayThrow };
      }
    }
    return { code, cost: iterations * (body.cost + 1) + boundCost, mayThrow: body.mayThrow };
  }

  jump(s: Extract<RawStmt, { k: "jump" }>, ctx: Ctx, depth: number): Rendered {
    const pad = "  ".repeat(depth);
    const loops = ctx.loops;
    let target: Loop | undefined;
    let needsLabel = false;
    if (s.outer) {
      target = loops.find((l) => l.isLoop && l.label !== null);
      needsLabel = target !== undefined;
    }
    if (target === undefined) {
      // Unlabelled: break leaves the innermost loop or switch; continue the innermost loop.
      for (let i = loops.length - 1; i >= 0; i--) {
        if (s.kind === "break" || loops[i]!.isLoop) {
          target = loops[i];
          break;
        }
      }
    }
    if (target === undefined) return { code: "", cost: 0, mayThrow: false };
    const text =
      s.kind === "return" ? "return acc;" : s.kind === "throw" ? `throw new Error("exit${this.id()}");` : `${s.kind}${needsLabel ? ` ${target.label}` : ""};`;
    const code = s.cond ? `${pad}if (${this.loopVar(ctx)} % 2 === 1) ${text}\n` : `${pad}${text}\n`;
    return { code, cost: 0, mayThrow: s.kind === "throw" };
  }

  ret(s: Extract<RawStmt, { k: "return" }>, ctx: Ctx, budget: number, pad: string): Rendered {
    if (s.how === "thenable" && this.plain) return this.ret({ ...s, how: "await" }, ctx, budget, pad);
    if (s.how === "value" || budget < 2) {
      const r = this.expr(s.e, ctx, budget);
      return { code: `${pad}return ${r.code};\n`, cost: r.cost, mayThrow: r.mayThrow };
    }
    // A call if there is one to make, else a resolved promise. A returned call goes on while the
    // function's `finally` blocks run: it is started as a spawn.
    const f = this.callee(ctx, s.e.k === "num" ? s.e.v : 0, budget - 1);
    let target: Rendered;
    if (f !== null) {
      const code = s.how === "await" ? this.callText(f, "t.sub()", []) : this.spawnText(f, []);
      target = { code, cost: 1 + f.cost, mayThrow: f.mayThrow };
    }
    else {
      const r = this.expr(s.e, ctx, budget - 1);
      target = { code: `Promise.resolve(${r.code})`, cost: r.cost + 1, mayThrow: r.mayThrow };
    }
    const code = s.how === "await" ? `return await $aw(${target.code});` : `return $ret(${target.code});`;
    return { code: `${pad}${code}\n`, cost: target.cost, mayThrow: target.mayThrow };
  }

  closures(s: Extract<RawStmt, { k: "closures" }>, ctx: Ctx, budget: number, depth: number, id: number): Rendered {
    const pad = "  ".repeat(depth);
    const v = `i${id}`;
    const list = `cs${id}`;
    const own = `a${id}`;
    const inner = this.innerOf(ctx, [own, v], { nested: true, captured: v });
    const body = this.block(s.body, inner, Math.floor(budget / s.n) - 2, depth + 2);
    const cost = s.n * (body.cost + 2);
    const decl = s.useVar ? "var" : "let";
    let code =
      `${pad}{\n${pad}const ${list} = [];\n` +
      `${pad}for (${decl} ${v} = 0; ${v} < ${s.n}; ${v}++) {\n` +
      `${pad}  ${list}.push(async ($id, ${own}) => {\n${prologue("$id", `[${own}, ${v}]`, this.plain)}${body.code}${pad}  });\n${pad}}\n`;
    let mayThrow: boolean;
    if (s.all && this.plain) {
      // Concurrent without Promise.all: start them all, then await each.
      code += `${pad}const ps${id} = ${list}.map((c) => $sp(t.sub(), ($id) => c($id, acc)));\n${pad}for (const p of ps${id}) t.log("L${id}", await $aw(p));\n`;
      mayThrow = body.mayThrow;
    } else if (s.all) {
      const settled = body.mayThrow && s.n > 1;
      code += `${pad}t.log("L${id}", await $aw(Promise.${settled ? "allSettled" : "all"}(${list}.map((c) => $sp(t.sub(), ($id) => c($id, acc))))));\n`;
      mayThrow = body.mayThrow && !settled;
    } else {
      code += `${pad}for (const c of ${list}) t.log("L${id}", await $aw(c(t.sub(), acc)));\n`;
      mayThrow = body.mayThrow;
    }
    return { code: `${code}${pad}}\n`, cost, mayThrow };
  }

  forAwait(s: Extract<RawStmt, { k: "forAwait" }>, ctx: Ctx, budget: number, depth: number, id: number): Rendered {
    const pad = "  ".repeat(depth);
    const v = `v${id}`;
    const inner: Ctx = { ...ctx, loops: [...ctx.loops, { label: s.label ? `L${id}` : null, variable: v, isLoop: true }] };
    let source: Rendered;
    let iterations: number;
    const g = s.gen === null ? null : this.generatorSource(s.gen, s.inline, ctx, Math.floor(budget / 3), depth + 1);
    // A generator's last step answers without suspending, and an element that is a promise or a
    // task is awaited by the loop where the harness cannot see it: the harness notes those loops
    // ($mech) when other instances run. An array of plain values takes native turns: no note.
    const noted = g !== null || s.items.some((a) => a.k !== "value");
    if (g !== null) {
      source = { code: g.code, cost: g.cost + 1, mayThrow: g.mayThrow };
      iterations = g.cost + 1;
    } else {
      // A failed element would reject before the loop reaches it, or never be awaited at all.
      const items = s.items.map((a): RawAw => (a.k === "rejected" ? { k: "resolved", e: { k: "num", v: id } } : a));
      const parts: Rendered[] = [];
      let cost = 0;
      const itemCtx: Ctx = { ...ctx, inItems: true };
      for (const item of items) {
        const r = this.aw(item, itemCtx, budget / 2 - cost, true);
        parts.push(r);
        cost += r.cost;
      }
      const failing = parts.filter((p) => p.mayThrow).length;
      if (failing > 1) {
        // Two elements failing: which one the loop meets first would depend on timing.
        return this.forAwait({ ...s, items: [] }, ctx, budget, depth, id);
      }
      source = { code: `[${parts.map((p) => p.code).join(", ")}]`, cost, mayThrow: failing > 0 };
      iterations = items.length;
    }
    const perIteration = Math.floor((budget - source.cost) / Math.max(1, iterations)) - 2;
    const body = this.block(s.body, inner, perIteration, depth + 2);
    const label = s.label ? `L${id}: ` : "";
    const exit = { none: "", break: "break;", return: "return acc;", throw: `throw new Error("exit${id}");` }[s.exit];
    const count = exit === "" ? "" : `${pad}  let n${id} = 0;\n`;
    const leave = exit === "" ? "" : `${pad}    if (++n${id} === 2) ${exit}\n`;
    const loop =
      `${pad}  ${label}for await (const ${v} of ${source.code}) {\n` +
      `${noted ? `${pad}    $mech("for await");\n` : ""}${pad}    t.log("L${id}v", ${v});\n${leave}${body.code}${pad}  }\n`;
    const code = noted
      ? `${pad}try {\n${pad}  $mech("for await");\n${count}${loop}${pad}} finally {\n${pad}  $mech("for await");\n${pad}}\n`
      : `${pad}{\n${count}${loop}${pad}}\n`;
    return { code, cost: source.cost + iterations * (body.cost + 2), mayThrow: source.mayThrow || body.mayThrow };
  }

  /**
   * An async generator to iterate: a later async generator function, or (when `inline` is given)
   * an `async function*` written here, which may read this function's state: its consumer waits
   * for each step, so nothing else changes that state meanwhile.
   */
  generatorSource(ref: number, inline: RawStmt[] | null, ctx: Ctx, budget: number, depth: number): Rendered | null {
    if (inline === null) {
      const g = this.generator(ctx, ref, budget, (f) => f.cost + 1);
      return g === null ? null : { code: this.callText(g, "t.sub()", []), cost: g.cost, mayThrow: g.mayThrow };
    }
    const n = this.id();
    const own = `g${n}`;
    const info: FnInfo = { kind: "agen", params: "plain", index: -1, cost: 0, mayThrow: false };
    const inner = this.innerOf(ctx, [own], { fn: info, nested: false });
    const body = this.block(inline, inner, budget - 1, depth + 1);
    const pad = "  ".repeat(depth);
    const pause = this.plain ? `${pad}  await null;\n` : "";
    // Its body runs in a try/finally, so a consumer leaving early (return()) shows in the trace.
    const code =
      `(async function* ($id, ${own}) {\n${pad}  const t = $t($id);\n${pad}  t.log("in", [${own}]);\n${pause}` +
      `${pad}  try {\n${pad}    yield ${n};\n${body.code}${pad}  } finally {\n${pad}    t.log("end", ${own});\n${pad}  }\n${pad}})(t.sub(), ${n})`;
    return { code, cost: body.cost + 1, mayThrow: body.mayThrow };
  }

  genSteps(s: Extract<RawStmt, { k: "genSteps" }>, ctx: Ctx, budget: number, depth: number, id: number): Rendered {
    const pad = "  ".repeat(depth);
    const steps = s.steps;
    const g = this.generatorSource(s.gen, s.inline, ctx, budget - 2 * steps.length, depth + 1);
    if (g === null) return { code: "", cost: 0, mayThrow: false };
    const it = `it${id}`;
    let code = `${pad}{\n${pad}const ${it} = ${g.code};\n`;
    let cost = g.cost + 2 * steps.length;
    let mayThrow = g.mayThrow;
    steps.forEach((step, i) => {
      const at = `"L${id}.${i}"`;
      switch (step.k) {
        case "next": {
          const e = step.e === null ? null : this.expr(step.e, ctx, 0);
          code += `${pad}t.log(${at}, await $aw(${it}.next(${e?.code ?? ""})));\n`;
          break;
        }
        case "return": {
          const e = this.expr(step.e, ctx, 0);
          code += `${pad}t.log(${at}, await $aw(${it}.return(${e.code})));\n`;
          break;
        }
        case "throw":
          code += `${pad}t.log(${at}, await $aw(${it}.throw(new Error("g${id}.${i}"))));\n`;
          mayThrow = true;
          break;
        case "nextPair":
          if (this.plain) {
            code += `${pad}t.log(${at}, await $aw(${it}.next()));\n`;
            break;
          }
          code += `${pad}t.log(${at}, await $aw(Promise.all([${it}.next(), ${it}.next()])));\n`;
          break;
      }
    });
    return { code: `${code}${pad}}\n`, cost, mayThrow };
  }
}

/** The first lines of every function body: its tracer, its own state, and an entry event. */
/**
 * The first lines of every function body: its tracer, its own state, an entry event, and with
 * `pause` a plain await, so that awaiting the call finds it still running (awaiting a call that
 * has finished is one of the timing differences that relax the comparison).
 */
function prologue(id: string, entry: string, pause: boolean): string {
  return `const t = $t(${id});\nlet acc = 0;\nt.log("in", ${entry});\n${pause ? "await null;\n" : ""}`;
}

function paramList(p: Params): { list: string; entry: string } {
  switch (p) {
    case "plain":
      return { list: "id, a, b", entry: "[a, b]" };
    case "default":
      return { list: "id, a, b = [a]", entry: "[a, b]" };
    case "rest":
      return { list: "id, ...r", entry: "r" };
    case "destructure":
      return { list: "id, { length: a, k: b = 5 } = []", entry: "[a, b]" };
  }
}

function definition(f: FnInfo, body: string, pause: boolean): string {
  const { list, entry } = paramList(f.params);
  const inner = `{\n${prologue("id", entry, pause)}${body}}`;
  const n = f.index;
  switch (f.kind) {
    case "decl":
      return `async function ${n === 0 ? "main" : `f${n}`}(${list}) ${inner}`;
    case "expr":
      return `const f${n} = async function f${n}x(${list}) ${inner};`;
    case "arrow":
      return `const f${n} = async (${list}) => ${inner};`;
    case "objMethod":
      return `const o${n} = {\n__proto__: $base,\ntag: "o${n}",\nasync m(${list}) ${inner},\n};`;
    case "classMethod":
      return `class C${n} extends $Base {\nconstructor() { super(); this.tag = "c${n}"; }\nasync m(${list}) ${inner}\n}\nconst c${n} = new C${n}();`;
    case "staticMethod":
      return `class S${n} {\nstatic async m(${list}) ${inner}\n}`;
    case "fieldArrow":
      return `class F${n} extends $Base {\ntag = "i${n}";\nm = async (${list}) => ${inner};\n}\nconst i${n} = new F${n}();`;
    case "agen":
      return `async function* f${n}(${list}) ${inner}`;
  }
}

/** Resolves and renders a raw program. */
export function renderProgram(raw: RawProgram): Program {
  const infos: FnInfo[] = raw.fns.map((f: RawFn, index) => ({ kind: f.kind, params: f.params, index, cost: 0, mayThrow: false }));
  const renderer = new Renderer(raw.profile === "plain");
  const bodies: string[] = new Array(raw.fns.length);
  // Later functions first: a call's cost is then known when its caller is rendered.
  for (let index = raw.fns.length - 1; index >= 0; index--) {
    const info = infos[index]!;
    const own = info.params === "rest" ? ["r[0]", "r[1]"] : ["a", "b"];
    const ctx: Ctx = { fn: info, nested: false, captured: null, own, outer: null, readsOuter: true, inItems: false, loops: [], later: infos.slice(index + 1) };
    const r = renderer.block(raw.fns[index]!.body, ctx, index === 0 ? MAIN_BUDGET : FN_BUDGET, 0);
    bodies[index] = r.code;
    info.cost = r.cost + 1;
    info.mayThrow = r.mayThrow;
  }
  const pause = (f: FnInfo): boolean => raw.profile === "plain" || raw.fns[f.index]!.pause;
  const defs = infos.slice(1).map((f) => definition(f, bodies[f.index]!, pause(f)));
  const iife = raw.scope === "iife";
  const uses = (piece: string, pattern: RegExp): string[] => (bodies.some((b) => pattern.test(b)) || defs.some((d) => pattern.test(d)) ? [piece] : []);
  const source = [
    raw.strict ? '"use strict";' : "// sloppy mode",
    PRELUDE,
    ...uses(OBJECT_BASE, /__proto__: \$base/),
    ...uses(CLASS_BASE, /extends \$Base/),
    ...uses(SLOW, /\$slow\(/),
    PROGRAM_START,
    ...(iife ? ["(function () {"] : []),
    "const K0 = 10;",
    ...defs,
    definition(infos[0]!, bodies[0]!, pause(infos[0]!)),
    RUNNER,
    // Declared after main has started: main's calls read them before or after their first await.
    "const K1 = 11;",
    "var V2 = 12;",
    "class KC { static k = 13; }",
    ...(iife ? ["})();"] : []),
  ].join("\n");
  const program: Program = { raw, source };
  // fast-check prints a counterexample with this: the shrunk program reads as source.
  Object.defineProperty(program, fc.toStringMethod, { value: () => `\n${source}\n` });
  return program;
}
