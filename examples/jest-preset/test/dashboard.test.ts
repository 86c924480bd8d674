import { Task, coroutine } from "@stepwise/runtime";
import { testLoop } from "@stepwise/jest";
import { loadDashboard, type Post, type User } from "../src/dashboard";
import type { Http, Response } from "../src/http";

const ada: User = { id: 1, name: "Ada" };
const posts: Post[] = [{ title: "Notes on the Analytical Engine" }];

/** A fake server on the test's loop: each URL answers with a body after a delay, or never. */
function fakeServer(routes: Record<string, [body: unknown, delayMs: number] | "never">): Http {
  return {
    get(url) {
      const response = testLoop().createFuture<Response>();
      const route = routes[url];
      if (route !== "never") {
        const [body, delay] = route ?? [null, 0];
        testLoop().callLater(delay, () => response.done() || response.setResult({ status: body === null ? 404 : 200, body }));
      }
      return response;
    },
  };
}

test("the user and their posts, in virtual time", async () => {
  const http = fakeServer({ "/users/1": [ada, 20], "/users/1/posts": [posts, 300] });
  expect(await loadDashboard(http, 1)).toEqual({ user: ada, posts });
  expect(testLoop().time()).toBe(20 + 300);
});

test("posts that take over a second are left out", async () => {
  const http = fakeServer({ "/users/1": [ada, 20], "/users/1/posts": "never" });
  expect(await loadDashboard(http, 1)).toEqual({ user: ada, posts: [] });
  expect(testLoop().time()).toBe(20 + 1000);
});

test("as a Task: what it waits on after 500 ms, and cancelling it", () => {
  const http = fakeServer({ "/users/1": [ada, 20], "/users/1/posts": "never" });
  const task = testLoop().createTask(coroutine(loadDashboard(http, 1)));
  testLoop().advance(500);
  expect(task).toBeSuspendedOn(expect.any(Task)); // withTimeout awaits the posts request, run as a Task
  task.cancel();
  testLoop().advance(0);
  expect(task).toBeCancelled();
});

test("an unknown user fails the dashboard", () => {
  const task = testLoop().createTask(coroutine(loadDashboard(fakeServer({}), 9)));
  testLoop().advance(0);
  expect(task).toHaveThrown("GET /users/9: 404");
});
