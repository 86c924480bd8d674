import { Future, TestLoop, allTasks, dumpTasks, formatTasks } from "@stepwise/runtime";
import { day, errorOf } from "./scenario";

let loop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => loop.close());

test("the run stops with an error instead of hanging, and the task dump says who waits where", () => {
  const { task } = day(loop, { inventory: "buggy" });
  const { message } = errorOf(() => loop.runUntilComplete(task));

  expect(message).toMatch(/^runUntilComplete\(\): <Task pending name='business-day' .*> can make no progress/);
  expect(message).toContain("3 pending tasks on");
  // Cy's checkout is stuck in the inventory, waiting for the lock; Bob's reservation (which
  // failed) was the last to hold it.
  expect(message).toMatch(
    /Task 'checkout-cy' \(waiting\): waits for <Future pending>\n {2}suspended in \(outermost first\):\n {4}checkout {2}at src\/shop\.js:\d+:\d+\n {4}reserve {2}at src\/inventory\.js:\d+:\d+\n {4}Lock\.acquire\n/,
  );
  // And where that task was made: the program's loop over the orders.
  expect(message).toMatch(/Task 'checkout-cy'[^]*created \(most recent call first\):\n {4}at .*src\/business-day\.js:\d+:\d+/);
  // The mailer is idle, waiting for mail that nobody will now put on the outbox.
  expect(message).toMatch(/Task 'mailer' \(waiting\): waits for <Future pending>\n {2}suspended in \(outermost first\):\n {4}fixedMailer {2}at src\/mailer\.js:\d+:\d+\n {4}Queue\.get/);
});

test("after the failed run: allTasks, dumpTasks and formatTasks ask the same questions on demand", () => {
  const { shop, task } = day(loop, { inventory: "buggy" });
  errorOf(() => loop.runUntilComplete(task));

  expect([...allTasks(loop)].map((t) => t.getName())).toEqual(["business-day", "mailer", "checkout-cy"]);

  const cy = dumpTasks(loop).find((info) => info.name === "checkout-cy");
  expect(cy).toMatchObject({ state: "waiting", started: true, waitingFor: "waits for <Future pending>" });
  expect(cy.stack.map((frame) => frame.name)).toEqual(["checkout", "reserve", "Lock.acquire"]);
  expect(cy.stack[1].location).toMatch(/^src\/inventory\.js:\d+:\d+$/);
  expect(cy.awaiting).toBeInstanceOf(Future);
  expect(shop.inventory.lock.locked()).toBe(true); // held, by nobody still running

  expect(formatTasks(loop)).toMatch(/^3 pending tasks on <TestLoop idle ready=0 timers=0> at time 10:\n\nTask 'business-day' \(waiting\)/);
});

test("the fix: withLock releases the lock on every path", () => {
  const { task } = day(loop, { inventory: "fixed" });
  expect(loop.runUntilComplete(task)).toEqual(["ada: 2 tea", "bob: sorry, not enough tea", "cy: 1 tea"]);
  expect(allTasks(loop).size).toBe(0);
});
