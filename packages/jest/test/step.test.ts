import { Future, sleep } from "@stepwise/runtime";
import { step } from "@stepwise/jest";
import { failureOf } from "./helpers";

// Awaiting a plain value suspends once and hands it to the driver: an "effect", as in redux-saga.
const api = {
  get: (url: string) => ({ method: "GET", url }),
  post: (url: string, body: unknown) => ({ method: "POST", url, body }),
};

interface User {
  id: number;
  name: string;
}

async function renameUser(id: number, name: string): Promise<string> {
  const user = (await api.get(`/users/${id}`)) as unknown as User;
  if (user.name === name) return "unchanged";
  try {
    await api.post(`/users/${id}`, { ...user, name });
  } catch (error) {
    await api.post("/log", { error: String(error) });
    throw new Error(`could not rename user ${id}`, { cause: error });
  }
  return "renamed";
}

test("each await checked, each result injected, the return value checked", () => {
  step(renameUser(1, "Grace"))
    .awaits({ method: "GET", url: "/users/1" })
    .resolve({ id: 1, name: "Ada" })
    .awaits(api.post("/users/1", { id: 1, name: "Grace" }))
    .resolve()
    .returns("renamed");
});

test("an injected error, caught by the coroutine, and the error it throws in the end", () => {
  step(renameUser(1, "Grace"))
    .awaits(api.get("/users/1"))
    .resolve({ id: 1, name: "Ada" })
    .awaits(expect.objectContaining({ method: "POST" }))
    .reject(new Error("503"))
    .awaits({ method: "POST", url: "/log", body: { error: "Error: 503" } })
    .resolve()
    .throws("could not rename user 1");
});

test("throws() takes a class, a RegExp, an Error or a matcher, as toHaveThrown", () => {
  const failing = () =>
    step(renameUser(2, "x")).awaits(expect.anything()).resolve({ id: 2, name: "y" }).awaits(expect.anything()).reject(new Error("down")).awaits(expect.anything()).resolve();
  failing().throws(Error);
  failing().throws(/^could not rename/);
  failing().throws(new Error("could not rename user 2"));
  failing().throws(expect.objectContaining({ cause: new Error("down") }));
  failing().throws();
});

test("a wrong await: the step, what was expected and what the coroutine awaited", () => {
  const message = failureOf(() =>
    step(renameUser(1, "Grace")).awaits(api.get("/users/1")).resolve({ id: 1, name: "Ada" }).awaits(api.post("/users/2", {})),
  );
  expect(message).toMatch(/^step\(renameUser\(\) at .*step\.test\.ts:\d+:\d+\): await #2 is not the expected one\n/);
  expect(message).toContain('Expected it to await {"body": {}, "method": "POST", "url": "/users/2"}\n');
  expect(message).toContain('but it awaits {"body": {"id": 1, "name": "Grace"}, "method": "POST", "url": "/users/1"}\n');
  expect(message).toContain('after resolve({"id": 1, "name": "Ada"}) into await #1\n');
  expect(message).toMatch(/now: renameUser\(\) at .*, suspended on \{"body"/);
});

test("the first await is checked on the coroutine's first run", () => {
  expect(failureOf(() => step(renameUser(1, "Grace")).awaits(api.get("/users/9")))).toMatch(
    /await #1 is not the expected one\nExpected it to await .*\nbut it awaits .*"\/users\/1".*\non its first run/,
  );
});

test("returns() refuses to pass while the coroutine awaits more than the test described", () => {
  const message = failureOf(() => step(renameUser(1, "Grace")).awaits(api.get("/users/1")).resolve({ id: 1, name: "Ada" }).returns("renamed"));
  expect(message).toContain("it did not return as expected\nExpected it to return \"renamed\"\n");
  expect(message).toContain('but it awaits {"body": {"id": 1, "name": "Grace"}, "method": "POST", "url": "/users/1"} — an await the test did not describe (await #2); add .awaits(...) for it');
});

test("throws() refuses a coroutine that returned, and returns() one that threw (the error is the cause)", () => {
  expect(failureOf(() => step(renameUser(1, "Ada")).awaits(api.get("/users/1")).resolve({ id: 1, name: "Ada" }).throws())).toContain(
    'Expected it to throw an error\nbut it returned "unchanged"',
  );
  let error: unknown;
  try {
    step(renameUser(1, "Ada")).awaits(api.get("/users/1")).resolve(null).returns("unchanged");
  } catch (e) {
    error = e;
  }
  expect(String(error)).toContain("but it threw [TypeError: Cannot read properties of null");
  expect((error as Error).cause).toBeInstanceOf(TypeError);
});

test("an await that is really a return, or a return with the wrong value", () => {
  expect(failureOf(() => step(renameUser(1, "Ada")).awaits(api.get("/users/1")).resolve({ id: 1, name: "Ada" }).awaits(expect.anything()))).toContain(
    'await #2 is not the expected one\nExpected it to await Anything\nbut it returned "unchanged"',
  );
  expect(failureOf(() => step(renameUser(1, "Ada")).awaits(api.get("/users/1")).resolve({ id: 1, name: "Ada" }).returns("renamed"))).toContain(
    'Expected it to return "renamed"\nbut it returned "unchanged"',
  );
});

test("misuse: resolving an await that was not described, describing one that was not resolved, going on after the end", () => {
  expect(failureOf(() => step(renameUser(1, "x")).resolve(1))).toMatch(
    /\.resolve\(\) without \.awaits\(\) before it: the coroutine has not been run to an await yet; say what it awaits with \.awaits\(x\) first$/,
  );
  expect(failureOf(() => step(renameUser(1, "x")).awaits(expect.anything()).resolve({ id: 1, name: "y" }).reject(new Error()))).toMatch(
    /\.reject\(\) without \.awaits\(\) before it: await #2 has not been described/,
  );
  expect(failureOf(() => step(renameUser(1, "x")).awaits(expect.anything()).awaits(expect.anything()))).toMatch(
    /\.awaits\(\) right after \.awaits\(\): await #1 has not been given a result; call \.resolve\(value\) or \.reject\(error\) first$/,
  );
  const done = step(renameUser(1, "x")).awaits(expect.anything()).resolve({ id: 1, name: "x" });
  done.returns("unchanged");
  expect(failureOf(() => done.returns("unchanged"))).toMatch(/\.returns\(\) after the coroutine finished \(or was closed\): the steps end there$/);
});

test("the failure points at the test's line, not inside the helper", () => {
  let error: Error | undefined;
  try {
    step(renameUser(1, "x")).awaits("nothing like it");
  } catch (e) {
    error = e as Error;
  }
  expect(error!.stack!.split("\n").find((l) => l.trimStart().startsWith("at "))).toMatch(/step\.test\.ts/);
});

test("close() stops at an await and runs the coroutine's finally blocks", () => {
  const log: string[] = [];
  async function worker(): Promise<void> {
    try {
      await sleep(1000);
    } finally {
      log.push("cleaned up");
    }
  }
  step(worker()).awaits(expect.any(Future)).close();
  expect(log).toEqual(["cleaned up"]);
});

test("step() refuses what is not a coroutine", () => {
  expect(() => step(Promise.resolve(1))).toThrow(/coroutine\(\): this value is a native Promise/);
});
