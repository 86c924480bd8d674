import { asyncFn } from "./helpers";
import { Task, TestLoop, currentTask, setEventLoop } from "../src/index";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => {
  setEventLoop(null);
  loop.close();
});

test("is the task whose step is running, with or without the loop argument", () => {
  const seen: unknown[] = [];
  const f = asyncFn("f", function* () {
    seen.push(currentTask(), currentTask(loop));
    yield undefined;
    seen.push(currentTask());
  });
  const t = loop.createTask(f());
  loop.runUntilComplete(t);
  expect(seen).toEqual([t, t, t]);
});

test("is null in a plain callback and between steps", () => {
  const seen: unknown[] = [];
  loop.callSoon(() => seen.push(currentTask()));
  loop.advance(0);
  expect(seen).toEqual([null]);
  expect(currentTask(loop)).toBeNull();
});

test("is null with no loop running and none set", () => {
  setEventLoop(null);
  expect(currentTask()).toBeNull();
});

test("a task stepped by hand finds itself through the current loop", () => {
  setEventLoop(loop);
  let seen: unknown;
  const t = new Task(asyncFn("f", function* () { seen = currentTask(); })(), { loop });
  t._step();
  expect(seen).toBe(t);
  expect(currentTask()).toBeNull();
});
