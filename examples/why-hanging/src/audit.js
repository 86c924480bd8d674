import { sleep } from "@stepwise/runtime";

/** Where every sale is written down (1 ms at the database). */
export class AuditLog {
  constructor() {
    this.entries = [];
  }

  async record(entry) {
    await sleep(1);
    this.entries.push(entry);
  }
}
