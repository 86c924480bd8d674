import { CancelledError, TestLoop, allTasks, sleep } from "@stepwise/runtime";
import { abortable } from "../src/abortable";
import { crawl } from "../src/crawler";
import { FakeWeb } from "../src/fake-web";
import { site } from "../src/example-site";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => {
  expect(loop.checkLeaks().ok).toBe(true);
  loop.close();
});

test("an AbortSignal stops the crawl: its tasks are cancelled and its requests aborted", () => {
  const web = new FakeWeb(site);
  const controller = new AbortController();
  loop.callLater(100, () => controller.abort(new Error("stopped by the user")));

  expect(() => loop.runUntilComplete(abortable(controller.signal, crawl(web.fetch, "https://shop.test/")))).toThrow(
    new CancelledError("stopped by the user"),
  );
  expect(loop.time()).toBe(100);
  expect(web.aborted.sort()).toEqual(["https://blog.test/post", "https://shop.test/a", "https://shop.test/b"]);
  expect(allTasks(loop).size).toBe(0);
});

test("a signal that has already aborted cancels the work before it starts", () => {
  const web = new FakeWeb(site);
  const signal = AbortSignal.abort(new Error("too late"));
  expect(() => loop.runUntilComplete(abortable(signal, crawl(web.fetch, "https://shop.test/")))).toThrow("too late");
  expect(web.requested).toEqual([]);
});

test("without an abort, the work's result comes back as usual", () => {
  const controller = new AbortController();
  async function answer(): Promise<number> {
    await sleep(10);
    return 42;
  }
  expect(loop.runUntilComplete(abortable(controller.signal, answer()))).toBe(42);
  controller.abort(); // after the task finished: nothing happens
  expect(loop.time()).toBe(10);
});
