// Runs a day of the heartbeat and the cache (host-timer code), and the poller (sleep code), on
// one TestLoop's virtual clock, checks what happened, and prints how long the day took for real.
// src/ is compiled on the fly by @babel/register with this example's babel.config.js.
const path = require("node:path");
const assert = require("node:assert/strict");
require("@babel/register")({
  configFile: path.join(__dirname, "..", "babel.config.js"),
  only: [path.join(__dirname, "..", "src")],
  cache: false, // always compile with the plugin as it is now built
});
const { TestLoop, withVirtualTimers } = require("@stepwise/runtime");
const { startHeartbeat } = require("../src/heartbeat");
const { ExpiringCache } = require("../src/expiring-cache");
const { waitUntilDone } = require("../src/poll");

const HOUR = 3_600_000;
const started = performance.now();
const loop = new TestLoop();

const result = withVirtualTimers(loop, () => {
  // A ping every second, answered 20 ms later; the peer goes quiet after 23 hours.
  const peer = {
    pings: 0,
    ping() {
      peer.pings++;
      if (loop.time() < 23 * HOUR) setTimeout(() => peer.onPong(), 20);
    },
  };
  let deadAt = null;
  startHeartbeat(peer, { intervalMs: 1000, timeoutMs: 3000, onDead: () => (deadAt = loop.time()) });

  // A session every 10 s, each kept for 30 minutes after its last use.
  const sessions = new ExpiringCache(HOUR / 2);
  let peak = 0;
  let id = 0;
  const newSession = () => {
    sessions.set(`session:${id++}`, {});
    peak = Math.max(peak, sessions.size);
  };
  const arrivals = setInterval(newSession, 10_000);

  // And a nightly job, polled every 5 minutes with sleep, done on the 100th look.
  let looks = 0;
  const job = { status: () => (++looks >= 100 ? "done" : "running") };
  const asked = loop.runUntilComplete(waitUntilDone(job, { intervalMs: 5 * 60_000, maxWaitMs: 24 * HOUR }));
  const jobDoneAt = loop.time();

  loop.advance(24 * HOUR - loop.time());
  clearInterval(arrivals);
  // What is left: the sessions of the last half hour, each on its expiry timer.
  const [header, ...timers] = String(loop.pending()).split("\n");
  const pending = [header, ...timers.slice(0, 2), `  ... (${timers.length - 2} more)`].join("\n");
  return { pings: peer.pings, deadAt, sessions: id, peak, asked, jobDoneAt, pending, timersLeft: loop.pending().timers.length };
});
const elapsed = performance.now() - started;
loop.close();

console.log(`virtual time: 24 h; real time: ${elapsed.toFixed(0)} ms`);
console.log(`heartbeat: ${result.pings} pings; the peer was declared dead at ${result.deadAt} ms`);
console.log(`sessions: ${result.sessions} created, at most ${result.peak} alive at once`);
console.log(`nightly job: asked ${result.asked} times, done at ${result.jobDoneAt} ms`);
console.log(`left on the loop at the end of the day:\n${result.pending}`);

// The ping at 23 h (time 82 800 000) is the first without an answer; 3 s later the peer is dead.
assert.equal(result.deadAt, 23 * HOUR + 3000);
assert.equal(result.pings, 23 * 3600);
assert.equal(result.sessions, 24 * 360);
assert.equal(result.peak, 180); // 30 minutes of sessions, one every 10 s
assert.equal(result.asked, 100);
assert.equal(result.jobDoneAt, 99 * 5 * 60_000);
assert.equal(result.timersLeft, 180);
console.log("\nvirtual-time example: all checks passed");
