import { CancelledError, Future, coroutine, sleep } from "@stepwise/runtime";
import { testLoop } from "@stepwise/jest";
import { failureOf } from "./helpers";

const api = {
  get: (url: string) => ({ get: url }),
};

async function fetchUser(id: number): Promise<{ id: number; name: string }> {
  const user = (await api.get(`/users/${id}`)) as unknown as { id: number; name: string };
  if (!user.name) throw new TypeError(`user ${id} has no name`);
  return user;
}

async function slowly<T>(ms: number, value: T): Promise<T> {
  await sleep(ms);
  return value;
}

describe("toBeSuspendedOn", () => {
  test("passes when the coroutine awaits an equal value; asymmetric matchers work", () => {
    const co = coroutine(fetchUser(1));
    co.send(undefined);
    expect(co).toBeSuspendedOn({ get: "/users/1" });
    expect(co).toBeSuspendedOn(expect.objectContaining({ get: expect.stringMatching(/^\/users\//) }));
    expect(co).not.toBeSuspendedOn({ get: "/users/2" });
    co.close();
  });

  test("a failure names the coroutine, where it is defined and what it really awaits", () => {
    const co = coroutine(fetchUser(1));
    co.send(undefined);
    const message = failureOf(() => expect(co).toBeSuspendedOn({ get: "/users/2" }));
    expect(message).toContain('Expected: suspended on {"get": "/users/2"}');
    expect(message).toMatch(/Received: fetchUser\(\) at .*matchers\.test\.ts:\d+:\d+, suspended on \{"get": "\/users\/1"\}/);
    co.close();
  });

  test("a coroutine that has not started, or has finished, is not suspended", () => {
    const co = coroutine(fetchUser(1));
    expect(failureOf(() => expect(co).toBeSuspendedOn(expect.anything()))).toMatch(/Received: fetchUser\(\) .*, not started/);
    co.send(undefined);
    expect(() => co.send({ id: 1, name: "Ada" })).toFinishWith({ id: 1, name: "Ada" });
    expect(failureOf(() => expect(co).toBeSuspendedOn(expect.anything()))).toMatch(/Received: fetchUser\(\) .*, finished/);
  });

  test("through inline awaits: what the innermost coroutine awaits, and the chain in the message", () => {
    const co = coroutine(slowly(100, "x"));
    co.send(undefined);
    expect(co).toBeSuspendedOn(expect.any(Future));
    const message = failureOf(() => expect(co).toBeSuspendedOn("something else"));
    expect(message).toMatch(/suspended on <Future pending> inside slowly\(\) → sleep\(\)/);
    co.close();
  });

  test("a Task: what its coroutine awaits", () => {
    const task = testLoop().createTask(coroutine(slowly(100, "x")));
    testLoop().advance(0);
    expect(task).toBeSuspendedOn(expect.any(Future));
    expect(failureOf(() => expect(task).not.toBeSuspendedOn(expect.any(Future)))).toMatch(
      /Expected: not suspended on Any<Future>\nReceived: Task 'Task-\d+' of slowly\(\) at .*, pending, suspended on <Future pending>/,
    );
    testLoop().advance(100);
    expect(task).toFinishWith("x");
  });

  test("anything else is refused with what it got", () => {
    expect(failureOf(() => expect(Promise.resolve(1)).toBeSuspendedOn(1))).toBe(
      "expect(received).toBeSuspendedOn(): received must be a coroutine or a Task, got a native Promise",
    );
  });
});

describe("toFinishWith", () => {
  test("a step that finishes the coroutine: StopIteration's value", () => {
    const co = coroutine(fetchUser(1));
    co.send(undefined);
    expect(() => co.send({ id: 1, name: "Ada" })).toFinishWith(expect.objectContaining({ name: "Ada" }));
  });

  test("a step that does not finish: the message says what the coroutine awaits instead", () => {
    const co = coroutine(slowly(100, "x"));
    const message = failureOf(() => expect(() => co.send(undefined)).toFinishWith("x"));
    expect(message).toContain('Expected: finished with "x"');
    expect(message).toContain("Received: did not finish: it awaits <Future pending>");
    co.close();
  });

  test("a step that throws is not a finish", () => {
    const co = coroutine(fetchUser(1));
    co.send(undefined);
    expect(failureOf(() => expect(() => co.send({ id: 1 })).toFinishWith({ id: 1 }))).toContain(
      "Received: it threw [TypeError: user 1 has no name]",
    );
  });

  test("a Task: its result; a pending one is described", () => {
    const task = testLoop().createTask(coroutine(slowly(50, 7)));
    expect(failureOf(() => expect(task).toFinishWith(7))).toMatch(/Received: Task 'Task-\d+' of slowly\(\) at .*, pending, its coroutine not started/);
    testLoop().advance(50);
    expect(task).toFinishWith(7);
    expect(task).not.toFinishWith(8);
  });

  test("a coroutine itself is refused: it keeps no result once finished", () => {
    const co = coroutine(fetchUser(1));
    expect(failureOf(() => expect(co).toFinishWith(1))).toContain(
      "a coroutine does not keep its result once it finishes: put the last step in the expectation, expect(() => co.send(value)).toFinishWith(...)",
    );
  });
});

describe("toHaveThrown", () => {
  test("a step that throws: by class, message text, RegExp, Error or matcher", () => {
    const failingStep = () => {
      const co = coroutine(fetchUser(1));
      co.send(undefined);
      return () => co.send({ id: 1 });
    };
    expect(failingStep()).toHaveThrown();
    expect(failingStep()).toHaveThrown(TypeError);
    expect(failingStep()).toHaveThrown("has no name");
    expect(failingStep()).toHaveThrown(/^user 1/);
    expect(failingStep()).toHaveThrown(new TypeError("user 1 has no name"));
    expect(failingStep()).toHaveThrown(expect.objectContaining({ message: expect.stringContaining("user 1") }));
    expect(failingStep()).not.toHaveThrown(RangeError);
  });

  test("a coroutine that returns did not throw, though StopIteration is an error", () => {
    const co = coroutine(fetchUser(1));
    co.send(undefined);
    const message = failureOf(() => expect(() => co.send({ id: 1, name: "Ada" })).toHaveThrown());
    expect(message).toContain("Expected: to have thrown an error");
    expect(message).toContain('Received: it returned {"id": 1, "name": "Ada"}');
  });

  test("a failed Task: looking at its error retrieves it", () => {
    const task = testLoop().createTask(coroutine(fetchUser(2)));
    testLoop().advance(0);
    testLoop().advance(0);
    expect(task).toHaveThrown(TypeError);
    expect(failureOf(() => expect(task).toHaveThrown(RangeError))).toMatch(
      /Expected: to have thrown an instance of RangeError\nReceived: Task 'Task-\d+' of fetchUser\(\) at .*, failed with \[TypeError: user 2 has no name\]/,
    );
  });

  test("a cancelled Task points at toBeCancelled", () => {
    const task = testLoop().createTask(coroutine(slowly(10, 1)));
    task.cancel();
    testLoop().advance(0);
    expect(failureOf(() => expect(task).toHaveThrown(CancelledError))).toContain("cancelled (a cancelled task: use toBeCancelled())");
  });
});

describe("toBeCancelled", () => {
  test("a cancelled Task passes; a pending or finished one is described", () => {
    const task = testLoop().createTask(coroutine(slowly(10, 1)));
    testLoop().advance(0);
    expect(failureOf(() => expect(task).toBeCancelled())).toMatch(
      /Expected: cancelled\nReceived: Task 'Task-\d+' of slowly\(\) at .*, pending, suspended on <Future pending> inside slowly\(\) → sleep\(\)/,
    );
    task.cancel("enough");
    testLoop().advance(0);
    expect(task).toBeCancelled();
    const done = testLoop().createTask(coroutine(slowly(1, 2)));
    testLoop().advance(1);
    expect(failureOf(() => expect(done).toBeCancelled())).toMatch(/, finished with 2$/);
  });

  test("a coroutine is refused: coroutines are closed, not cancelled", () => {
    expect(failureOf(() => expect(coroutine(slowly(1, 1))).toBeCancelled())).toMatch(
      /received must be a Task or a Future, got <coroutine slowly\(\) at .* created>; only a Task is cancelled, a coroutine is closed/,
    );
  });
});
