import { CancelledError, TestLoop, allTasks, coroutine } from "@stepwise/runtime";
import { FakeWeb } from "../src/fake-web";
import { checkLinks } from "../src/link-check";
import { site } from "../src/example-site";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => loop.close());

const links = ["https://shop.test/a", "https://shop.test/missing", "https://shop.test/slow", "https://blog.test/post"];

test("every link gets a verdict, errors included, in the order given", () => {
  const web = new FakeWeb(site);
  expect(loop.runUntilComplete(checkLinks(web.fetch, links, 500))).toEqual({
    "https://shop.test/a": "ok",
    "https://shop.test/missing": 404,
    "https://shop.test/slow": "timeout",
    "https://blog.test/post": "ok",
  });
  expect(loop.time()).toBe(500); // all at once: the slowest verdict is the deadline
  expect(web.aborted).toEqual(["https://shop.test/slow"]); // the timed-out probe stopped its request
  expect(loop.checkLeaks().ok).toBe(true);
});

test("cancelling the check cancels every probe still running, and their requests", () => {
  const web = new FakeWeb(site);
  const task = loop.createTask(coroutine(checkLinks(web.fetch, links, 500)), { name: "check" });
  loop.advance(30); // /missing has answered 404 (at 20); the others are in flight
  task.cancel();
  loop.runUntilIdle();

  expect(task.cancelled()).toBe(true);
  expect(() => task.result()).toThrow(CancelledError);
  expect(web.aborted).toEqual(["https://shop.test/a", "https://shop.test/slow", "https://blog.test/post"]);
  expect(allTasks(loop).size).toBe(0);
  expect(loop.checkLeaks().ok).toBe(true);
});
