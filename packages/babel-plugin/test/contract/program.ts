// The small language of coroutine programs the contract property generates: each program is a
// module of async functions whose bodies await plain values, done futures and each other, with
// try/catch/finally, bounded loops, return, throw, and probes that misuse the running coroutine.
import fc from "fast-check";

export type Stmt =
  /** `env.log("a3=" + env.fmt(await "t3"))`: suspends; what is sent in is logged. */
  | { k: "await"; id: number }
  /** `await env.done(3, fail)`: a Future already done, so no suspension: its result `x3`, or `env.err(3)` thrown. */
  | { k: "awaitDone"; id: number; fail: boolean }
  /** `await f2()`: runs another function of the program inline. */
  | { k: "call"; id: number; fn: number }
  | { k: "try"; id: number; body: Stmt[]; handler: Stmt[] | null; rethrow: boolean; fin: Stmt[] | null }
  | { k: "loop"; id: number; n: number; body: Stmt[] }
  | { k: "return"; id: number }
  | { k: "throw"; id: number }
  /** `env.probe(3)`: from inside the body, drives every coroutine of the running chain (all misuse). */
  | { k: "probe"; id: number };

export interface Fn {
  name: string;
  body: Stmt[];
}

/** `fns[0]` is `main`; a function calls only functions after it, so every run terminates. */
export interface Program {
  fns: Fn[];
  source: string;
}

/** The environment the compiled module (and the model) gets its values and side effects from. */
export interface Env {
  log(line: string): void;
  fmt(value: unknown): string;
  err(id: number): Error;
  done(id: number, fail: boolean): unknown;
  probe(id: number): void;
}

export function fmt(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "string") return value;
  if (value instanceof Error) return `E(${value.message})`;
  if (value !== null && typeof value === "object" && "name" in value) return `<${String((value as { name: unknown }).name)}>`;
  return String(value);
}

export function tokenOf(id: number): string {
  return `t${id}`;
}

export function returnValueOf(id: number): string {
  return `r${id}`;
}

export function doneValueOf(id: number): string {
  return `x${id}`;
}

// --- Generation --------------------------------------------------------------------------

type RawStmt =
  | { k: "await" }
  | { k: "awaitDone"; fail: boolean }
  | { k: "call"; fn: number }
  | { k: "try"; body: RawStmt[]; handler: RawStmt[] | null; rethrow: boolean; fin: RawStmt[] | null }
  | { k: "loop"; n: number; body: RawStmt[] }
  | { k: "return" }
  | { k: "throw" }
  | { k: "probe" };

const raw = fc.letrec<{ stmt: RawStmt; block: RawStmt[] }>((tie) => ({
  // The first choice is the one used at maximum depth: a plain await.
  stmt: fc.oneof(
    { depthSize: "small", maxDepth: 3, withCrossShrink: true },
    { arbitrary: fc.constant<RawStmt>({ k: "await" }), weight: 5 },
    { arbitrary: fc.record({ k: fc.constant("call" as const), fn: fc.nat(3) }), weight: 4 },
    { arbitrary: fc.record({ k: fc.constant("awaitDone" as const), fail: fc.boolean() }), weight: 1 },
    { arbitrary: fc.constant<RawStmt>({ k: "return" }), weight: 1 },
    { arbitrary: fc.constant<RawStmt>({ k: "throw" }), weight: 1 },
    { arbitrary: fc.constant<RawStmt>({ k: "probe" }), weight: 2 },
    {
      arbitrary: fc.record({
        k: fc.constant("try" as const),
        body: tie("block") as fc.Arbitrary<RawStmt[]>,
        handler: fc.option(tie("block") as fc.Arbitrary<RawStmt[]>, { nil: null }),
        rethrow: fc.boolean(),
        fin: fc.option(tie("block") as fc.Arbitrary<RawStmt[]>, { nil: null }),
      }),
      weight: 3,
    },
    {
      arbitrary: fc.record({ k: fc.constant("loop" as const), n: fc.integer({ min: 0, max: 2 }), body: tie("block") as fc.Arbitrary<RawStmt[]> }),
      weight: 1,
    },
  ),
  block: fc.array(tie("stmt"), { maxLength: 3 }),
}));

/** Programs of one to three functions, each of one to five statements. */
export const programs: fc.Arbitrary<Program> = fc
  .array(fc.array(raw.stmt, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 })
  .map(finish);

/** Numbers every statement, points each call at a later function, renders the source. */
function finish(bodies: RawStmt[][]): Program {
  let next = 0;
  const fns: Fn[] = bodies.map((body, index) => {
    const later = bodies.length - index - 1;
    const number = (stmts: RawStmt[]): Stmt[] =>
      stmts.map((s): Stmt => {
        const id = next++;
        switch (s.k) {
          case "call":
            // The last function calls nothing: its calls become plain awaits.
            return later === 0 ? { k: "await", id } : { k: "call", id, fn: index + 1 + (s.fn % later) };
          case "try": {
            const body = number(s.body);
            const handler = s.handler === null ? null : number(s.handler);
            // JavaScript needs a catch or a finally.
            const fin = s.fin === null && handler === null ? [] : s.fin === null ? null : number(s.fin);
            return { k: "try", id, body, handler, rethrow: s.rethrow, fin };
          }
          case "loop":
            return { k: "loop", id, n: s.n, body: number(s.body) };
          case "awaitDone":
            return { k: "awaitDone", id, fail: s.fail };
          default:
            return { k: s.k, id };
        }
      });
    return { name: index === 0 ? "main" : `f${index}`, body: number(body) };
  });
  const program: Program = { fns, source: render(fns) };
  // fast-check prints a counterexample with this: the shrunk program reads as source.
  Object.defineProperty(program, fc.toStringMethod, { value: () => `\n${program.source}\n` });
  return program;
}

// --- Rendering ---------------------------------------------------------------------------

function render(fns: Fn[]): string {
  const lines = ["let env;", "export function setEnv(e) { env = e; }"];
  fns.forEach((fn, i) => {
    lines.push(`${i === 0 ? "export " : ""}async function ${fn.name}() {`);
    renderBlock(fn.body, 1, lines, fns);
    lines.push("}");
  });
  return lines.join("\n");
}

function renderBlock(stmts: Stmt[], depth: number, out: string[], fns: Fn[]): void {
  const pad = "  ".repeat(depth);
  for (const s of stmts) {
    switch (s.k) {
      case "await":
        out.push(`${pad}env.log("a${s.id}=" + env.fmt(await "${tokenOf(s.id)}"));`);
        break;
      case "awaitDone":
        out.push(`${pad}env.log("d${s.id}=" + env.fmt(await env.done(${s.id}, ${s.fail})));`);
        break;
      case "call":
        out.push(`${pad}env.log("c${s.id}=" + env.fmt(await ${fns[s.fn]!.name}()));`);
        break;
      case "return":
        out.push(`${pad}return "${returnValueOf(s.id)}";`);
        break;
      case "throw":
        out.push(`${pad}throw env.err(${s.id});`);
        break;
      case "probe":
        out.push(`${pad}env.probe(${s.id});`);
        break;
      case "loop":
        out.push(`${pad}for (let i${s.id} = 0; i${s.id} < ${s.n}; i${s.id}++) {`);
        out.push(`${pad}  env.log("loop${s.id}." + i${s.id});`);
        renderBlock(s.body, depth + 1, out, fns);
        out.push(`${pad}}`);
        break;
      case "try":
        out.push(`${pad}try {`);
        renderBlock(s.body, depth + 1, out, fns);
        if (s.handler !== null) {
          out.push(`${pad}} catch (e) {`);
          out.push(`${pad}  env.log("catch${s.id}:" + env.fmt(e));`);
          renderBlock(s.handler, depth + 1, out, fns);
          if (s.rethrow) out.push(`${pad}  throw e;`);
        }
        if (s.fin !== null) {
          out.push(`${pad}} finally {`);
          out.push(`${pad}  env.log("finally${s.id}");`);
          renderBlock(s.fin, depth + 1, out, fns);
        }
        out.push(`${pad}}`);
        break;
    }
  }
}
