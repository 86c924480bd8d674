import { TestLoop, allTasks } from "@stepwise/runtime";
import { day, errorOf } from "./scenario";

let loop;
beforeEach(() => {
  loop = new TestLoop();
});
afterEach(() => loop.close());

test("close() waits forever on outbox.join(): the dump shows where, checkLeaks() shows why", () => {
  const { shop, task } = day(loop, { mailer: "buggy", bounces: ["cy"] });
  const { message } = errorOf(() => loop.runUntilComplete(task));

  expect(message).toMatch(/Task 'business-day' \(waiting\): .*\n {2}suspended in \(outermost first\):\n {4}businessDay {2}at src\/business-day\.js:\d+:\d+\n {4}close {2}at src\/shop\.js:\d+:\d+\n {4}Queue\.join\n/);
  // Nobody else is pending: whoever should have called taskDone() is gone.
  expect([...allTasks(loop)].map((t) => t.getName())).toEqual(["business-day"]);

  const report = loop.checkLeaks();
  expect(report.ok).toBe(false);
  expect(report.unretrievedErrors).toHaveLength(1);
  const [dead] = report.unretrievedErrors;
  expect(dead.future).toBe(shop.mailerTask); // the mailer task died...
  expect(dead.exception).toEqual(new Error("550 mailbox unavailable: cy")); // ...of a bounced email
  expect(dead.description).toMatch(/^<Task finished .*name='mailer'/);
  expect(String(report)).toContain("1 error(s) nobody retrieved:\n  <Task finished exception=Error: 550 mailbox unavailable: cy name='mailer'");

  // Listing an error does not retrieve it; reading it does.
  expect(loop.checkLeaks().unretrievedErrors).toHaveLength(1);
  shop.mailerTask.exception();
  expect(loop.checkLeaks().unretrievedErrors).toEqual([]);
});

test("the fix: a failed send is noted, every email is marked done, and close() returns", () => {
  const { smtp, failed, task } = day(loop, { mailer: "fixed", bounces: ["cy"] });
  expect(loop.runUntilComplete(task)).toEqual(["ada: 2 tea", "bob: sorry, not enough tea", "cy: 1 tea"]);
  expect(smtp.sent.map((e) => e.to)).toEqual(["ada"]);
  expect(failed.map(({ email, error }) => [email.to, error.message])).toEqual([["cy", "550 mailbox unavailable: cy"]]);
  expect(loop.checkLeaks().ok).toBe(true);
});
