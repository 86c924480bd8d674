import { Queue, createTask } from "@stepwise/runtime";
import { AuditLog } from "./audit";
import { mailer } from "./mailer";

/**
 * Takes orders: reserves the stock, writes the sale to the audit log, and puts a confirmation on
 * the outbox for the mailer task. `close()` waits until the outbox is sent, then stops the mailer.
 *
 * The bug: checkout() calls audit.record() without `await`. A compiled async function starts
 * nothing until it is awaited, so the sale is never written (natively it would run unobserved).
 */
export class Shop {
  constructor({ inventory, send, mailer: worker = mailer }) {
    this.inventory = inventory;
    this.send = send;
    this.worker = worker;
    this.audit = new AuditLog();
    this.outbox = new Queue();
    this.mailerTask = null;
  }

  open() {
    this.mailerTask = createTask(this.worker(this.outbox, this.send), { name: "mailer" });
  }

  async checkout(customer, item, n) {
    if (!(await this.inventory.reserve(item, n))) return `${customer}: sorry, not enough ${item}`;
    this.audit.record({ customer, item, n });
    await this.outbox.put({ to: customer, subject: `your ${n} ${item}` });
    return `${customer}: ${n} ${item}`;
  }

  async close() {
    await this.outbox.join();
    this.mailerTask.cancel();
  }
}

/** The fix: the audit record is awaited. */
export class FixedShop extends Shop {
  async checkout(customer, item, n) {
    if (!(await this.inventory.reserve(item, n))) return `${customer}: sorry, not enough ${item}`;
    await this.audit.record({ customer, item, n });
    await this.outbox.put({ to: customer, subject: `your ${n} ${item}` });
    return `${customer}: ${n} ${item}`;
  }
}
