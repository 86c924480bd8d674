// Unit-testing code that awaits an injected client, without any loop: step the coroutine, look
// at what it awaits, hand it a result or an error, and assert on what it does next.
import { Coroutine, StopIteration } from "@stepwise/runtime";
import { currentTemperature, dailyReport } from "../src/weather";

// The fake client returns a plain request object; the compiled code suspends on it.
const fakeHttp = () => ({ get: jest.fn((url) => ({ method: "GET", url })) });

// Runs `step()` and returns the StopIteration's value, failing if the coroutine did not finish.
function returned(step) {
  try {
    step();
  } catch (e) {
    if (e instanceof StopIteration) return e.value;
    throw e;
  }
  throw new Error("the coroutine did not return");
}

test("send(undefined) runs up to the await and returns what it awaits: the request", () => {
  const http = fakeHttp();
  const co = currentTemperature(http, "Oslo");
  expect(co).toBeInstanceOf(Coroutine);
  expect(http.get).not.toHaveBeenCalled();

  const awaited = co.send(undefined);
  expect(http.get).toHaveBeenCalledTimes(1);
  expect(awaited).toEqual({ method: "GET", url: "/weather/Oslo" });
  expect(co.awaiting).toBe(awaited);
  expect(co.state).toBe("suspended");
});

test("send(fakeResponse) resumes with it as the value of the await", () => {
  const cache = new Map();
  const co = currentTemperature(fakeHttp(), "Oslo", cache);
  co.send(undefined);
  const result = returned(() => co.send({ status: 200, body: { tempC: -3 } }));
  expect(result).toEqual({ city: "Oslo", tempC: -3, stale: false });
  expect(cache.get("Oslo")).toBe(-3);
  expect(co.state).toBe("closed");
  expect(co.awaiting).toBeUndefined();
});

test("a bad status: the body's error comes out of send as itself", () => {
  const co = currentTemperature(fakeHttp(), "Oslo");
  co.send(undefined);
  expect(() => co.send({ status: 503, body: null })).toThrow("weather service answered 503 for Oslo");
  expect(co.state).toBe("closed");
});

test("throw(new Error('timeout')) raises at the await: no cache, so the error is wrapped", () => {
  const co = currentTemperature(fakeHttp(), "Oslo");
  co.send(undefined);
  const timeout = new Error("timeout");
  let caught;
  try {
    co.throw(timeout);
  } catch (e) {
    caught = e;
  }
  expect(caught.message).toBe("weather for Oslo unavailable: timeout");
  expect(caught.cause).toBe(timeout);
});

test("throw(...) with a cached reading: the catch block recovers and the coroutine returns", () => {
  const cache = new Map([["Oslo", 4]]);
  const co = currentTemperature(fakeHttp(), "Oslo", cache);
  co.send(undefined);
  expect(returned(() => co.throw(new Error("timeout")))).toEqual({ city: "Oslo", tempC: 4, stale: true });
});

test("throw into a coroutine that never started: raised before the first line", () => {
  const http = fakeHttp();
  const co = currentTemperature(http, "Oslo", new Map([["Oslo", 4]]));
  expect(() => co.throw(new Error("early"))).toThrow("early");
  expect(http.get).not.toHaveBeenCalled();
  expect(co.state).toBe("closed");
});

test("inline awaits: the report is suspended on the request of the city it is at", () => {
  const http = fakeHttp();
  const log = [];
  const co = dailyReport(http, ["Oslo", "Lima"], log);
  expect(co.send(undefined)).toEqual({ method: "GET", url: "/weather/Oslo" });
  expect(co.send({ status: 200, body: { tempC: -3 } })).toEqual({ method: "GET", url: "/weather/Lima" });
  expect(co.awaiting.url).toBe("/weather/Lima");
  expect(co.chain.map((c) => c.name)).toEqual(["dailyReport", "currentTemperature"]);
  expect(returned(() => co.send({ status: 200, body: { tempC: 19 } }))).toBe("Oslo: -3°C, Lima: 19°C");
  expect(log).toEqual(["report finished after 2 of 2 cities"]);
});

test("close() while suspended runs the finally blocks and ends the coroutine", () => {
  const log = [];
  const co = dailyReport(fakeHttp(), ["Oslo", "Lima"], log);
  co.send(undefined);
  co.send({ status: 200, body: { tempC: -3 } });
  co.close();
  expect(log).toEqual(["report finished after 1 of 2 cities"]);
  expect(co.state).toBe("closed");
});

test("the error path through the report: a timeout for the second city", () => {
  const log = [];
  const co = dailyReport(fakeHttp(), ["Oslo", "Lima"], log);
  co.send(undefined);
  co.send({ status: 200, body: { tempC: -3 } });
  expect(() => co.throw(new Error("timeout"))).toThrow("weather for Lima unavailable: timeout");
  expect(log).toEqual(["report finished after 1 of 2 cities"]);
});
