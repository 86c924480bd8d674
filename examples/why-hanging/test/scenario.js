import { fixedMailer, mailer } from "../src/mailer";
import { fakeSmtp } from "../src/fake-smtp";
import { FixedShop, Shop } from "../src/shop";
import { FixedInventory, Inventory } from "../src/inventory";
import { businessDay } from "../src/business-day";

/** Three customers want tea; there are 3. Bob asks for too many, so his reservation fails. */
export const orders = [
  ["ada", "tea", 2],
  ["bob", "tea", 5],
  ["cy", "tea", 1],
];

/** A shop with each part buggy or fixed, as asked, and the day's program as a named task on `loop`. */
export function day(loop, { inventory = "fixed", mailer: worker = "fixed", shop = "fixed", bounces = [] } = {}) {
  const smtp = fakeSmtp({ bounces });
  const failed = [];
  const stock = { tea: 3 };
  const theShop = new (shop === "fixed" ? FixedShop : Shop)({
    inventory: inventory === "fixed" ? new FixedInventory(stock) : new Inventory(stock),
    send: smtp.send,
    mailer: worker === "fixed" ? (outbox, send) => fixedMailer(outbox, send, failed) : mailer,
  });
  const task = loop.createTask(businessDay(theShop, orders), { name: "business-day" });
  return { shop: theShop, smtp, failed, task };
}

/** The error `run` throws (the test fails if it throws none). */
export function errorOf(run) {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the run to fail");
}
