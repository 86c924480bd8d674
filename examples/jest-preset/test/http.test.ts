import { Future, coroutine } from "@stepwise/runtime";
import { step } from "@stepwise/jest";
import { HttpError, getJson, type Http } from "../src/http";

// For stepping: get() returns a description of the request instead of sending it. The coroutine
// awaits that description, step() checks it, and the test hands back the response.
const http: Http = { get: (url) => ({ GET: url }) as never };

test("a 503 is retried after 100 ms", () => {
  step(getJson(http, "/users/1"))
    .awaits({ GET: "/users/1" })
    .resolve({ status: 503, body: null })
    .awaits(expect.any(Future)) // sleep(100)
    .resolve()
    .awaits({ GET: "/users/1" })
    .resolve({ status: 200, body: { id: 1, name: "Ada" } })
    .returns({ id: 1, name: "Ada" });
});

test("network errors are retried too, and the last one is thrown", () => {
  step(getJson(http, "/users/1", 1))
    .awaits({ GET: "/users/1" })
    .reject(new Error("ECONNRESET"))
    .awaits(expect.any(Future))
    .resolve()
    .awaits({ GET: "/users/1" })
    .reject(new Error("ECONNREFUSED"))
    .throws("ECONNREFUSED");
});

test("a 404 is not retried", () => {
  const co = coroutine(getJson(http, "/users/2"));
  co.send();
  expect(co).toBeSuspendedOn({ GET: "/users/2" });
  expect(() => co.send({ status: 404, body: null })).toHaveThrown(new HttpError(404, "/users/2"));
});
