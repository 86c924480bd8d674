// Finds the race in src/account.js, replays it, and checks that the fix holds. src/ is compiled on
// the fly by @babel/register with this example's babel.config.js (Stepwise plugin included).
const path = require("node:path");
const assert = require("node:assert/strict");
require("@babel/register")({
  configFile: path.join(__dirname, "..", "babel.config.js"),
  only: [path.join(__dirname, "..", "src")],
  cache: false, // always compile with the plugin as it is now built
});
const { InterleavingError, TestLoop, explore, replay } = require("@stepwise/runtime");
const { Account, SafeAccount } = require("../src/account");
const { twoWithdrawals, neverOverdrawn } = require("../src/two-withdrawals");

const racy = () => twoWithdrawals(new Account(100));
const safe = () => twoWithdrawals(new SafeAccount(100));

// 1. One plain run: FIFO order, and all looks well.
const loop = new TestLoop();
const plain = loop.runUntilComplete(racy());
loop.close();
assert.deepEqual(plain, { balance: 20, results: [true, false] });
console.log("plain run:", plain);

// 2. Many runs in other orders: one of them overdraws the account.
let failure;
try {
  explore(racy, { check: neverOverdrawn });
} catch (error) {
  if (!(error instanceof InterleavingError)) throw error;
  failure = error;
}
assert.ok(failure, "explore() finds the race");
console.log(`\n${failure.message}\n`);

// 3. The schedule replays that very run.
const replayed = replay(racy, failure.schedule);
assert.deepEqual(replayed, { balance: -30, results: [true, true] });
console.log(`replay(racy, ${JSON.stringify(failure.schedule)}):`, replayed);

// 4. The fix passes, at random and in every order.
const random = explore(safe, { check: neverOverdrawn });
const all = explore(safe, { exhaustive: true, check: neverOverdrawn });
assert.equal(all.complete, true);
console.log(`\nSafeAccount: ${random.message}\nSafeAccount: ${all.message}`);
console.log("\ninterleavings example: all checks passed");
