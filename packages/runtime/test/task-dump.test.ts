import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { asyncFn, thrown } from "./helpers";
import { Future, TestLoop, dumpTasks, formatTasks, sleep, type TaskInfo } from "../src/index";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => loop.close());

const fetchUser = asyncFn("fetchUser", function* (source: Future<string>) {
  return yield source;
});
const main = asyncFn("main", function* (source: Future<string>) {
  return yield fetchUser(source);
});
const napper = asyncFn("napper", function* () {
  yield sleep(500);
});

describe("dumpTasks", () => {
  test("gives each pending task's state, its chain of coroutines and what the innermost one awaits", () => {
    const source = loop.createFuture<string>();
    const waiting = loop.createTask(main(source), { name: "main" });
    loop.runUntilIdle();
    const fresh = loop.createTask(napper(), { name: "fresh" });
    const [a, b] = dumpTasks(loop) as [TaskInfo, TaskInfo];
    expect(a.task).toBe(waiting);
    expect(b.task).toBe(fresh);
    expect(a).toMatchObject({
      name: "main",
      state: "waiting",
      started: true,
      stack: [
        { name: "main", location: "test.js:1:0" },
        { name: "fetchUser", location: "test.js:1:0" },
      ],
      waitingFor: "waits for <Future pending>",
    });
    expect(a.awaiting).toBe(source); // by identity: a deep match would walk the loop's internals
    expect(b).toMatchObject({
      name: "fresh",
      state: "scheduled",
      started: false,
      stack: [],
      awaiting: undefined,
      waitingFor: "not started yet: its first step is queued",
    });
  });

  test("names the timer that will complete what a sleeping task awaits", () => {
    loop.createTask(napper(), { name: "nap" });
    loop.runUntilIdle();
    const [info] = dumpTasks(loop);
    expect(info!.stack.map((f) => f.name)).toEqual(["napper", "sleep"]);
    expect(info!.waitingFor).toBe("waits for <Future pending>, which a timer completes at time 500 (setUnlessCancelled())");
  });

  test("a task awaiting another task names it", () => {
    const source = loop.createFuture<string>();
    const inner = loop.createTask(main(source), { name: "inner" });
    loop.createTask(asyncFn("outer", function* () { return yield inner; })(), { name: "outer" });
    loop.runUntilIdle();
    expect(dumpTasks(loop).map((i) => [i.name, i.waitingFor])).toEqual([
      ["inner", "waits for <Future pending>"],
      ["outer", "waits for Task 'inner' (listed in this dump)"],
    ]);
    source.setResult("done");
    loop.runUntilIdle();
  });

  test("a task waiting on a native promise, and the task taking the dump", () => {
    const hostWait = asyncFn("hostWait", function* () {
      yield new Promise(() => {});
    });
    loop.createTask(hostWait(), { name: "io" });
    let inside: TaskInfo[] = [];
    loop.createTask(asyncFn("dumper", function* () { inside = dumpTasks(); })(), { name: "dumper" });
    loop.runUntilIdle();
    expect(inside.map((i) => [i.name, i.state])).toEqual([["io", "waiting"], ["dumper", "running"]]);
    expect(inside[0]!.waitingFor).toBe("waits for a native Promise, which only the host can settle");
    expect(inside[1]!.waitingFor).toBe("running now (the dump was taken from inside this task)");
  });

  test("in debug mode (a TestLoop's default) says where each task was created; otherwise createdAt is null", () => {
    const t = loop.createTask(napper(), { name: "here" });
    const [info] = dumpTasks(loop);
    expect(info!.task).toBe(t);
    expect(info!.createdAt![0]).toMatch(/task-dump\.test\.ts:\d+:\d+\)?$/);
    // The runtime's own frames (createTask, the Task constructor) are left out.
    expect(info!.createdAt!.join("\n")).not.toMatch(/[/\\]runtime[/\\]src[/\\]/);
    loop.advance(500);

    const quiet = new TestLoop({ debug: false });
    quiet.createTask(napper());
    expect(dumpTasks(quiet)[0]!.createdAt).toBeNull();
    quiet.advance(500);
    quiet.close();
  });
});

test("the runtime's frames are left out also when source maps are turned on after it loaded (@babel/register)", () => {
  // Runs the built runtime in a process of its own: @babel/register installs source-map support
  // at its first compile, after the runtime computed where its own files are (dist/cjs), so its
  // frames then read as src/*.ts.
  const run = spawnSync(process.execPath, [join(__dirname, "fixtures", "mapped-stacks", "main.cjs")], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  const createdAt = JSON.parse(run.stdout) as string[];
  expect(createdAt).toEqual([expect.stringMatching(/main\.cjs:\d+:\d+\)$/)]);
});

describe("formatTasks", () => {
  test("reads as a report: one paragraph per task", () => {
    const quiet = new TestLoop({ debug: false });
    const source = quiet.createFuture<string>();
    quiet.createTask(main(source), { name: "main" });
    quiet.createTask(napper(), { name: "nap" });
    quiet.runUntilIdle();
    expect(formatTasks(quiet)).toBe(
      [
        "2 pending tasks on <TestLoop idle ready=0 timers=1> at time 0:",
        "",
        "Task 'main' (waiting): waits for <Future pending>",
        "  suspended in (outermost first):",
        "    main  at test.js:1:0",
        "    fetchUser  at test.js:1:0",
        "",
        "Task 'nap' (waiting): waits for <Future pending>, which a timer completes at time 500 (setUnlessCancelled())",
        "  suspended in (outermost first):",
        "    napper  at test.js:1:0",
        "    sleep",
      ].join("\n"),
    );
    source.setResult("ok");
    quiet.advance(500);
    expect(formatTasks(quiet)).toBe("No pending tasks on <TestLoop idle ready=0 timers=0> at time 500.");
    quiet.close();
  });

  test("includes the creation stack in debug mode", () => {
    loop.createTask(napper(), { name: "nap" });
    expect(formatTasks(loop)).toMatch(/^Task 'nap' \(scheduled\): not started yet: its first step is queued\n  created \(most recent call first\):\n    at .*task-dump\.test\.ts:\d+:\d+/m);
    loop.advance(500);
  });
});

describe("a run that can make no more progress", () => {
  test("fails with the dump after the usual message", () => {
    const source = loop.createFuture<string>();
    const task = loop.createTask(main(source), { name: "stuck-main" });
    const error = thrown(() => loop.runUntilComplete(task)) as Error;
    expect(error.message).toMatch(/^runUntilComplete\(\): <Task pending name='stuck-main' .*> can make no progress: nothing is ready or scheduled/);
    expect(error.message).toContain(
      [
        "1 pending task on <TestLoop running ready=0 timers=0> at time 0:",
        "",
        "Task 'stuck-main' (waiting): waits for <Future pending>",
        "  suspended in (outermost first):",
        "    main  at test.js:1:0",
        "    fetchUser  at test.js:1:0",
        "  created (most recent call first):",
      ].join("\n"),
    );
    // The task is intact: completing its future lets it finish.
    source.setResult("late");
    expect(loop.runUntilComplete(task)).toBe("late");
  });
});
