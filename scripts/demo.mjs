// `npm run demo`: compiles scripts/demo/say-hi.js with @stepwise/babel-plugin, then walks the
// seed's three ways to run an async function without an event loop doing it for you.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { transformSync } from "@babel/core";
import * as stepwise from "@stepwise/runtime";

const { StopIteration, ensureFuture, getEventLoop } = stepwise;
const require = createRequire(import.meta.url);
const file = new URL("./demo/say-hi.js", import.meta.url).pathname;

const title = (s) => console.log(`\n\x1b[1m${s}\x1b[0m`);
const show = (label, value) => console.log(`  ${label.padEnd(34)} ${value}`);
const ready = (loop) => `[${[...loop._ready].map(String).join(", ")}]`;

title("0. Compile say-hi.js with @stepwise/babel-plugin");
const source = readFileSync(file, "utf8");
const compile = (plugins) => transformSync(source, { filename: file, configFile: false, babelrc: false, plugins }).code;
for (const line of compile(["@stepwise/babel-plugin"]).split("\n")) console.log(`    ${line}`);
// The demo evaluates the CommonJS form of the same output.
const code = compile(["@stepwise/babel-plugin", "@babel/plugin-transform-modules-commonjs"]);
const module = { exports: {} };
new Function("require", "module", "exports", code)(
  (id) => (id === "@stepwise/runtime" ? stepwise : require(id)),
  module,
  module.exports,
);
const { sayHi, greet } = module.exports;

title("1. Send something to the coroutine");
const co = sayHi();
show("co = sayHi()", `${co}   (nothing printed: the body has not run)`);
try {
  co.send(undefined);
} catch (e) {
  if (!(e instanceof StopIteration)) throw e;
  show("co.send(undefined) threw", `StopIteration, value = ${JSON.stringify(e.value)}`);
}
show("co.state", co.state);

title("2. Wrap the coroutine in a Future (a Task) and step it once");
const loop = getEventLoop();
const task = ensureFuture(sayHi());
show("task = ensureFuture(sayHi())", String(task));
show("loop._ready", ready(loop));
task._step();
show("after task._step()", String(task));
show("loop._ready", `${ready(loop)}   (the queued step was consumed)`);

title("3. Run it on the event loop, watching the seed's call chain");
// Instance-level wrappers, so the chain prints as it happens; the loop's own code is unchanged.
let depth = 2;
const traced = (target, method, describe) => {
  const original = target[method];
  target[method] = function (...args) {
    const line = describe(...args);
    if (line === null) return original.apply(this, args);
    console.log(`  ${"  ".repeat(depth)}-> ${line}`);
    depth++;
    try {
      return original.apply(this, args);
    } finally {
      depth--;
    }
  };
  return () => delete target[method];
};
const name = (fn) => fn.name || "callback";
const untrace = [
  traced(loop, "createTask", () => "loop.createTask(coro) -> new Task(coro, { loop })"),
  traced(loop, "callSoon", (cb) => `loop.callSoon(${name(cb)})`),
  // A task's step is queued as a TaskStep: the Handle of `task._step`, holding the task.
  traced(loop, "_callSoonHandle", (h) => (h._task ? "loop.callSoon(task._step)" : null)),
  traced(loop._ready, "push", (h) => `loop._ready.push(${h})`),
  traced(loop, "_runOnce", () => `loop._runOnce()   _ready = ${ready(loop)}`),
];
console.log("    loop.runUntilComplete(sayHi())");
console.log("      -> ensureFuture(coro)");
depth = 3;
const result = loop.runUntilComplete(sayHi());
for (const undo of untrace) undo();
show("runUntilComplete returned", JSON.stringify(result));

title("4. Look inside a suspended coroutine, and inject what it awaits");
const request = { toString: () => "<request for the user's name>" };
const g = greet(() => request);
show("g.send(undefined) returned", String(g.send(undefined)));
show("g.state / g.awaiting", `${g.state} / ${g.awaiting}`);
try {
  g.send("Ada");
} catch (e) {
  if (!(e instanceof StopIteration)) throw e;
  show('g.send("Ada") threw', `StopIteration, value = ${JSON.stringify(e.value)}`);
}
loop.close();
