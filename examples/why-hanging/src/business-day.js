import { createTask, gather } from "@stepwise/runtime";

/**
 * The program: opens the shop, takes the orders at once, one task per customer, then closes the
 * shop. Returns what each customer was told.
 */
export async function businessDay(shop, orders) {
  shop.open();
  const checkouts = orders.map(([customer, item, n]) => createTask(shop.checkout(customer, item, n), { name: `checkout-${customer}` }));
  const answers = await gather(...checkouts);
  await shop.close();
  return answers;
}
