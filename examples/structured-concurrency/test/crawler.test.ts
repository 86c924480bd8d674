import { TaskGroupError, TestLoop, allTasks, coroutine } from "@stepwise/runtime";
import { crawl } from "../src/crawler";
import { FakeWeb } from "../src/fake-web";
import type { Page } from "../src/http";
import { site } from "../src/example-site";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => {
  // Whatever happened, the crawl left nothing behind: no task, no timer, no unread error.
  expect(String(loop.checkLeaks())).toBe(`No leaks on ${loop}.`);
  loop.close();
});

test("visits every reachable page once, with a worker pool and two requests per host", () => {
  const web = new FakeWeb(site);
  const report = loop.runUntilComplete(crawl(web.fetch, "https://shop.test/", { pageTimeoutMs: 1000 }));

  expect(report).toEqual({
    pages: [
      "https://shop.test/",
      "https://blog.test/",
      "https://blog.test/post",
      "https://shop.test/a",
      "https://shop.test/b",
      "https://shop.test/c",
    ],
    broken: [{ url: "https://shop.test/missing", status: 404 }],
    timedOut: ["https://shop.test/slow"],
  });
  expect(web.requested.filter((url) => url === "https://shop.test/")).toHaveLength(1); // a links back to "/"
  expect(web.peakInFlight.get("shop.test")).toBe(2); // the Semaphore
  // c starts at 150 (when a frees a slot), /slow at 250, and its deadline passes at 1250: a
  // second of waiting, in no time at all.
  expect(loop.time()).toBe(1250);
});

test("the page timeout aborts the request it gave up on", () => {
  const web = new FakeWeb(site);
  loop.runUntilComplete(crawl(web.fetch, "https://shop.test/", { pageTimeoutMs: 1000 }));
  expect(web.aborted).toEqual(["https://shop.test/slow"]);
});

test("a failing worker cancels its siblings, aborts their requests, and the error comes out in .errors", () => {
  const web = new FakeWeb(site);
  const indexFull = new Error("the index is full");
  const onPage = ({ url }: Page) => {
    if (url === "https://blog.test/post") throw indexFull;
  };

  let error: unknown;
  try {
    loop.runUntilComplete(crawl(web.fetch, "https://shop.test/", { onPage }));
  } catch (e) {
    error = e;
  }

  expect(error).toBeInstanceOf(TaskGroupError);
  expect((error as TaskGroupError).errors).toEqual([indexFull]);
  expect(loop.time()).toBe(120); // the post came back at 30 + 40 after "/" at 50
  // a and b were in flight (due at 150): their workers were cancelled, and so were their requests.
  expect(web.aborted).toEqual(["https://shop.test/a", "https://shop.test/b"]);
  expect(web.requested).not.toContain("https://shop.test/c"); // nothing new was started
  expect(web.inFlightNow()).toBe(0);
  expect(allTasks(loop).size).toBe(0);
});

test("cancelling the crawl from outside cancels the workers and aborts what they fetch", () => {
  const web = new FakeWeb(site);
  const task = loop.createTask(coroutine(crawl(web.fetch, "https://shop.test/")), { name: "crawl" });
  loop.advance(100);
  expect([...allTasks(loop)].map((t) => t.getName())).toEqual(["crawl", "worker-1", "worker-2", "worker-3", "worker-4"]);

  task.cancel("the user went away");
  loop.runUntilIdle();

  expect(task.cancelled()).toBe(true);
  expect(web.aborted.sort()).toEqual(["https://blog.test/post", "https://shop.test/a", "https://shop.test/b"]);
  expect(allTasks(loop).size).toBe(0);
});
