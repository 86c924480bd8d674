import { asyncFn } from "./helpers";
import { PendingWork, TestLoop, sleep } from "../src/index";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => loop.close());

function namedCallback(..._args: unknown[]): void {}

test("lists ready handles in queue order, then live timers by due time; cancelled ones are left out", () => {
  loop.callLater(30, namedCallback, "late");
  loop.callLater(10, namedCallback, 1, { key: "value" }).cancel();
  loop.callLater(10, namedCallback, "early");
  loop.callSoon(namedCallback);
  loop.callSoon(() => {}).cancel();
  loop.callSoon(() => {});
  const pending = loop.pending();
  expect(pending).toBeInstanceOf(PendingWork);
  expect(pending.time).toBe(0);
  expect(pending.ready.map((r) => r.callback)).toEqual(["namedCallback()", "(anonymous function)()"]);
  expect(pending.timers.map((t) => [t.when, t.callback])).toEqual([
    [10, 'namedCallback("early")'],
    [30, 'namedCallback("late")'],
  ]);
  expect(pending.timers[0]!.handle.when()).toBe(10);
  expect(pending.empty).toBe(false);
});

test("names the task a step or a timer belongs to", () => {
  const sleeper = asyncFn("sleeper", function* () {
    yield sleep(100);
  });
  loop.createTask(sleeper(), { name: "nap" });
  expect(loop.pending().ready.map((r) => r.callback)).toEqual(["step of Task 'nap'"]);
  loop.runUntilIdle();
  expect(loop.pending().timers.map((t) => t.callback)).toEqual([
    "setUnlessCancelled(<Future pending>, undefined), wakes Task 'nap'",
  ]);
});

test("reads well as text, and is a snapshot: later changes do not show", () => {
  loop.callSoon(namedCallback);
  loop.callLater(2500, namedCallback, 7);
  const pending = loop.pending();
  loop.runUntilIdle();
  expect(String(pending)).toBe(
    ["Pending at time 0: 1 ready, 1 timer(s)", "  ready          namedCallback()", "  at 2500        namedCallback(7)"].join("\n"),
  );
  expect(String(loop.pending())).toBe(["Pending at time 0: 0 ready, 1 timer(s)", "  at 2500        namedCallback(7)"].join("\n"));
  loop.advance(2500);
  expect(loop.pending().empty).toBe(true);
  expect(String(loop.pending())).toBe("Pending at time 2500: 0 ready, 0 timer(s)");
});
