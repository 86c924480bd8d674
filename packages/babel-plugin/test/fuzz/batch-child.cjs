// Runs many generated programs in one `node` process, one after another: `node batch-child.cjs
// <programs.json> <results.jsonl>`; the first is a JSON array of { name, source, babel }, where
// `babel` is null to run the source natively, or the Babel options to compile it with first
// (compiling here spreads Babel's work over the children). For each program it appends one JSON
// line to the second file: { name, lines, uncaught, ended }, { name, compileError }, or
// { name, runaway: true } and exits, if the program keeps running (the parent reruns the rest).
//
// Why one process can hold them: a generated program touches no global, uses no timer and ends
// all its work within the microtask queue (the harness awaits every call it starts), so once its
// runner has printed its result and a macrotask has passed, nothing of it is left to run. Each
// one is wrapped in a function of its own (its top-level names are local to it) and gets the
// print function as `$fuzzSink` (and as console.log). What a standalone run would see is kept: a rejection nobody
// handles is recorded the way Node reports it (it would end the process: later lines are
// dropped), an uncaught exception too. The parent still reruns every program whose result
// differs in a fresh process of its own (differential.ts), so a failure reported is real.
"use strict";
const { appendFileSync, readFileSync, writeSync } = require("node:fs");
const { format, inspect } = require("node:util");
const vm = require("node:vm");

/** As uncaught-monitor.cjs describes the error that ends a run. */
function describe(error) {
  return error instanceof Error ? `${error.name}: ${error.message}` : `thrown ${inspect(error, { depth: 2, breakLength: Infinity })}`;
}

/**
 * What Node reports for a rejection that is not an Error: it wraps the reason, which it renders
 * without side effects (V8's NoSideEffectsToString), in an UnhandledPromiseRejection error.
 */
function wrapRejection(reason) {
  let text;
  if (Array.isArray(reason)) text = "[object Array]";
  else if (typeof reason === "function") text = Function.prototype.toString.call(reason);
  else if (reason !== null && typeof reason === "object") {
    const proto = Object.getPrototypeOf(reason);
    const ctor = proto && Object.prototype.hasOwnProperty.call(proto, "constructor") ? proto.constructor : null;
    text = `#<${typeof ctor === "function" && ctor.name ? ctor.name : "Object"}>`;
  } else text = String(reason);
  const error = new Error(
    "This error originated either by throwing inside of an async function without a catch block, or by rejecting a " +
      `promise which was not handled with .catch(). The promise rejected with the reason "${text}".`,
  );
  error.name = "UnhandledPromiseRejection";
  return error;
}

let current = null;
function fatal(origin, error) {
  if (current === null) {
    writeSync(2, `a program's ${origin} arrived between programs: ${describe(error)}\n`);
    process.exit(3);
  }
  if (current.uncaught === null) {
    current.uncaught = { origin, error: describe(error) };
    current.kept = current.lines.length;
  }
}
process.on("unhandledRejection", (reason) => fatal("unhandledRejection", reason instanceof Error ? reason : wrapRejection(reason)));
process.on("uncaughtException", (error) => fatal("uncaughtException", error));

const out = process.argv[3];
const immediate = () => new Promise((resolve) => setImmediate(resolve));

/** Turns without any new line before a program that never ended counts as done. */
const QUIET_TURNS = 3;
/** Turns after which a program still printing counts as running away. */
const MAX_TURNS = 5000;

async function runOne(name, code) {
  const state = { lines: [], uncaught: null, kept: -1, ended: false };
  current = state;
  // A program's own console.log (fixtures, hand-written checks) prints into its trace too.
  console.log = (...args) => state.lines.push(...format(...args).split("\n"));
  try {
    const fn = vm.runInThisContext(`(function (require, $fuzzSink, $fuzzEnd) {${code}\n})`, { filename: `${name}.js` });
    fn.call({}, require, (line) => state.lines.push(String(line)), () => (state.ended = true));
  } catch (error) {
    fatal("uncaughtException", error);
  }
  let quiet = 0;
  let seen = -1;
  for (let turn = 0; ; turn++) {
    await immediate();
    if (state.ended || state.uncaught !== null) {
      // The rejection of a failed main is reported at the end of the turn that printed its line.
      await immediate();
      break;
    }
    quiet = state.lines.length === seen ? quiet + 1 : 0;
    seen = state.lines.length;
    if (quiet >= QUIET_TURNS) break;
    if (turn > MAX_TURNS) {
      appendFileSync(out, `${JSON.stringify({ name, runaway: true })}\n`);
      process.exit(0);
    }
  }
  current = null;
  const lines = state.kept >= 0 ? state.lines.slice(0, state.kept) : state.lines;
  return { name, lines, uncaught: state.uncaught, ended: state.ended };
}

(async () => {
  const programs = JSON.parse(readFileSync(process.argv[2], "utf8"));
  for (const { name, source, babel } of programs) {
    let code = source;
    if (babel !== null) {
      try {
        code = require("@babel/core").transformSync(source, babel).code;
      } catch (error) {
        appendFileSync(out, `${JSON.stringify({ name, compileError: error instanceof Error ? error.message : String(error) })}\n`);
        continue;
      }
    }
    appendFileSync(out, `${JSON.stringify(await runOne(name, code))}\n`);
  }
})();
