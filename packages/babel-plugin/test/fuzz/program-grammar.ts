// The grammar of the fuzzer's programs, as fast-check arbitraries of a raw tree. The raw tree is
// what fast-check generates and shrinks; program-render.ts resolves it (which function a call
// reaches, which loop a `break` leaves, what fits the budget) and renders the source. Every raw
// tree renders to a valid, terminating, deterministic program, so shrinking never needs a filter.
import fc from "fast-check";

/** How a function is defined and called; `this`, `arguments` and `super` depend on it. */
export type FnKind =
  | "decl" //          async function f3(id, ...) {}            f3(...)
  | "expr" //          const f3 = async function f3x(id, ...) {} f3(...)
  | "arrow" //         const f3 = async (id, ...) => {}          f3(...)      (no own this/arguments)
  | "objMethod" //     const o3 = { __proto__: $base, tag, async m(id, ...) {} }   o3.m(...)  (super.bm)
  | "classMethod" //   class C3 extends $Base { async m(id, ...) {} }              c3.m(...)  (super.bm)
  | "staticMethod" //  class S3 { static async m(id, ...) {} }                     S3.m(...)  (this = S3)
  | "fieldArrow" //    class F3 { tag; m = async (id, ...) => {} }                 f3i.m(...) (this = instance)
  | "agen"; //         async function* g3(id, ...) {}          for await / next / return / throw

/** Parameter lists after the instance id: plain, a default using the first, rest, destructuring. */
export type Params = "plain" | "default" | "rest" | "destructure";

export type RawExpr =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "acc" }
  | { k: "param"; i: number }
  | { k: "loopVar" }
  | { k: "argsLen" }
  | { k: "argsAt"; i: number }
  | { k: "thisTag" }
  | { k: "await"; a: RawAw }
  | { k: "bin"; op: "+" | "-" | "*"; l: RawExpr; r: RawExpr }
  | { k: "cond"; c: RawExpr; t: RawExpr; f: RawExpr }
  | { k: "logic"; op: "&&" | "||" | "??"; l: RawExpr; r: RawExpr }
  | { k: "arr"; items: RawExpr[] }
  | { k: "tmpl"; l: RawExpr; r: RawExpr }
  | { k: "assign"; op: "=" | "+="; v: RawExpr }
  | { k: "comma"; l: RawExpr; r: RawExpr }
  | { k: "obj"; key: RawExpr; v: RawExpr }
  | { k: "typeof"; e: RawExpr }
  /** A constant of the program: `K0` (declared first), or, read after an await, `K1`, `V2` (a var), `KC.k` (a class), declared after main starts. */
  | { k: "konst"; i: number }
  /** In a closure or arrow: a parameter of the function around it (elsewhere, the function's own). */
  | { k: "outer"; i: number };

/** Something awaited (or, inside Promise.all/race and for-await arrays, an element). */
export type RawAw =
  | { k: "value"; e: RawExpr }
  | { k: "call"; fn: number; args: RawExpr[] }
  | { k: "super"; e: RawExpr }
  | { k: "arrowIn"; body: RawStmt[] }
  | { k: "resolved"; e: RawExpr }
  | { k: "rejected" }
  | { k: "newPromise"; e: RawExpr }
  | { k: "thenable"; e: RawExpr }
  | { k: "then"; a: RawAw }
  | { k: "all"; items: RawAw[]; settled: boolean }
  | { k: "race"; fast: RawAw; slowFirst: boolean };

export type GenStep = { k: "next"; e: RawExpr | null } | { k: "return"; e: RawExpr } | { k: "throw" } | { k: "nextPair" };

export type RawStmt =
  | { k: "log"; e: RawExpr }
  | { k: "awaitStmt"; a: RawAw }
  | { k: "set"; e: RawExpr }
  | { k: "if"; c: RawExpr; then: RawStmt[]; else: RawStmt[] | null }
  | { k: "loop"; kind: "for" | "while" | "do" | "forOf"; n: number; awaitBound: boolean; label: boolean; body: RawStmt[] }
  /** Leaves the innermost (or, `outer`, the outermost labelled) loop, or the function from inside a loop. */
  | { k: "jump"; kind: "break" | "continue" | "return" | "throw"; outer: boolean; cond: boolean }
  | { k: "try"; body: RawStmt[]; handler: RawStmt[] | null; fin: RawStmt[] | null; finReturn: RawExpr | null }
  /** `try { yield; ...; yield } finally { ... }` in an async generator (elsewhere, the same with awaits). */
  | { k: "cleanup"; body: RawStmt[]; fin: RawStmt[] }
  | { k: "throw"; kind: number; viaAwait: boolean }
  | { k: "return"; e: RawExpr; how: "value" | "await" | "thenable" }
  | { k: "spawn"; fn: number; args: RawExpr[]; between: RawStmt[]; join: boolean }
  | { k: "closures"; n: number; useVar: boolean; body: RawStmt[]; all: boolean }
  /** Over a later async generator function (`gen`), an inline `async function*` (`inline`), or an array. */
  | {
      k: "forAwait";
      gen: number | null;
      inline: RawStmt[] | null;
      items: RawAw[];
      label: boolean;
      body: RawStmt[];
      /** Leaves the loop at its second iteration (the iterator's return() runs). */
      exit: "none" | "break" | "return" | "throw";
    }
  | { k: "genSteps"; gen: number; inline: RawStmt[] | null; steps: GenStep[] }
  | { k: "yield"; e: RawExpr; recv: boolean }
  | { k: "yieldStar"; gen: number; inline: RawStmt[] | null }
  | { k: "argsWrite"; i: number; e: RawExpr }
  | { k: "switch"; d: RawExpr; cases: RawStmt[][]; fall: boolean }
  /**
   * Starts a closure that reads, after an await, a binding the function then changes at once (so
   * the order is fixed): a parameter through `arguments`, the parameter itself, or a `let`.
   */
  | { k: "spawnRead"; how: "arguments" | "assign" | "let" };

export interface RawFn {
  kind: FnKind;
  params: Params;
  /** The body starts with `await null` (always in the "plain" profile). */
  pause: boolean;
  body: RawStmt[];
}

export interface RawProgram {
  strict: boolean;
  /** "iife": the program's functions live inside a function, so what they use from it is captured. */
  scope: "top" | "iife";
  /**
   * "plain": no native promises, thenables, combinators or `for await` (program-render.ts turns
   * them into plain awaits and loops), so that concurrent programs are more often compared strictly.
   */
  profile: "full" | "plain";
  /** `fns[0]` is `main` (always a declaration); a function calls only functions after it. */
  fns: RawFn[];
}

const small = fc.integer({ min: 0, max: 9 });
const fnRef = fc.nat(7);

type Tree = { expr: RawExpr; aw: RawAw; stmt: RawStmt; block: RawStmt[]; step: GenStep };

const tree = fc.letrec<Tree>((tie) => {
  const expr = tie("expr") as fc.Arbitrary<RawExpr>;
  const aw = tie("aw") as fc.Arbitrary<RawAw>;
  const block = tie("block") as fc.Arbitrary<RawStmt[]>;
  const args = fc.array(expr, { maxLength: 2 });
  return {
    // The first choice of each oneof is what fast-check takes at maximum depth: a leaf.
    expr: fc.oneof(
      { depthSize: "small", maxDepth: 3, withCrossShrink: true },
      { arbitrary: fc.record({ k: fc.constant("num" as const), v: small }), weight: 4 },
      { arbitrary: fc.record({ k: fc.constant("str" as const), v: fc.constantFrom("a", "b", "c") }), weight: 1 },
      { arbitrary: fc.constant<RawExpr>({ k: "acc" }), weight: 2 },
      { arbitrary: fc.record({ k: fc.constant("param" as const), i: fc.nat(1) }), weight: 2 },
      { arbitrary: fc.constant<RawExpr>({ k: "loopVar" }), weight: 1 },
      { arbitrary: fc.constant<RawExpr>({ k: "argsLen" }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("argsAt" as const), i: fc.nat(1) }), weight: 1 },
      { arbitrary: fc.constant<RawExpr>({ k: "thisTag" }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("await" as const), a: aw }), weight: 6 },
      { arbitrary: fc.record({ k: fc.constant("bin" as const), op: fc.constantFrom("+" as const, "-" as const, "*" as const), l: expr, r: expr }), weight: 3 },
      { arbitrary: fc.record({ k: fc.constant("cond" as const), c: expr, t: expr, f: expr }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("logic" as const), op: fc.constantFrom("&&" as const, "||" as const, "??" as const), l: expr, r: expr }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("arr" as const), items: fc.array(expr, { maxLength: 3 }) }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("tmpl" as const), l: expr, r: expr }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("assign" as const), op: fc.constantFrom("=" as const, "+=" as const), v: expr }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("comma" as const), l: expr, r: expr }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("obj" as const), key: expr, v: expr }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("typeof" as const), e: expr }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("konst" as const), i: fc.nat(3) }), weight: 2 },
      { arbitrary: fc.record({ k: fc.constant("outer" as const), i: fc.nat(1) }), weight: 2 },
    ),
    aw: fc.oneof(
      { depthSize: "small", maxDepth: 2, withCrossShrink: true },
      { arbitrary: fc.record({ k: fc.constant("value" as const), e: expr }), weight: 4 },
      { arbitrary: fc.record({ k: fc.constant("call" as const), fn: fnRef, args }), weight: 8 },
      { arbitrary: fc.record({ k: fc.constant("super" as const), e: expr }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("arrowIn" as const), body: block }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("resolved" as const), e: expr }), weight: 2 },
      { arbitrary: fc.constant<RawAw>({ k: "rejected" }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("newPromise" as const), e: expr }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("thenable" as const), e: expr }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("then" as const), a: aw }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("all" as const), items: fc.array(aw, { minLength: 1, maxLength: 3 }), settled: fc.boolean() }), weight: 2 },
      { arbitrary: fc.record({ k: fc.constant("race" as const), fast: aw, slowFirst: fc.boolean() }), weight: 1 },
    ),
    step: fc.oneof(
      { arbitrary: fc.record({ k: fc.constant("next" as const), e: fc.option(expr, { nil: null }) }), weight: 5 },
      { arbitrary: fc.record({ k: fc.constant("return" as const), e: expr }), weight: 1 },
      { arbitrary: fc.constant<GenStep>({ k: "throw" }), weight: 1 },
      { arbitrary: fc.constant<GenStep>({ k: "nextPair" }), weight: 1 },
    ),
    stmt: fc.oneof(
      { depthSize: "small", maxDepth: 3, withCrossShrink: true },
      { arbitrary: fc.record({ k: fc.constant("log" as const), e: expr }), weight: 6 },
      { arbitrary: fc.record({ k: fc.constant("awaitStmt" as const), a: aw }), weight: 3 },
      { arbitrary: fc.record({ k: fc.constant("set" as const), e: expr }), weight: 2 },
      { arbitrary: fc.record({ k: fc.constant("if" as const), c: expr, then: block, else: fc.option(block, { nil: null }) }), weight: 2 },
      {
        arbitrary: fc.record({
          k: fc.constant("loop" as const),
          kind: fc.constantFrom("for" as const, "while" as const, "do" as const, "forOf" as const),
          n: fc.integer({ min: 0, max: 3 }),
          awaitBound: fc.boolean(),
          label: fc.boolean(),
          body: block,
        }),
        weight: 3,
      },
      {
        arbitrary: fc.record({
          k: fc.constantFrom("jump" as const),
          kind: fc.constantFrom("break" as const, "continue" as const, "return" as const, "throw" as const),
          outer: fc.boolean(),
          cond: fc.boolean(),
        }),
        weight: 4,
      },
      { arbitrary: fc.record({ k: fc.constant("cleanup" as const), body: block, fin: block }), weight: 2 },
      {
        arbitrary: fc.record({
          k: fc.constant("try" as const),
          body: block,
          handler: fc.option(block, { nil: null }),
          fin: fc.option(block, { nil: null }),
          finReturn: fc.option(expr, { nil: null, freq: 4 }),
        }),
        weight: 3,
      },
      { arbitrary: fc.record({ k: fc.constant("throw" as const), kind: fc.nat(2), viaAwait: fc.boolean() }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("return" as const), e: expr, how: fc.constantFrom("value" as const, "await" as const, "thenable" as const) }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("spawn" as const), fn: fnRef, args, between: block, join: fc.boolean() }), weight: 3 },
      { arbitrary: fc.record({ k: fc.constant("closures" as const), n: fc.integer({ min: 1, max: 3 }), useVar: fc.boolean(), body: block, all: fc.boolean() }), weight: 1 },
      {
        arbitrary: fc.record({
          k: fc.constant("forAwait" as const),
          gen: fc.option(fnRef, { nil: null, freq: 6 }),
          inline: fc.option(block, { nil: null }),
          items: fc.array(aw, { maxLength: 3 }),
          label: fc.boolean(),
          body: block,
          exit: fc.constantFrom("none" as const, "break" as const, "return" as const, "throw" as const),
        }),
        weight: 4,
      },
      {
        arbitrary: fc.record({
          k: fc.constant("genSteps" as const),
          gen: fnRef,
          inline: fc.option(block, { nil: null }),
          steps: fc.array(tie("step") as fc.Arbitrary<GenStep>, { minLength: 1, maxLength: 4 }),
        }),
        weight: 2,
      },
      { arbitrary: fc.record({ k: fc.constant("yield" as const), e: expr, recv: fc.boolean() }), weight: 3 },
      { arbitrary: fc.record({ k: fc.constant("yieldStar" as const), gen: fnRef, inline: fc.option(block, { nil: null }) }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("argsWrite" as const), i: fc.nat(1), e: expr }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("switch" as const), d: expr, cases: fc.array(block, { minLength: 1, maxLength: 3 }), fall: fc.boolean() }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("spawnRead" as const), how: fc.constantFrom("arguments" as const, "assign" as const, "let" as const) }), weight: 1 },
    ),
    block: fc.array(tie("stmt") as fc.Arbitrary<RawStmt>, { maxLength: 3 }),
  };
});

const fnKind = fc.constantFrom<FnKind>("decl", "expr", "arrow", "objMethod", "classMethod", "staticMethod", "fieldArrow", "agen");
const params = fc.constantFrom<Params>("plain", "default", "rest", "destructure");
const body = fc.array(tree.stmt, { minLength: 1, maxLength: 5 });

export const rawPrograms: fc.Arbitrary<RawProgram> = fc.record({
  strict: fc.boolean(),
  scope: fc.constantFrom("top" as const, "iife" as const),
  profile: fc.constantFrom("full" as const, "plain" as const),
  fns: fc
    .tuple(body, fc.array(fc.record({ kind: fnKind, params, pause: fc.boolean(), body }), { maxLength: 5 }))
    .map(([main, rest]): RawFn[] => [{ kind: "decl", params: "plain", pause: false, body: main }, ...rest]),
});
