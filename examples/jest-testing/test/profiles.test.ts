import { Future, TestLoop, coroutine } from "@stepwise/runtime";
import { HttpError, fetchProfile, type HttpClient, type Profile, type Response } from "../src/profiles";
import { TimeoutError } from "../src/timeout";

/** A fake backend on the test loop: each answer is [delay ms, status] or "hang". */
function fakeHttp(loop: TestLoop, answers: ([number, number] | "hang")[]) {
  const calls: { url: string; at: number }[] = [];
  const client: HttpClient = {
    get<B>(url: string) {
      calls.push({ url, at: loop.time() });
      const response = loop.createFuture<Response<B>>();
      const answer = answers[calls.length - 1] ?? "hang";
      if (answer !== "hang") {
        const [delay, status] = answer;
        const body = { id: "u1", name: "Ada" } as B;
        loop.callLater(delay, () => response.done() || response.setResult({ status, body }));
      }
      return response;
    },
  };
  return { client, calls };
}

test("two timeouts, then an answer: timeouts and backoff add up on the virtual clock", () => {
  const loop = new TestLoop();
  const { client, calls } = fakeHttp(loop, ["hang", "hang", [30, 200]]);
  const profile: Profile = loop.runUntilComplete(fetchProfile(client, "u1"));
  expect(profile).toEqual({ id: "u1", name: "Ada" });
  // attempt 1: 0..1000 timeout, sleep 200; attempt 2: 1200..2200 timeout, sleep 400; attempt 3 answers in 30
  expect(calls.map((c) => c.at)).toEqual([0, 1200, 2600]);
  expect(loop.time()).toBe(2630);
  loop.close();
});

test("server errors are retried; a 404 is not", () => {
  const loop = new TestLoop();
  const { client, calls } = fakeHttp(loop, [[5, 503], [5, 404]]);
  expect(() => loop.runUntilComplete(fetchProfile(client, "u1"))).toThrow(new HttpError(404, "/users/u1"));
  expect(calls).toHaveLength(2);
  expect(loop.time()).toBe(5 + 200 + 5);
  loop.close();
});

test("four timeouts: gives up with the TimeoutError", () => {
  const loop = new TestLoop();
  const { client, calls } = fakeHttp(loop, []);
  expect(() => loop.runUntilComplete(fetchProfile(client, "u1"))).toThrow(TimeoutError);
  expect(calls).toHaveLength(4);
  expect(loop.time()).toBe(4 * 1000 + 200 + 400 + 800);
  loop.close();
});

test("looking inside a running task: its chain of inline awaits and what it waits on", () => {
  const loop = new TestLoop();
  const { client, calls } = fakeHttp(loop, [[5, 200]]);
  const co = coroutine(fetchProfile(client, "u 1"));
  expect(calls).toHaveLength(0);
  // With no loop running, getEventLoop() (used by withTimeout) would make a new loop: run it on ours.
  const task = loop.createTask(co);
  loop.advance(0);
  expect(calls).toEqual([{ url: "/users/u%201", at: 0 }]);
  expect(co.chain.map((c) => c.name)).toEqual(["fetchProfile", "retry", "", "withTimeout"]);
  expect(co.awaiting).toBeInstanceOf(Future);
  loop.advance(5);
  expect(task.result()).toEqual({ id: "u1", name: "Ada" });
  loop.close();
});
