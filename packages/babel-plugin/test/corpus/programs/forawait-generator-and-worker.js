// A for await loop next to a worker awaiting plain values: turns of both, in order.
async function* gen() {
  yield "g1";
  yield "g2";
  yield "g3";
}
async function consumer() {
  for await (const v of gen()) console.log("consumer", v);
  console.log("consumer end");
}
async function worker() {
  for (let i = 0; i < 8; i++) {
    console.log("worker", i);
    await null;
  }
}
consumer();
worker();
