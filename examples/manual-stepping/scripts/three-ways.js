// The seed's three ways to run `say_hi`, in JavaScript. src/ is compiled on the fly by
// @babel/register with this example's babel.config.js (Stepwise plugin included).
const path = require("node:path");
const assert = require("node:assert/strict");
require("@babel/register")({
  configFile: path.join(__dirname, "..", "babel.config.js"),
  only: [path.join(__dirname, "..", "src")],
  cache: false, // always compile with the plugin as it is now built
});
const { StopIteration, ensureFuture, getEventLoop } = require("@stepwise/runtime");
const { sayHi } = require("../src/say-hi");

const printed = [];
const print = (line) => {
  printed.push(line);
  console.log(`  ${line}`);
};

// 1. Send something to the coroutine (cor.send(None) / StopIteration).
console.log("1. co.send(undefined)");
const co = sayHi(print);
assert.equal(co.state, "created");
assert.deepEqual(printed, [], "calling sayHi() runs none of its body");
try {
  co.send(undefined);
  assert.fail("sayHi never awaits, so the first send finishes it");
} catch (e) {
  if (!(e instanceof StopIteration)) throw e;
}
assert.deepEqual(printed, ["Hi!"]);

// 2. Wrap the coroutine in a Future (a Task) and step it once, without running the loop.
console.log("2. ensureFuture(sayHi())._step()");
const future = ensureFuture(sayHi(print));
const loop = future.getLoop();
const handle = loop._ready.peek();
console.log(`  loop._ready: ${loop._ready.length} handle: ${handle}`);
assert.equal(loop._ready.length, 1, "new Task -> loop.callSoon(task._step) -> loop._ready.push(Handle)");
assert.equal(handle._args.length, 0);
future._step();
assert.deepEqual(printed, ["Hi!", "Hi!"]);
assert.ok(future.done());
assert.equal(future.result(), undefined);
assert.ok(handle.cancelled(), "the queued step was consumed: the loop will not step the task twice");

// 3. loop.run_until_complete(say_hi())
console.log("3. getEventLoop().runUntilComplete(sayHi())");
getEventLoop().runUntilComplete(sayHi(print));
assert.deepEqual(printed, ["Hi!", "Hi!", "Hi!"]);
console.log("manual-stepping example: three ways, three greetings");
