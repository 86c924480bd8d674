// The reference model of the coroutine contract (DESIGN.md, "Coroutine"; asyncio-semantics.md A):
// a plain interpreter of a Program, and a coroutine object written the simplest way the contract
// can be stated, with none of the runtime's optimisations. It is what the compiled program, driven
// the same way, must match.
//
// A function body is interpreted by a native generator, one per frame; the model itself keeps the
// stack of inline awaits (Python's `yield from`), delivers send/throw/close to the innermost frame,
// and closes a chain frame by frame from the innermost, as CPython's gen_close does.
//
// The interpreter nests generators with `yield*`, so closing a frame throws GENERATOR_EXIT into it
// (as CPython does) rather than calling `return()`: a `return()` forwarded through `yield*` is
// forgotten by the outer generator when the inner one yields in a finally block and then finishes,
// whereas a thrown signal keeps propagating. `catch` blocks let it pass, as they let a JavaScript
// return completion pass; reaching the function's end, it finishes the frame with undefined.
import { StopIteration } from "@stepwise/runtime";
import { doneValueOf, returnValueOf, tokenOf, type Env, type Fn, type Program, type Stmt } from "./program";

/** What a frame's interpreter yields: a value to suspend on, an inline call, or a done Future. */
type Request = { await: string } | { call: number } | { done: number; fail: boolean };

type State = "created" | "running" | "suspended" | "closed";

/** The errors the contract names, by the words their messages start with. */
export const MISUSE = {
  executing: "coroutine already executing",
  reuse: "cannot reuse already awaited coroutine",
  awaited: "coroutine is being awaited already",
  firstSend: "can't send non-undefined value to a just-started coroutine",
} as const;
export const IGNORED_CLOSE = "coroutine ignored close";

/** An error the model predicts, known by its class and the start of its message. */
export class Predicted extends Error {
  constructor(
    readonly cls: "Error" | "TypeError",
    readonly kind: string,
  ) {
    super(kind);
  }
}

/** `return` inside nested blocks, carried out to the function's interpreter. */
class ReturnSignal {
  constructor(readonly value: string) {}
}

/** Closing a frame: finally blocks run, catch blocks do not see it. */
const GENERATOR_EXIT = Symbol("GeneratorExit");

function* execBlock(stmts: Stmt[], env: Env): Generator<Request, void, unknown> {
  for (const s of stmts) yield* execStmt(s, env);
}

function* execStmt(s: Stmt, env: Env): Generator<Request, void, unknown> {
  switch (s.k) {
    case "await": {
      const v = yield { await: tokenOf(s.id) };
      env.log(`a${s.id}=${env.fmt(v)}`);
      return;
    }
    case "awaitDone": {
      const v = yield { done: s.id, fail: s.fail };
      env.log(`d${s.id}=${env.fmt(v)}`);
      return;
    }
    case "call": {
      const v = yield { call: s.fn };
      env.log(`c${s.id}=${env.fmt(v)}`);
      return;
    }
    case "return":
      throw new ReturnSignal(returnValueOf(s.id));
    case "throw":
      throw env.err(s.id);
    case "probe":
      env.probe(s.id);
      return;
    case "loop":
      for (let i = 0; i < s.n; i++) {
        env.log(`loop${s.id}.${i}`);
        yield* execBlock(s.body, env);
      }
      return;
    case "try":
      try {
        yield* execBlock(s.body, env);
      } catch (e) {
        if (s.handler === null || e instanceof ReturnSignal || e === GENERATOR_EXIT) throw e;
        env.log(`catch${s.id}:${env.fmt(e)}`);
        yield* execBlock(s.handler, env);
        if (s.rethrow) throw e;
      } finally {
        if (s.fin !== null) {
          env.log(`finally${s.id}`);
          yield* execBlock(s.fin, env);
        }
      }
      return;
  }
}

function* execFn(fn: Fn, env: Env): Generator<Request, unknown, unknown> {
  try {
    yield* execBlock(fn.body, env);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.value;
    if (e === GENERATOR_EXIT) return undefined;
    throw e;
  }
  return undefined;
}

type Outcome = { kind: "suspend" } | { kind: "return"; value: unknown } | { kind: "throw"; error: unknown };
type Delivery = "next" | "throw" | "return";

export class ModelCoroutine {
  readonly name: string;
  owner: ModelCoroutine | null = null;
  private st: State = "created";
  private awaited: unknown = undefined;
  /** Root only: the inline-await chain, this first. */
  private frames: ModelCoroutine[] = [this];
  private readonly gen: Generator<Request, unknown, unknown>;

  constructor(
    private readonly program: Program,
    fnIndex: number,
    private readonly env: Env,
  ) {
    const fn = program.fns[fnIndex]!;
    this.name = fn.name;
    this.gen = execFn(fn, env);
  }

  get state(): State {
    return (this.owner ?? this).st;
  }

  get awaiting(): unknown {
    const root = this.owner ?? this;
    return root.st === "suspended" ? root.awaited : undefined;
  }

  get chain(): readonly ModelCoroutine[] {
    const root = this.owner ?? this;
    const i = root.frames.indexOf(this);
    return root.frames.slice(i < 0 ? 0 : i);
  }

  send(value?: unknown): unknown {
    this.check();
    if (this.st === "created" && value !== undefined) throw new Predicted("TypeError", MISUSE.firstSend);
    return this.result(this.drive(0, "next", value));
  }

  throw(error: unknown): unknown {
    this.check();
    return this.result(this.drive(0, "throw", error));
  }

  next(value?: unknown): IteratorResult<unknown, unknown> {
    this.check();
    if (this.st === "created" && value !== undefined) throw new Predicted("TypeError", MISUSE.firstSend);
    const o = this.drive(0, "next", value);
    if (o.kind === "suspend") return { done: false, value: this.awaited };
    if (o.kind === "return") return { done: true, value: o.value };
    throw o.error;
  }

  /**
   * Each frame from the innermost out gets GeneratorExit (its generator's `return()`), or, when the
   * frame it awaited ended with an error, that error; it runs (awaits in its finally blocks are
   * driven as usual) until it finishes. A frame that suspends again stops the close: the chain stays
   * suspended there, and close throws. The outermost frame's outcome is close's.
   */
  close(): unknown {
    if (this.owner === null && this.st === "closed") return undefined;
    if (this.owner !== null) throw new Predicted("Error", MISUSE.awaited);
    if (this.st === "running") throw new Predicted("Error", MISUSE.executing);
    if (this.st === "created") {
      this.st = "closed";
      return undefined;
    }
    let delivery: Delivery = "return";
    let value: unknown = undefined;
    for (let level = this.frames.length - 1; level >= 0; level--) {
      const o = this.drive(level, delivery, value);
      if (o.kind === "suspend") throw new Predicted("Error", IGNORED_CLOSE);
      if (o.kind === "return") {
        delivery = "return";
        value = o.value;
      } else {
        delivery = "throw";
        value = o.error;
      }
    }
    if (delivery === "throw") throw value;
    return value;
  }

  private check(): void {
    if (this.owner !== null) throw new Predicted("Error", MISUSE.awaited);
    if (this.st === "running") throw new Predicted("Error", MISUSE.executing);
    if (this.st === "closed") throw new Predicted("Error", MISUSE.reuse);
  }

  private result(o: Outcome): unknown {
    if (o.kind === "suspend") return this.awaited;
    if (o.kind === "return") throw new StopIteration(o.value);
    throw o.error;
  }

  /**
   * Delivers `delivery` to the innermost frame and drives the chain — inline calls push frames,
   * done futures answer at once, a finished frame hands its outcome to the one below — until it
   * suspends or the frame at index `floor` finishes (its outcome is returned).
   */
  private drive(floor: number, delivery: Delivery, value: unknown): Outcome {
    const frames = this.frames;
    this.st = "running";
    this.awaited = undefined;
    for (;;) {
      const top = frames[frames.length - 1]!;
      let r: IteratorResult<Request, unknown>;
      try {
        r = top.gen[delivery === "next" ? "next" : "throw"](delivery === "return" ? GENERATOR_EXIT : value);
      } catch (error) {
        this.pop();
        if (frames.length === floor) return this.ended({ kind: "throw", error });
        delivery = "throw";
        value = error;
        continue;
      }
      if (r.done) {
        this.pop();
        if (frames.length === floor) return this.ended({ kind: "return", value: r.value });
        delivery = "next";
        value = r.value;
        continue;
      }
      const req = r.value;
      if ("call" in req) {
        const inner = new ModelCoroutine(this.program, req.call, this.env);
        inner.owner = this;
        inner.st = "running";
        frames.push(inner);
        delivery = "next";
        value = undefined;
      } else if ("done" in req) {
        delivery = req.fail ? "throw" : "next";
        value = req.fail ? this.env.err(req.done) : doneValueOf(req.done);
      } else {
        this.st = "suspended";
        this.awaited = req.await;
        return { kind: "suspend" };
      }
    }
  }

  private pop(): void {
    const frame = this.frames.pop()!;
    frame.owner = null;
    frame.st = "closed";
  }

  /** The root's own end leaves it closed with a chain of one. */
  private ended(o: Outcome): Outcome {
    if (this.frames.length === 0) {
      this.frames.push(this);
      this.st = "closed";
    }
    return o;
  }
}
