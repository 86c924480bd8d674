import { createTask } from "@stepwise/runtime";
import { checkStock } from "./inventory";
import { applyDiscount, priceLine } from "./pricing";

// asyncio.gather, the plain way: start every coroutine as a Task, then wait for each in turn.
export async function gather(coros) {
  const tasks = coros.map((coro) => createTask(coro));
  const results = [];
  for (const task of tasks) results.push(await task);
  return results;
}

export async function fetchOrder(http, orderId) {
  const res = await http.get(`/orders/${orderId}`);
  if (res.status === 404) throw new Error(`no order ${orderId}`);
  return res.body;
}

// Fetch the order, check stock for every line at once, price it, confirm it.
export async function processOrder(http, orderId) {
  const order = await fetchOrder(http, orderId);
  await gather(order.lines.map((line) => checkStock(http, line.sku, line.quantity)));
  const priced = await gather(order.lines.map((line) => priceLine(http, line)));
  const subtotal = priced.reduce((sum, line) => sum + line.total, 0);
  const total = applyDiscount(subtotal, order.discountCode);
  const confirmation = await http.post(`/orders/${orderId}/confirm`, { total });
  return { orderId, lines: priced, total, confirmationId: confirmation.body.id };
}
