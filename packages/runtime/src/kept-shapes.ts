import type { EventLoop } from "./event-loop.js";
import { EventLoop as HostLoop } from "./event-loop.js";
import { TestLoop } from "./test-loop.js";
import { _stepwiseStart } from "./coroutine-function.js";

/**
 * V8 frees an object's hidden class (map) once no object with it is left, and throws away every
 * piece of optimized code built on that map. A program that makes a loop, runs it and lets it all
 * go (each test, each `run()`) would then make the next loop's tasks, steps and futures run the
 * runtime unoptimized again, and recompile it while they run: measured on 100k suspended tasks
 * per fresh loop, ~270 deoptimizations per 7 runs, and ~10% of the run's time. These few objects
 * live as long as the module and keep one of each of the runtime's hot shapes alive: both kinds
 * of loop, a task waiting on a Future, one waiting on a promise, one finished, one whose step is queued, a
 * callback and a timer. Each loop is private to this module and never runs.
 */
function keepShapes(loop: EventLoop): unknown[] {
  // Never driven from the host either: what is queued here stays queued.
  loop._hostDriven = false;
  const future = loop.createFuture<unknown>();
  const never = new Promise<unknown>(() => {});
  const onPromise = loop.createTask(_stepwiseStart(awaitOne(never), "", ""), { name: "kept shape" });
  onPromise._step();
  const onFuture = loop.createTask(_stepwiseStart(awaitOne(future), "", ""), { name: "kept shape" });
  onFuture._step();
  const finished = loop.createTask(_stepwiseStart(awaitOne(undefined), "", ""), { name: "kept shape" });
  finished._step();
  finished._step(1);
  const queued = loop.createTask(_stepwiseStart(awaitOne(future), "", ""), { name: "kept shape" });
  loop.callSoon(keep);
  loop.callLater(1e9, keep);
  return [loop, future, onPromise, onFuture, finished, queued];
}

function* awaitOne(awaited: unknown): Generator<unknown, void, unknown> {
  yield awaited;
}

function keep(): void {}

export const _keptShapes: readonly unknown[] = [keepShapes(new HostLoop()), keepShapes(new TestLoop())];
