import { sleep } from "@stepwise/runtime";

/** Where every withdrawal is written down. Writing takes 10 ms (a call to another service). */
export class Ledger {
  constructor() {
    this.entries = [];
  }

  async record(entry) {
    await sleep(10);
    this.entries.push(entry);
  }
}
