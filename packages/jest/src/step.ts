import { coroutine, type Coroutine } from "@stepwise/runtime";
import { equals, iterableEquality } from "@jest/expect-utils";
import { coroutineLabel, describeCoroutine, describeValue } from "./describe.js";
import { describeErrorExpectation, errorMatches } from "./error-match.js";
import { describeOutcome, outcomeOf, type Outcome } from "./outcome.js";

const jestEquals = (a: unknown, b: unknown): boolean => equals(a, b, [iterableEquality]);

/**
 * Drives a coroutine one await at a time, redux-saga style: each `.awaits(x)` runs it to its next
 * await and checks what it awaits (Jest's `equals`, so `expect.objectContaining` works),
 * `.resolve(v)` / `.reject(e)` hand that await its result or error, and `.returns(v)` /
 * `.throws(e)` check that it then finished. Every check fails at once with the step, what was
 * expected and what the coroutine did.
 */
export function step<T>(co: Coroutine<T> | PromiseLike<T>): Stepper<T> {
  return new Stepper(coroutine(co));
}

export class Stepper<T = unknown> {
  /** What the last drive did; null before the first. */
  private _outcome: Outcome | null = null;
  /** The last outcome was checked by `.awaits`: it may now be resolved or rejected. */
  private _checked = false;
  private _finished = false;
  /** Awaits described so far. */
  private _awaits = 0;
  private _lastInput = "";

  constructor(readonly coroutine: Coroutine<T>) {}

  /** Runs the coroutine to its next await (its first, if it has not started) and checks what it awaits. */
  awaits(expected: unknown): this {
    const o = this._take("awaits", this.awaits);
    this._awaits++;
    if (o.kind === "suspended" && jestEquals(o.value, expected)) {
      this._checked = true;
      return this;
    }
    throw this._fail(
      this.awaits,
      `await #${this._awaits} is not the expected one`,
      `it to await ${describeValue(expected)}`,
      o,
    );
  }

  /** Resumes the await just checked with `value` as its result. */
  resolve(value?: unknown): this {
    this._inject("resolve", this.resolve, `resolve(${describeValue(value)})`);
    this._outcome = outcomeOf(() => this.coroutine.send(value));
    return this;
  }

  /** Throws `error` at the await just checked, as if what it awaited had failed. */
  reject(error: unknown): this {
    this._inject("reject", this.reject, `reject(${describeValue(error)})`);
    this._outcome = outcomeOf(() => this.coroutine.throw(error));
    return this;
  }

  /** The coroutine now finishes, returning a value equal to `expected`; an await the test did not describe fails. */
  returns(expected?: unknown): void {
    const o = this._take("returns", this.returns);
    if (o.kind === "returned" && jestEquals(o.value, expected)) {
      this._finished = true;
      return;
    }
    throw this._fail(this.returns, "it did not return as expected", `it to return ${describeValue(expected)}`, o);
  }

  /** The coroutine now finishes by throwing an error matching `expected` (as `toHaveThrown`); none: any error. */
  throws(...expected: unknown[]): void {
    const o = this._take("throws", this.throws);
    const given = expected.length > 0;
    if (o.kind === "threw" && errorMatches(o.error, expected[0], given, jestEquals)) {
      this._finished = true;
      return;
    }
    throw this._fail(
      this.throws,
      "it did not throw as expected",
      `it to throw ${describeErrorExpectation(expected[0], given)}`,
      o,
    );
  }

  /** Stops here: closes the coroutine at the await just checked, running its finally blocks. */
  close(): void {
    if (!this._finished) this.coroutine.close();
    this._finished = true;
  }

  /** The outcome to check next, driving the first step if the coroutine has not started. */
  private _take(method: string, caller: Function): Outcome {
    this._checkUsable(method, caller);
    if (this._checked) {
      throw this._misuse(
        caller,
        `.${method}() right after .awaits(): await #${this._awaits} has not been given a result; ` +
          `call .resolve(value) or .reject(error) first`,
      );
    }
    this._outcome ??= outcomeOf(() => this.coroutine.send(undefined));
    return this._outcome;
  }

  private _inject(method: string, caller: Function, input: string): void {
    this._checkUsable(method, caller);
    if (!this._checked) {
      const which = this._outcome === null ? "the coroutine has not been run to an await yet" : `await #${this._awaits + 1} has not been described`;
      throw this._misuse(caller, `.${method}() without .awaits() before it: ${which}; say what it awaits with .awaits(x) first`);
    }
    this._checked = false;
    this._lastInput = `${input} into await #${this._awaits}`;
  }

  private _checkUsable(method: string, caller: Function): void {
    if (this._finished) throw this._misuse(caller, `.${method}() after the coroutine finished (or was closed): the steps end there`);
  }

  private _where(): string {
    return `step(${coroutineLabel(this.coroutine)})`;
  }

  private _misuse(caller: Function, text: string): Error {
    const error = new Error(`${this._where()}: ${text}`);
    Error.captureStackTrace?.(error, caller);
    return error;
  }

  private _fail(caller: Function, what: string, expected: string, o: Outcome): Error {
    const extra =
      o.kind === "suspended" && caller !== this.awaits
        ? ` — an await the test did not describe (await #${this._awaits + 1}); add .awaits(...) for it`
        : "";
    const lines = [
      `${this._where()}: ${what}`,
      `Expected ${expected}`,
      `but ${describeOutcome(o)}${extra}`,
      this._lastInput ? `after ${this._lastInput}` : "on its first run",
    ];
    if (o.kind === "suspended") lines.push(`now: ${describeCoroutine(this.coroutine)}`);
    const error = new Error(lines.join("\n"), o.kind === "threw" ? { cause: o.error } : undefined);
    Error.captureStackTrace?.(error, caller);
    return error;
  }
}
