import { asyncFn } from "./helpers";
import { EventLoop, TestLoop, sleep } from "../src/index";

let loop: TestLoop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => loop.close());

test("is an EventLoop whose clock starts at 0 and stands still", () => {
  expect(loop).toBeInstanceOf(EventLoop);
  expect(loop.time()).toBe(0);
  expect(loop.time()).toBe(0);
});

test("advance(ms) moves the clock and runs each timer at its own time, in order", () => {
  const log: string[] = [];
  loop.callLater(30, () => log.push(`30 at ${loop.time()}`));
  loop.callLater(10, () => {
    log.push(`10 at ${loop.time()}`);
    loop.callLater(5, () => log.push(`15 at ${loop.time()}`));
  });
  loop.callLater(50, () => log.push("50"));
  loop.advance(40);
  expect(log).toEqual(["10 at 10", "15 at 15", "30 at 30"]);
  expect(loop.time()).toBe(40);
  loop.advance(10);
  expect(log).toEqual(["10 at 10", "15 at 15", "30 at 30", "50"]);
  expect(loop.time()).toBe(50);
});

test("advance(0) runs what is ready, and what that queues, without moving the clock", () => {
  const log: string[] = [];
  loop.callSoon(() => {
    log.push("a");
    loop.callSoon(() => log.push("b"));
  });
  loop.advance(0);
  expect(log).toEqual(["a", "b"]);
  expect(loop.time()).toBe(0);
});

test("advance refuses negative or non-numeric time", () => {
  expect(() => loop.advance(-1)).toThrow(new RangeError("advance(): ms must be a number >= 0 (time cannot go backwards), got -1"));
  expect(() => loop.advance(NaN)).toThrow(RangeError);
  expect(loop.time()).toBe(0);
});

test("advance while another loop runs is refused, naming advance(), and the clock stays put", () => {
  const other = new TestLoop();
  let message = "";
  other.callSoon(() => {
    message = (() => {
      try {
        loop.advance(5);
        return "no error";
      } catch (e) {
        return (e as Error).message;
      }
    })();
  });
  other.advance(0);
  other.close();
  expect(message).toMatch(/^Cannot run the event loop while another loop is running: advance\(\) was called inside <TestLoop/);
  expect(loop.time()).toBe(0);
});

test("inside a run, advance only moves the clock", () => {
  const log: number[] = [];
  loop.callLater(5, () => log.push(loop.time()));
  loop.callSoon(() => {
    loop.advance(7);
    loop.stop();
  });
  loop.runForever();
  expect(loop.time()).toBe(7);
  expect(log).toEqual([]);
  loop.advance(0);
  expect(log).toEqual([7]);
});

test("autojump: an hour of sleep completes at once with the clock at one hour", () => {
  const slow = asyncFn("slow", function* () {
    yield sleep(3_600_000);
    return loop.time();
  });
  expect(loop.runUntilComplete(slow())).toBe(3_600_000);
  expect(loop.time()).toBe(3_600_000);
});

test("the same program always runs in the same order", () => {
  const program = (): string[] => {
    const l = new TestLoop();
    const log: string[] = [];
    const worker = asyncFn("worker", function* (name: string, ms: number) {
      for (let i = 0; i < 3; i++) {
        yield sleep(ms);
        log.push(`${name}${i}@${l.time()}`);
      }
    });
    const main = asyncFn("main", function* () {
      const a = l.createTask(worker("a", 3));
      const b = l.createTask(worker("b", 2));
      yield a;
      yield b;
    });
    l.runUntilComplete(main());
    l.close();
    return log;
  };
  const first = program();
  expect(first).toEqual(["b0@2", "a0@3", "b1@4", "a1@6", "b2@6", "a2@9"]);
  expect(program()).toEqual(first);
});

test("is never driven by the host: queued work waits for the test", async () => {
  const log: string[] = [];
  loop.callSoon(() => log.push("ran"));
  await new Promise((resolve) => setImmediate(resolve));
  expect(log).toEqual([]);
  loop.advance(0);
  expect(log).toEqual(["ran"]);
});
