import type { EventLoop } from "./event-loop.js";
import { describeValue } from "./describe.js";

/**
 * Which loop is running and which is current, as asyncio's events module keeps them. Kept apart
 * from event-loop.ts so that futures can find their loop without importing the loop class.
 */
let running: EventLoop | null = null;
let current: EventLoop | null = null;
let makeLoop: (() => EventLoop) | null = null;

export function _registerLoopFactory(factory: () => EventLoop): void {
  makeLoop = factory;
}

export function _setRunningLoop(loop: EventLoop | null): void {
  running = loop;
}

export function _getRunningLoop(): EventLoop | null {
  return running;
}

/** The loop that is running (by hand or from the host); throws when none is. */
export function getRunningLoop(): EventLoop {
  if (running === null) {
    throw new Error(
      "no running event loop: getRunningLoop() works only inside a task or callback the loop runs; " +
        "use getEventLoop() outside one",
    );
  }
  return running;
}

/** The running loop, else the one set with setEventLoop, else a new EventLoop that becomes the set one. */
export function getEventLoop(): EventLoop {
  if (running !== null) return running;
  if (current === null || current.isClosed()) current = newEventLoop();
  return current;
}

export function setEventLoop(loop: EventLoop | null): void {
  if (loop !== null && (typeof loop !== "object" || typeof loop.callSoon !== "function")) {
    throw new TypeError(`setEventLoop(): expected an EventLoop or null, got ${describeValue(loop)}`);
  }
  current = loop;
}

/** The loop set with setEventLoop, without creating one. */
export function _getCurrentLoop(): EventLoop | null {
  return current;
}

export function newEventLoop(): EventLoop {
  if (makeLoop === null) throw new Error("@stepwise/runtime is not fully loaded: import it from its package entry");
  return makeLoop();
}
