import { Lock, sleep } from "@stepwise/runtime";

/**
 * Stock per item. A reservation reads and writes the stock (5 ms at the database) under a lock,
 * so two reservations of the same item cannot both take the last one.
 *
 * The bug: when there is not enough stock, reserve() returns without releasing the lock, and
 * every later reservation waits for it forever.
 */
export class Inventory {
  constructor(stock) {
    this.stock = new Map(Object.entries(stock));
    this.lock = new Lock();
  }

  async reserve(item, n) {
    await this.lock.acquire();
    await sleep(5);
    const left = this.stock.get(item) ?? 0;
    if (left < n) return false;
    this.stock.set(item, left - n);
    this.lock.release();
    return true;
  }
}

/** The fix: `withLock` releases the lock however the body ends. */
export class FixedInventory extends Inventory {
  async reserve(item, n) {
    return this.lock.withLock(async () => {
      await sleep(5);
      const left = this.stock.get(item) ?? 0;
      if (left < n) return false;
      this.stock.set(item, left - n);
      return true;
    });
  }
}
