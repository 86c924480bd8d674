import { createTask, sleep } from "@stepwise/runtime";

/**
 * The scenario: 80 is withdrawn, and a request for 50 arrives 10 ms later. Returns the account and
 * what each withdrawal returned, for the invariant to check.
 */
export async function twoWithdrawals(account) {
  const first = createTask(account.withdraw(80));
  const second = createTask(arriveAfter(10, () => account.withdraw(50)));
  const results = [await first, await second];
  return { balance: account.balance, results };
}

async function arriveAfter(ms, request) {
  await sleep(ms);
  return request();
}

/** The invariant: whatever the order, the balance never goes below zero. */
export function neverOverdrawn({ balance }) {
  if (balance < 0) throw new Error(`the account is overdrawn: balance ${balance}`);
}
