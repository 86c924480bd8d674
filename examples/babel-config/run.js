// Runs what @babel/cli wrote to lib/ (`npm run build` first) and checks the results.
const assert = require("node:assert/strict");
const { getEventLoop, run, isCoroutine, isCoroutineFunction } = require("@stepwise/runtime");
const { processOrder, OutOfStockError } = require("./lib");
const { loopClient, startServer, fetchClient } = require("./backend");

const expected = {
  orderId: "A-100",
  lines: [
    { sku: "kettle", quantity: 1, unitPrice: 40, total: 40 },
    { sku: "mug", quantity: 4, unitPrice: 7.5, total: 30 },
  ],
  total: 63,
  confirmationId: "conf-A-100-63",
};

async function main() {
  assert.ok(isCoroutineFunction(processOrder), "lib/ was compiled with @stepwise/babel-plugin");

  // 1. Synchronously, on the current loop, as asyncio's run_until_complete.
  const client = loopClient(2);
  const co = processOrder(client, "A-100");
  assert.ok(isCoroutine(co));
  assert.deepEqual(client.log, [], "calling a compiled async function runs none of its body");
  const summary = getEventLoop().runUntilComplete(co);
  assert.deepEqual(summary, expected);
  assert.deepEqual(client.log.slice(0, 1), ["GET /orders/A-100"]);
  console.log("runUntilComplete:", summary.total, summary.confirmationId, `(${client.log.length} requests)`);

  // Errors come straight out of runUntilComplete.
  assert.throws(() => getEventLoop().runUntilComplete(processOrder(loopClient(1), "A-101")), OutOfStockError);
  console.log("runUntilComplete: A-101 ->", "OutOfStockError");

  // 2. Over real HTTP: the client returns native Promises, so the host must drive the loop: run().
  const server = await startServer();
  try {
    const base = `http://127.0.0.1:${server.address().port}`;
    const viaHttp = await run(processOrder(fetchClient(base), "A-100"));
    assert.deepEqual(viaHttp, expected);
    console.log("run() over HTTP:", viaHttp.total, viaHttp.confirmationId);

    await assert.rejects(run(processOrder(fetchClient(base), "A-101")), OutOfStockError);

    // runUntilComplete cannot wait for the host: it says so instead of hanging.
    assert.throws(() => getEventLoop().runUntilComplete(processOrder(fetchClient(base), "A-100")), /native promise/);
    console.log("runUntilComplete over HTTP: refused, as documented");
  } finally {
    server.close();
  }
  console.log("babel-config example: all checks passed");
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
