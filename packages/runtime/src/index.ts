// The public API of @stepwise/runtime: this list is all of it.
export { Coroutine, type CoroutineState } from "./coroutine.js";
export { coroutine, isCoroutine, isCoroutineFunction, _stepwiseCall, _stepwiseMark, _stepwiseMarkMethods } from "./coroutine-function.js";
export { Future, isFuture, type DoneCallback, type FutureOptions } from "./future.js";
export { Task, type TaskOptions } from "./task.js";
export { Handle, TimerHandle } from "./handle.js";
export { EventLoop } from "./event-loop.js";
export { TestLoop } from "./test-loop.js";
export { ExploringLoop, type ExploringLoopOptions } from "./exploring-loop.js";
export { explore, replay, type ExploreScenario, type ExploreCheck, type ExploreOptions, type ExploreResult } from "./explore.js";
export { InterleavingError, type ExploreMode } from "./interleaving-error.js";
export { getEventLoop, setEventLoop, newEventLoop, getRunningLoop } from "./current-loop.js";
export { ensureFuture, createTask } from "./ensure-future.js";
export { sleep } from "./sleep.js";
export { run } from "./run.js";
export { StopIteration, CancelledError, InvalidStateError } from "./errors.js";
export { defaultExceptionHandler, type ExceptionContext, type ExceptionHandler } from "./exception-handler.js";
