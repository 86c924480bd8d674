// The objects the runtime keeps so V8 keeps its hidden classes (src/kept-shapes.ts) must be
// invisible: no default task name taken, nothing the host has to wait for, nothing on any loop a
// program can reach.

type Runtime = typeof import("../src/index");

function freshRuntime(): Runtime {
  let rt: Runtime | undefined;
  jest.isolateModules(() => {
    rt = require("../src/index") as Runtime;
  });
  return rt!;
}

test("loading the runtime takes no default task name: the first unnamed task is Task-1", () => {
  const rt = freshRuntime();
  const loop = new rt.EventLoop();
  const task = loop.createTask(rt.sleep(0));
  expect(task.getName()).toBe("Task-1");
  loop.runUntilComplete(task);
  loop.close();
});

test("loading the runtime arms no timer the host would wait on", async () => {
  const setTimeoutSpy = jest.spyOn(global, "setTimeout");
  try {
    freshRuntime();
    // A turn of the host, in which a loop driven from the host would have run and armed its timer.
    await new Promise((resolve) => setImmediate(resolve));
    const long = setTimeoutSpy.mock.calls.filter(([, ms]) => typeof ms === "number" && ms > 60_000);
    expect(long).toEqual([]);
  } finally {
    setTimeoutSpy.mockRestore();
  }
});

test("a new loop of either kind starts with no tasks and runs as usual", () => {
  const rt = freshRuntime();
  for (const loop of [new rt.EventLoop(), new rt.TestLoop()]) {
    expect(rt.allTasks(loop).size).toBe(0);
    const handler = jest.fn();
    loop.setExceptionHandler(handler);
    expect(loop.runUntilComplete(rt.sleep(5, "done"))).toBe("done");
    expect(handler).not.toHaveBeenCalled();
    expect(loop.checkLeaks().ok).toBe(true);
    loop.close();
  }
});
