// Stock checks against the warehouse service. `http` is injected: anything with get/post that
// returns something awaitable (a Promise, a Future, a coroutine).

export class OutOfStockError extends Error {
  constructor(sku, wanted, available) {
    super(`${sku}: ${wanted} wanted, ${available} in stock`);
    this.name = "OutOfStockError";
    this.sku = sku;
  }
}

export async function checkStock(http, sku, quantity) {
  const res = await http.get(`/stock/${sku}`);
  if (res.status !== 200) throw new Error(`stock service answered ${res.status} for ${sku}`);
  if (res.body.available < quantity) throw new OutOfStockError(sku, quantity, res.body.available);
  return res.body.available;
}
