import { Ledger } from "./ledger";

/**
 * The bug: the balance is checked, then the ledger is awaited, then the amount is subtracted. Two
 * withdrawals whose awaits overlap can both pass the check, and the balance goes negative.
 */
export class Account {
  constructor(balance, ledger = new Ledger()) {
    this.balance = balance;
    this.ledger = ledger;
  }

  async withdraw(amount) {
    if (this.balance < amount) return false;
    await this.ledger.record({ withdraw: amount });
    this.balance -= amount;
    return true;
  }
}

/**
 * The fix: check and subtract in the same step, with no await in between; then write the ledger,
 * and give the money back if that fails.
 */
export class SafeAccount extends Account {
  async withdraw(amount) {
    if (this.balance < amount) return false;
    this.balance -= amount;
    try {
      await this.ledger.record({ withdraw: amount });
    } catch (error) {
      this.balance += amount;
      throw error;
    }
    return true;
  }
}
