// An async generator stepped with next(), interleaved with a worker.
async function* gen() {
  console.log("gen start");
  yield 1;
  console.log("gen after 1");
  await null;
  yield 2;
  console.log("gen end");
}
async function consume() {
  const it = gen();
  console.log("created");
  console.log(JSON.stringify(await it.next()));
  console.log(JSON.stringify(await it.next()));
  console.log(JSON.stringify(await it.next()));
  console.log(JSON.stringify(await it.next()));
}
async function worker() {
  for (let i = 0; i < 6; i++) {
    console.log("worker", i);
    await null;
  }
}
consume();
worker();
