// Two functions started together; one awaits the other's result (already started).
async function producer() {
  console.log("producer start");
  await null;
  console.log("producer middle");
  await null;
  console.log("producer end");
  return 42;
}
async function consumer(p) {
  console.log("consumer start");
  const v = await p;
  console.log("consumer got", v);
  await null;
  console.log("consumer end");
}
async function bystander() {
  for (let i = 0; i < 5; i++) {
    console.log("bystander", i);
    await null;
  }
}
const p = producer();
consumer(p);
bystander();
