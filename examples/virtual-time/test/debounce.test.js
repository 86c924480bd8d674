import { TestLoop, withVirtualTimers } from "@stepwise/runtime";
import { debounce } from "../src/debounce";

let loop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => loop.close());

test("one call, 300 ms after the last keystroke, with the last value", () => {
  const calls = [];
  // Inside the function, setTimeout and clearTimeout run on the loop's clock; after it, the host's again.
  withVirtualTimers(loop, () => {
    const search = debounce((query) => calls.push([query, loop.time()]), 300);
    search("s");
    loop.advance(100);
    search("st");
    loop.advance(100);
    search("ste");
    loop.advance(299);
    expect(calls).toEqual([]);
    loop.advance(1);
  });
  expect(calls).toEqual([["ste", 500]]);
});

test("cancel() drops the pending call, and leaves nothing on the loop", () => {
  const calls = [];
  withVirtualTimers(loop, () => {
    const save = debounce((doc) => calls.push(doc), 1000);
    save("draft 1");
    expect(loop.pending().timers.map((t) => t.when)).toEqual([1000]);
    save.cancel();
    expect(loop.pending().empty).toBe(true);
    loop.advance(5000);
  });
  expect(calls).toEqual([]);
});

test("the host's timers are back once withVirtualTimers returns", () => {
  const hostSetTimeout = globalThis.setTimeout;
  withVirtualTimers(loop, () => expect(globalThis.setTimeout).not.toBe(hostSetTimeout));
  expect(globalThis.setTimeout).toBe(hostSetTimeout);
});
