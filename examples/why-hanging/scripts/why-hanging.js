// Runs the shop's day with each bug in turn on a TestLoop, prints what the runtime says about it
// (the error with its task dump, the leak report), then runs the fixed shop. Exits non-zero if a
// bug goes unnoticed or the fix does not hold. src/ is compiled on the fly by @babel/register
// with this example's babel.config.js (Stepwise plugin included).
const path = require("node:path");
const assert = require("node:assert/strict");
require("@babel/register")({
  configFile: path.join(__dirname, "..", "babel.config.js"),
  only: [path.join(__dirname, "..", "src"), path.join(__dirname, "..", "test", "scenario.js")],
  cache: false, // always compile with the plugin as it is now built
});
const { TestLoop } = require("@stepwise/runtime");
const { day } = require("../test/scenario");

function section(title) {
  console.log(`\n=== ${title}\n`);
}

/** Runs a day with `parts`; returns the error it stopped with (or null), and the loop's leak report. */
function runDay(parts) {
  const loop = new TestLoop();
  const run = day(loop, parts);
  let error = null;
  try {
    loop.runUntilComplete(run.task);
  } catch (e) {
    error = e;
  }
  const leaks = loop.checkLeaks();
  loop.close();
  return { ...run, error, leaks };
}

section("1. A reservation that fails keeps the inventory's lock");
const locked = runDay({ inventory: "buggy" });
assert.ok(locked.error, "the run should stop");
console.log(locked.error.message);
assert.match(locked.error.message, /Task 'checkout-cy' \(waiting\)[^]*reserve {2}at src\/inventory\.js[^]*Lock\.acquire/);

section("2. The mailer dies on a bounced email, and close() waits on outbox.join() forever");
const dead = runDay({ mailer: "buggy", bounces: ["cy"] });
assert.ok(dead.error, "the run should stop");
console.log(dead.error.message);
console.log("\nloop.checkLeaks():\n" + dead.leaks);
assert.match(dead.error.message, /close {2}at src\/shop\.js:\d+:\d+\n {4}Queue\.join/);
assert.equal(dead.leaks.unretrievedErrors[0].exception.message, "550 mailbox unavailable: cy");

section("3. A forgotten await: nothing hangs, but no sale is written");
const silent = runDay({ shop: "buggy" });
assert.equal(silent.error, null);
console.log(`audit entries: ${JSON.stringify(silent.shop.audit.entries)}`);
console.log("loop.checkLeaks():\n" + silent.leaks);
assert.deepEqual(silent.shop.audit.entries, []);
assert.deepEqual(silent.leaks.neverAwaited.map((c) => c.name), ["record", "record"]);

section("4. The fixed shop");
const fixed = runDay({ bounces: ["ada"] });
assert.equal(fixed.error, null);
console.log(`audit entries: ${JSON.stringify(fixed.shop.audit.entries)}`);
console.log(`sent: ${fixed.smtp.sent.map((e) => e.to)}; bounced: ${fixed.failed.map(({ email }) => email.to)}`);
console.log(String(fixed.leaks));
assert.equal(fixed.leaks.ok, true);
assert.equal(fixed.shop.audit.entries.length, 2);

console.log("\nwhy-hanging example: all checks passed");
