import { TestLoop } from "@stepwise/runtime";
import { startHeartbeat } from "../src/heartbeat";

let loop;
let restore;
beforeEach(() => {
  loop = new TestLoop();
  restore = loop.installTimers(); // setInterval, setTimeout, ... now run on loop's clock
});
afterEach(() => {
  restore();
  loop.close();
});

/** A peer that answers each ping after `latencyMs`, while `answering` is true. */
function fakeConnection(latencyMs) {
  const connection = {
    pings: 0,
    answering: true,
    ping() {
      connection.pings++;
      if (connection.answering) setTimeout(() => connection.onPong(), latencyMs);
    },
  };
  return connection;
}

test("an hour of heartbeats, a ping every second, each answered: no time at all", () => {
  const connection = fakeConnection(50);
  const onDead = jest.fn();
  const stop = startHeartbeat(connection, { intervalMs: 1000, timeoutMs: 500, onDead });

  loop.advance(60 * 60 * 1000);

  expect(connection.pings).toBe(3600);
  expect(onDead).not.toHaveBeenCalled();
  expect(loop.time()).toBe(3_600_000);
  stop();
  loop.advance(60_000); // the last pong comes in; no more pings after stop()
  expect(connection.pings).toBe(3600);
  expect(loop.pending().empty).toBe(true);
});

test("a peer that stops answering is declared dead timeoutMs after the unanswered ping", () => {
  const connection = fakeConnection(50);
  const deadAt = [];
  startHeartbeat(connection, { intervalMs: 30_000, timeoutMs: 5_000, onDead: () => deadAt.push(loop.time()) });

  loop.advance(10 * 60_000); // 20 pings, all answered
  expect(connection.pings).toBe(20);
  connection.answering = false;
  loop.advance(30_000); // the 21st ping, at 630 000, goes unanswered
  expect(deadAt).toEqual([]);
  loop.advance(10_000);

  expect(deadAt).toEqual([635_000]);
  expect(loop.pending().empty).toBe(true); // the heartbeat cleared its own interval
});

test("loop.pending() shows what the legacy code has scheduled", () => {
  const connection = fakeConnection(50);
  const stop = startHeartbeat(connection, { intervalMs: 30_000, timeoutMs: 5_000, onDead() {} });
  loop.advance(30_000);

  const pending = loop.pending();
  expect(pending.timers.map((t) => [t.when, t.callback.split("(")[0]])).toEqual([
    [30_050, "setTimeout"], // the peer's pong
    [35_000, "setTimeout"], // the heartbeat's deadline for it
    [60_000, "setInterval"], // the next ping
  ]);
  expect(String(pending)).toMatch(/^Pending at time 30000: 0 ready, 3 timer\(s\)\n/);
  stop();
});
