// Property: a compiled coroutine, stepped by hand with any sequence of send/throw/next/close (and
// misuse: a first send of a value, calls after it finished, calls from inside its own run, calls on
// a coroutine another one awaits inline), does exactly what the reference model of the contract
// predicts — same return values, StopIteration values and errors, same state, awaiting and chain
// after every call, same side effects — and a misuse changes nothing.
//
// Random programs come from a small language (contract/program.ts); the model (contract/model.ts)
// interprets the same program. The seed is fixed so `npm test` is deterministic; for a longer or
// different search: STEPWISE_PROPERTY_RUNS=20000 STEPWISE_PROPERTY_SEED=7 npx jest coroutine-contract
import fc from "fast-check";
import { TestLoop, type Coroutine } from "@stepwise/runtime";
import { load } from "./helpers";
import { ModelCoroutine } from "./contract/model";
import { programs, type Env, type Program } from "./contract/program";
import { commandLists, describeCommand, observe, type Command, type Drivable, type Observation } from "./contract/driver";

const runs = Number(process.env.STEPWISE_PROPERTY_RUNS ?? 300);
const seed = Number(process.env.STEPWISE_PROPERTY_SEED ?? 20240601);

const loop = new TestLoop();
afterAll(() => loop.close());

interface Compiled {
  setEnv(env: Env): void;
  main(): Coroutine<unknown>;
}
const compiledBySource = new Map<string, Compiled>();
function compiled(program: Program): Compiled {
  let mod = compiledBySource.get(program.source);
  if (mod === undefined) {
    mod = load(program.source) as unknown as Compiled;
    compiledBySource.set(program.source, mod);
  }
  return mod;
}

/** A Future of the test loop that is already done: `x<id>`, or failed with `env.err(id)`. */
function doneFuture(id: number, fail: boolean, env: Env): unknown {
  const f = loop.createFuture();
  if (fail) f.setException(env.err(id));
  else f.setResult(`x${id}`);
  return f;
}

function observeCompiled(program: Program, commands: readonly Command[], errors: readonly Error[]): Observation[] {
  const mod = compiled(program);
  return observe(commands, errors, (env) => {
    mod.setEnv(env);
    return mod.main() as unknown as Drivable;
  }, doneFuture);
}

function observeModel(program: Program, commands: readonly Command[], errors: readonly Error[]): Observation[] {
  return observe(commands, errors, (env) => new ModelCoroutine(program, 0, env), () => {
    throw new Error("the model answers done futures itself");
  });
}

/** Throws a report that shows the program, the calls, and where the two first differ. */
function check(program: Program, commands: readonly Command[]): void {
  const errors = commands.map((_, i) => new Error(`drv${i}`));
  const expected = observeModel(program, commands, errors);
  const actual = observeCompiled(program, commands, errors);
  for (let i = 0; i < commands.length; i++) {
    const e = expected[i]!;
    const a = actual[i]!;
    const problems: string[] = [];
    if (a.outcome !== e.outcome) problems.push(`  returned/threw:\n    model:    ${e.outcome}\n    compiled: ${a.outcome}`);
    if (a.after !== e.after) problems.push(`  afterwards:\n    model:    ${e.after}\n    compiled: ${a.after}`);
    if (a.misuse && a.after !== a.before) problems.push(`  the misuse changed the coroutine:\n    before: ${a.before}\n    after:  ${a.after}`);
    if (problems.length > 0) {
      const agreed = expected.slice(0, i).map((o) => `  ${o.command} -> ${o.outcome}`);
      throw new Error(
        [
          `call ${i + 1}, ${describeCommand(commands[i]!)}, differs from the model:`,
          ...problems,
          "program:",
          program.source,
          `calls before it (both agree):${agreed.length === 0 ? " none" : ""}`,
          ...agreed,
        ].join("\n"),
      );
    }
  }
}

test(`compiled coroutines stepped by hand match the contract's model (${runs} random programs and call sequences, seed ${seed})`, () => {
  fc.assert(
    fc.property(programs, commandLists, (program, commands) => check(program, commands)),
    { numRuns: runs, seed, endOnFailure: false },
  );
});
