import { asyncFn } from "./helpers";
import { Future, Task, TestLoop, createTask, ensureFuture, setEventLoop } from "../src/index";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => {
  setEventLoop(null);
  loop.close();
});

const seven = asyncFn("seven", function* () { return 7; });

test("ensureFuture returns a Future as it is", () => {
  const f = new Future({ loop });
  expect(ensureFuture(f)).toBe(f);
  expect(ensureFuture(f, { loop })).toBe(f);
});

test("ensureFuture wraps a coroutine in a Task on the given loop", () => {
  const t = ensureFuture(seven(), { loop });
  expect(t).toBeInstanceOf(Task);
  expect(t.getLoop()).toBe(loop);
  expect(loop.runUntilComplete(t)).toBe(7);
});

test("ensureFuture wraps a thenable in a Task that awaits it", async () => {
  const t = ensureFuture(Promise.resolve(3), { loop });
  expect(t).toBeInstanceOf(Task);
  loop.advance(0);
  await new Promise((resolve) => setImmediate(resolve));
  loop.advance(0);
  expect(t.result()).toBe(3);
});

test("without a loop, ensureFuture and createTask use the current loop", () => {
  setEventLoop(loop);
  expect(ensureFuture(seven()).getLoop()).toBe(loop);
  const t = createTask(seven(), { name: "named" });
  expect(t.getLoop()).toBe(loop);
  expect(t.getName()).toBe("named");
});

test("inside a run, createTask uses the running loop", () => {
  let inner: Task<number> | undefined;
  const main = asyncFn("main", function* () {
    inner = createTask(seven());
    return yield inner;
  });
  expect(loop.runUntilComplete(main())).toBe(7);
  expect(inner!.getLoop()).toBe(loop);
});

test("inside a run, ensureFuture without a loop uses the running loop, not the set one", () => {
  const set = new TestLoop();
  setEventLoop(set);
  let wrapped: unknown;
  const main = asyncFn("main", function* () {
    const t = ensureFuture(seven());
    wrapped = t;
    return yield t;
  });
  expect(loop.runUntilComplete(main())).toBe(7);
  expect((wrapped as Task<number>).getLoop()).toBe(loop);
  set.close();
});

test("ensureFuture refuses a Future of another loop", () => {
  const other = new TestLoop();
  const f = new Future({ loop: other });
  expect(() => ensureFuture(f, { loop })).toThrow(
    "ensureFuture(): <Future pending> belongs to a different loop than the one specified as the loop argument",
  );
  other.close();
});

test("ensureFuture given the async function itself says to call it", () => {
  expect(() => ensureFuture(seven as never, { loop })).toThrow(new TypeError("ensureFuture(): got the async function seven itself; call it: ensureFuture(seven())"));
});

test("ensureFuture refuses other values", () => {
  expect(() => ensureFuture(5 as never, { loop })).toThrow(
    new TypeError("ensureFuture(): a Future, a coroutine or a thenable is required, got 5"),
  );
});

test("createTask refuses a non-coroutine", () => {
  setEventLoop(loop);
  expect(() => createTask(Promise.resolve(1) as never)).toThrow(/^createTask\(\): a coroutine was expected, got a native Promise \(was the async function compiled/);
});
