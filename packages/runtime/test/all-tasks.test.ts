import { asyncFn } from "./helpers";
import { Future, TestLoop, allTasks, setEventLoop, sleep, type Task } from "../src/index";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => {
  setEventLoop(null);
  loop.close();
});

const napper = asyncFn("napper", function* (ms: number) {
  yield sleep(ms);
});

test("the loop's tasks that are not done, in creation order; a finished task leaves", () => {
  const a = loop.createTask(napper(10), { name: "a" });
  const b = loop.createTask(napper(20), { name: "b" });
  expect([...allTasks(loop)]).toEqual([a, b]);
  loop.advance(10);
  expect([...allTasks(loop)]).toEqual([b]);
  loop.advance(10);
  expect(allTasks(loop).size).toBe(0);
});

test("a cancelled task leaves once the cancellation is delivered", () => {
  const fut = new Future({ loop });
  const waiter = loop.createTask(asyncFn("waiter", function* () { yield fut; })());
  loop.runUntilIdle();
  waiter.cancel();
  expect(allTasks(loop).has(waiter)).toBe(true);
  loop.runUntilIdle();
  expect(allTasks(loop).has(waiter)).toBe(false);
});

test("returns a new Set each time: changing it changes nothing on the loop", () => {
  const t = loop.createTask(napper(5));
  const tasks = allTasks(loop);
  tasks.delete(t);
  expect(allTasks(loop).has(t)).toBe(true);
  loop.advance(5);
});

test("without a loop: the running loop inside a task, else the current one", () => {
  let seen: Set<Task<unknown>> | null = null;
  const self = loop.createTask(asyncFn("look", function* () {
    seen = allTasks();
  })());
  loop.runUntilIdle();
  expect(seen).toEqual(new Set([self]));
  setEventLoop(loop);
  const t = loop.createTask(napper(1));
  expect(allTasks()).toEqual(new Set([t]));
  loop.advance(1);
});
