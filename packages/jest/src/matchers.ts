import { Coroutine, Future, Task } from "@stepwise/runtime";
import { EXPECTED_COLOR, RECEIVED_COLOR, matcherHint } from "jest-matcher-utils";
import { describeSubject, describeValue } from "./describe.js";
import { describeErrorExpectation, errorMatches } from "./error-match.js";
import { describeOutcome, outcomeOf, type Outcome } from "./outcome.js";

/** The part of Jest's matcher context these matchers use (`this` inside a matcher). */
export interface MatcherContext {
  isNot: boolean;
  promise?: string;
  equals(a: unknown, b: unknown): boolean;
}

export interface MatcherResult {
  pass: boolean;
  message(): string;
}

/** How a subject ended up, for `toFinishWith` / `toHaveThrown`. */
type Settled = Outcome | { kind: "pending" } | { kind: "cancelled" };

function hint(ctx: MatcherContext, name: string, expected = "expected"): string {
  return matcherHint(name, "received", expected, { isNot: ctx.isNot, promise: ctx.promise ?? "" });
}

function report(ctx: MatcherContext, name: string, pass: boolean, expected: string, received: string, args = "expected"): MatcherResult {
  return {
    pass,
    message: () =>
      `${hint(ctx, name, args)}\n\n` +
      `Expected: ${ctx.isNot ? "not " : ""}${EXPECTED_COLOR(expected)}\n` +
      `Received: ${RECEIVED_COLOR(received)}`,
  };
}

function wrongSubject(name: string, wanted: string, received: unknown, hintText = ""): Error {
  return new Error(`expect(received).${name}(): received must be ${wanted}, got ${describeValue(received)}${hintText}`);
}

/** The coroutine is suspended at an await of a value equal to `expected` (asymmetric matchers work). A Task: its coroutine. */
export function toBeSuspendedOn(this: MatcherContext, received: unknown, expected: unknown): MatcherResult {
  let co: Coroutine<unknown>;
  if (received instanceof Coroutine) co = received;
  else if (received instanceof Task) co = received.getCoro();
  else throw wrongSubject("toBeSuspendedOn", "a coroutine or a Task", received);
  const pass = co.state === "suspended" && this.equals(co.awaiting, expected);
  return report(this, "toBeSuspendedOn", pass, `suspended on ${describeValue(expected)}`, describeSubject(received));
}

/**
 * How `received` ended: a Task or Future by its state; a function by calling it once, as a step
 * of a coroutine (`() => co.send(v)`): StopIteration is a return, any other error a throw.
 */
function settledOf(name: string, received: unknown): Settled {
  if (received instanceof Coroutine) {
    throw wrongSubject(
      name,
      "a Task, a Future, or a function that steps the coroutine",
      received,
      `; a coroutine does not keep its result once it finishes: put the last step in the expectation, ` +
        `expect(() => co.send(value)).${name}(...), or run it as a Task`,
    );
  }
  if (received instanceof Future) {
    if (received.cancelled()) return { kind: "cancelled" };
    if (!received.done()) return { kind: "pending" };
    return received._failed ? { kind: "threw", error: received._exception } : { kind: "returned", value: received._result };
  }
  if (typeof received === "function") return outcomeOf(received as () => unknown);
  throw wrongSubject(name, "a Task, a Future, or a function that steps a coroutine", received);
}

function describeSettled(s: Settled, received: unknown): string {
  if (received instanceof Future) return describeSubject(received);
  if (s.kind === "pending" || s.kind === "cancelled") return s.kind;
  return s.kind === "suspended" ? `did not finish: ${describeOutcome(s)}` : describeOutcome(s);
}

/** Finished with a value equal to `expected`: a Task/Future's result, or a step that returns (StopIteration). */
export function toFinishWith(this: MatcherContext, received: unknown, expected: unknown): MatcherResult {
  const s = settledOf("toFinishWith", received);
  const pass = s.kind === "returned" && this.equals(s.value, expected);
  return report(this, "toFinishWith", pass, `finished with ${describeValue(expected)}`, describeSettled(s, received));
}

/**
 * Failed with an error matching `expected` (a class, a message substring, a RegExp, an Error or an
 * asymmetric matcher; none: any error). A finished step (StopIteration) is not a throw. Looking at
 * a failed task's error counts as retrieving it.
 */
export function toHaveThrown(this: MatcherContext, received: unknown, ...expected: unknown[]): MatcherResult {
  const s = settledOf("toHaveThrown", received);
  if (s.kind === "threw" && received instanceof Future) received.exception();
  const given = expected.length > 0;
  const pass = s.kind === "threw" && errorMatches(s.error, expected[0], given, (a, b) => this.equals(a, b));
  const suffix = s.kind === "cancelled" ? " (a cancelled task: use toBeCancelled())" : "";
  return report(
    this,
    "toHaveThrown",
    pass,
    `to have thrown ${describeErrorExpectation(expected[0], given)}`,
    describeSettled(s, received) + suffix,
    given ? "expected" : "",
  );
}

/** A Task or Future that was cancelled. */
export function toBeCancelled(this: MatcherContext, received: unknown): MatcherResult {
  if (!(received instanceof Future)) {
    const why = received instanceof Coroutine ? "; only a Task is cancelled, a coroutine is closed (co.close())" : "";
    throw wrongSubject("toBeCancelled", "a Task or a Future", received, why);
  }
  return report(this, "toBeCancelled", received.cancelled(), "cancelled", describeSubject(received), "");
}

/** Everything `expect.extend` needs; the setup file registers it. */
export const stepwiseMatchers = { toBeSuspendedOn, toFinishWith, toHaveThrown, toBeCancelled };
