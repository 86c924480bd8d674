import { TestLoop, setEventLoop } from "@stepwise/runtime";
import { checkLeftovers } from "./leftovers.js";

interface PerTest {
  loop: TestLoop;
  pendingAllowed: boolean;
}

let setupLoaded = false;
let current: PerTest | null = null;

/** The running test's TestLoop, made fresh for it and set as the current loop (getEventLoop()). */
export function testLoop(): TestLoop {
  if (current === null) {
    throw new Error(
      setupLoaded
        ? "testLoop(): no test is running; the per-test loop exists from the first beforeEach to the first afterEach, so call it inside a test or hook"
        : "testLoop(): the @stepwise/jest setup file is not loaded; use preset: \"@stepwise/jest\" or add \"@stepwise/jest/setup\" to setupFilesAfterEnv",
    );
  }
  return current.loop;
}

/** The running test's loop, or null outside a test. */
export function _currentLoop(): TestLoop | null {
  return current?.loop ?? null;
}

/** Lets the running test end with tasks, timers or callbacks still pending on its loop (errors nobody retrieved still fail it). */
export function allowPending(): void {
  if (current === null) throw new Error("allowPending(): call it inside a test; it applies to that test only");
  current.pendingAllowed = true;
}

/** Called when the setup file loads, so testLoop() outside a test can tell which mistake it is. */
export function _setupLoaded(): void {
  setupLoaded = true;
}

/** beforeEach of the setup file. */
export function _beginTest(): void {
  const loop = new TestLoop();
  current = { loop, pendingAllowed: false };
  setEventLoop(loop);
}

/** afterEach of the setup file: what the test left behind (unless it already failed), then the loop is closed. */
export function _endTest(testFailed: boolean): Error | null {
  const test = current;
  current = null;
  if (test === null) return null;
  setEventLoop(null);
  const problem = testFailed ? null : checkLeftovers(test.loop, test.pendingAllowed);
  if (!test.loop.isRunning()) test.loop.close();
  return problem;
}
