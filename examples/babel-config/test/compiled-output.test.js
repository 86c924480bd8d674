// Checks what @babel/cli produced. beforeAll runs `babel src -d lib` itself, so the root
// `npx jest` (which never runs this package's npm scripts) exercises the CLI build too.
const { execFileSync } = require("node:child_process");
const path = require("node:path");
const {
  Coroutine,
  EventLoop,
  Future,
  StopIteration,
  TestLoop,
  coroutine,
  isCoroutine,
  isCoroutineFunction,
} = require("@stepwise/runtime");
const { loopClient } = require("../backend");

const root = path.join(__dirname, "..");
let lib;

beforeAll(() => {
  const babelCli = path.join(path.dirname(require.resolve("@babel/cli/package.json")), "bin", "babel.js");
  execFileSync(process.execPath, [babelCli, "src", "-d", "lib"], { cwd: root, stdio: "pipe" });
  lib = require("../lib");
});

test("async functions in lib/ are coroutine functions; sync ones are untouched", () => {
  for (const name of ["processOrder", "fetchOrder", "gather", "checkStock", "priceLine"]) {
    expect(isCoroutineFunction(lib[name])).toBe(true);
  }
  expect(isCoroutineFunction(lib.applyDiscount)).toBe(false);
  expect(lib.applyDiscount(100, "TENOFF")).toBe(90);
  expect(lib.processOrder.name).toBe("processOrder");
  expect(lib.processOrder.length).toBe(2);
});

test("calling one returns a Coroutine and runs nothing", () => {
  const client = loopClient();
  const co = lib.processOrder(client, "A-100");
  expect(co).toBeInstanceOf(Coroutine);
  expect(isCoroutine(co)).toBe(true);
  expect(coroutine(co)).toBe(co);
  expect(co.state).toBe("created");
  expect(co.name).toBe("processOrder");
  expect(co.location).toMatch(/orders\.js:\d+:\d+$/);
  expect(client.log).toEqual([]);
  co.close();
});

test("stepping the compiled code by hand: fetchOrder with an injected response", () => {
  const request = { method: "GET", url: "/orders/A-100" };
  const http = { get: jest.fn(() => request) };
  const co = lib.fetchOrder(http, "A-100");
  expect(co.send(undefined)).toBe(request);
  expect(co.awaiting).toBe(request);
  expect(http.get).toHaveBeenCalledWith("/orders/A-100");
  try {
    co.send({ status: 200, body: { lines: [] } });
    throw new Error("expected StopIteration");
  } catch (e) {
    expect(e).toBeInstanceOf(StopIteration);
    expect(e.value).toEqual({ lines: [] });
  }
  expect(co.state).toBe("closed");
});

test("runUntilComplete on an EventLoop gives the order summary", () => {
  const loop = new EventLoop();
  try {
    const summary = loop.runUntilComplete(lib.processOrder(loopClient(1), "A-100"));
    expect(summary.total).toBe(63);
    expect(summary.confirmationId).toBe("conf-A-100-63");
  } finally {
    loop.close();
  }
});

test("on a TestLoop the latency is virtual: four round trips of 250 ms, no real waiting", () => {
  const loop = new TestLoop();
  // fetch order, then stock checks (concurrent), then prices (concurrent), then confirm: 4 waits
  const summary = loop.runUntilComplete(lib.processOrder(loopClient(250), "A-100"));
  expect(summary.total).toBe(63);
  expect(loop.time()).toBe(1000);
  loop.close();
});

test("errors reach the caller: an order that cannot be filled", () => {
  const loop = new TestLoop();
  expect(() => loop.runUntilComplete(lib.processOrder(loopClient(5), "A-101"))).toThrow(lib.OutOfStockError);
  loop.close();
});

test("a plain Future can stand in for a slow service", () => {
  const loop = new TestLoop();
  const pending = new Future({ loop });
  const http = { get: () => pending };
  const task = loop.createTask(lib.checkStock(http, "mug", 2));
  loop.callLater(30, () => pending.setResult({ status: 200, body: { available: 9 } }));
  expect(loop.runUntilComplete(task)).toBe(9);
  expect(loop.time()).toBe(30);
  loop.close();
});
