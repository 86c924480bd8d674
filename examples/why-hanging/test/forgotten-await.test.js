import { TestLoop } from "@stepwise/runtime";
import { day } from "./scenario";

test("nothing hangs, but no sale is written: checkLeaks() lists the coroutines never awaited", () => {
  const loop = new TestLoop(); // debug mode is on by default on a TestLoop
  const { shop, task } = day(loop, { shop: "buggy" });
  expect(loop.runUntilComplete(task)).toEqual(["ada: 2 tea", "bob: sorry, not enough tea", "cy: 1 tea"]);
  expect(shop.audit.entries).toEqual([]); // the silent part of the bug

  const report = loop.checkLeaks();
  expect(report.pendingTasks).toEqual([]);
  expect(report.unretrievedErrors).toEqual([]);
  expect(report.neverAwaited.map((c) => [c.name, c.createdIn])).toEqual([
    ["record", expect.stringMatching(/^in Task 'checkout-ada', called from checkout\(\) at src\/shop\.js:\d+:\d+$/)],
    ["record", expect.stringMatching(/^in Task 'checkout-cy', called from checkout\(\) at src\/shop\.js:\d+:\d+$/)],
  ]);
  expect(report.neverAwaited[0].location).toMatch(/^src\/audit\.js:\d+:\d+$/);
  expect(String(report)).toMatch(/^2 coroutine\(s\) never awaited:\n {2}record\(\) defined at src\/audit\.js:\d+:\d+, created in Task 'checkout-ada'/);
  loop.close();
});

test("coroutines are tracked only in debug mode", () => {
  const loop = new TestLoop({ debug: false });
  const { task } = day(loop, { shop: "buggy" });
  loop.runUntilComplete(task);
  expect(loop.checkLeaks().neverAwaited).toEqual([]);
  loop.close();
});

test("the fix: the audit record is awaited", () => {
  const loop = new TestLoop();
  const { shop, task } = day(loop, { shop: "fixed" });
  loop.runUntilComplete(task);
  expect(shop.audit.entries.map((e) => e.customer)).toEqual(["ada", "cy"]);
  expect(String(loop.checkLeaks())).toBe(`No leaks on ${loop}.`);
  loop.close();
});
