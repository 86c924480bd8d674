import { TestLoop, allTasks } from "@stepwise/runtime";
import { day } from "./scenario";

test("all three fixes together: every order answered, sales written, mail sent or noted, nothing left", () => {
  const loop = new TestLoop();
  const { shop, smtp, failed, task } = day(loop, { bounces: ["ada"] });

  expect(loop.runUntilComplete(task)).toEqual(["ada: 2 tea", "bob: sorry, not enough tea", "cy: 1 tea"]);
  expect(shop.audit.entries.map((e) => e.customer)).toEqual(["ada", "cy"]);
  expect(smtp.sent.map((e) => e.to)).toEqual(["cy"]);
  expect(failed.map(({ email }) => email.to)).toEqual(["ada"]);
  expect(shop.mailerTask.cancelled()).toBe(true); // close() stopped it
  expect(allTasks(loop).size).toBe(0);
  expect(loop.checkLeaks().ok).toBe(true);
  loop.close();
});
