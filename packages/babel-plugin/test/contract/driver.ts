// Drives a coroutine — the compiled one or the model — through a sequence of commands and records,
// for each command, what the call returned or threw and what the coroutine looks like afterwards.
// The two records must be equal line for line.
import fc from "fast-check";
import { StopIteration } from "@stepwise/runtime";
import { IGNORED_CLOSE, MISUSE, Predicted } from "./model";
import { fmt, type Env } from "./program";

/** What both a runtime Coroutine and a ModelCoroutine offer. */
export interface Drivable {
  readonly name: string;
  readonly state: string;
  readonly awaiting: unknown;
  readonly chain: readonly Drivable[];
  send(value?: unknown): unknown;
  throw(error: unknown): unknown;
  next(value?: unknown): IteratorResult<unknown, unknown>;
  close(): unknown;
}

type Method = "send" | "throw" | "next" | "close";
const METHODS: readonly Method[] = ["send", "throw", "next", "close"];

/** A driver's call; `v` null sends undefined, a number n sends the string `v<n>`. */
export type Command =
  | { op: "send" | "next"; v: number | null }
  | { op: "throw" }
  | { op: "close" }
  /** Drives an inner coroutine seen in the chain earlier (being awaited, or finished). */
  | { op: "inner"; pick: number; method: Method; v: number | null };

// Mostly undefined, so that a first send starts the coroutine more often than it is refused.
const sent = fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.nat(9), weight: 1 });

export const commandLists: fc.Arbitrary<Command[]> = fc.array(
  fc.oneof(
    { arbitrary: fc.record({ op: fc.constant("send" as const), v: sent }), weight: 10 },
    { arbitrary: fc.record({ op: fc.constant("next" as const), v: sent }), weight: 2 },
    { arbitrary: fc.constant<Command>({ op: "throw" }), weight: 1 },
    { arbitrary: fc.constant<Command>({ op: "close" }), weight: 2 },
    {
      arbitrary: fc.record({ op: fc.constant("inner" as const), pick: fc.nat(3), method: fc.constantFrom(...METHODS), v: sent }),
      weight: 2,
    },
  ),
  { maxLength: 16 },
);

export function describeCommand(c: Command): string {
  const arg = "v" in c ? (c.v === null ? "" : `v${c.v}`) : "";
  switch (c.op) {
    case "send":
    case "next":
      return `${c.op}(${arg})`;
    case "throw":
      return "throw(driver error)";
    case "close":
      return "close()";
    case "inner":
      return `inner#${c.pick}.${c.method}(${c.method === "throw" ? "driver error" : c.method === "close" ? "" : arg})`;
  }
}

export interface Observation {
  command: string;
  /** What the call returned or threw. */
  outcome: string;
  /** The root coroutine, the inner ones seen so far, and the log, after the call. */
  after: string;
  /** The same before the call: a misuse must leave it unchanged. */
  before: string;
  misuse: boolean;
}

/** Runs `commands` against the coroutine `start` makes; `done` makes the Future for `await env.done(...)`. */
export function observe(
  commands: readonly Command[],
  driverErrors: readonly Error[],
  start: (env: Env) => Drivable,
  done: (id: number, fail: boolean, env: Env) => unknown,
): Observation[] {
  const log: string[] = [];
  const known: Drivable[] = [];
  const probeError = new Error("probe");
  let root: Drivable | null = null;
  const describe = (e: unknown): string => describeError(e, driverErrors);
  const env: Env = {
    log: (line) => void log.push(line),
    fmt,
    err: (id) => new Error(`e${id}`),
    done: (id, fail) => done(id, fail, env),
    probe: (id) => {
      // Called from inside the running body: every coroutine of the chain refuses every call.
      const r = root!;
      const chain = r.chain;
      remember(chain, known);
      const calls = chain.flatMap((c) =>
        METHODS.map((m) => {
          const before = snapshotOf(r, known);
          const outcome = attempt(() => call(c, m, undefined, probeError), m, describe);
          // A refused call changes nothing, also from inside the run.
          const changed = snapshotOf(r, known) === before ? "" : " (changed the coroutine!)";
          return `${c.name}.${m}: ${outcome}${changed}`;
        }),
      );
      log.push(`probe${id} ${snapshotOf(r, known)} [${calls.join("; ")}]`);
    },
  };
  root = start(env);
  const snapshot = (): string => `${snapshotOf(root!, known)} log=${JSON.stringify(log)}`;
  return commands.map((c, i) => {
    const before = snapshot();
    const arg = "v" in c && c.v !== null ? `v${c.v}` : undefined;
    let outcome: string;
    if (c.op === "inner") {
      const target = known.length === 0 ? null : known[c.pick % known.length]!;
      outcome = target === null ? "(no inner coroutine seen yet)" : attempt(() => call(target, c.method, arg, driverErrors[i]), c.method, describe);
    } else {
      outcome = attempt(() => call(root!, c.op, arg, driverErrors[i]), c.op, describe);
    }
    remember(root!.chain, known);
    const misuse = Object.values(MISUSE).some((kind) => outcome.includes(`: ${kind}`));
    return { command: describeCommand(c), outcome, before, after: snapshot(), misuse };
  });
}

function call(c: Drivable, m: Method, v: unknown, error: unknown): unknown {
  switch (m) {
    case "send":
      return c.send(v);
    case "next":
      return c.next(v);
    case "throw":
      return c.throw(error);
    case "close":
      return c.close();
  }
}

function attempt(fn: () => unknown, m: Method, describe: (e: unknown) => string): string {
  try {
    const r = fn();
    if (m === "next") {
      const it = r as IteratorResult<unknown>;
      return it.done ? `done ${fmt(it.value)}` : `yields ${fmt(it.value)}`;
    }
    return m === "close" ? `returns ${fmt(r)}` : `awaits ${fmt(r)}`;
  } catch (e) {
    if (e instanceof StopIteration) return `stops with ${fmt(e.value)}`;
    return `throws ${describe(e)}`;
  }
}

const KINDS = [...Object.values(MISUSE), IGNORED_CLOSE];

function describeError(e: unknown, driverErrors: readonly Error[]): string {
  const i = driverErrors.indexOf(e as Error);
  if (i >= 0) return `driver error #${i}`;
  if (e instanceof Predicted) return `${e.cls}: ${e.kind}`;
  if (e instanceof Error) {
    const kind = KINDS.find((k) => e.message.startsWith(`${k}:`));
    return `${e.constructor.name}: ${kind ?? e.message}`;
  }
  return `non-error ${fmt(e)}`;
}

function remember(chain: readonly Drivable[], known: Drivable[]): void {
  for (const c of chain.slice(1)) if (!known.includes(c)) known.push(c);
}

function snapshotOf(root: Drivable, known: readonly Drivable[]): string {
  const inner = known.map((c) => `${c.name}:${c.state}:${fmt(c.awaiting)}:${c.chain.map((x) => x.name).join(">")}`);
  return `state=${root.state} awaiting=${fmt(root.awaiting)} chain=${root.chain.map((c) => c.name).join(">")} inner=[${inner.join(", ")}]`;
}
