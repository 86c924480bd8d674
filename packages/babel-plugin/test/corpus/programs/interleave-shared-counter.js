// Read-await-write on shared state: the classic lost update, in a fixed order.
let counter = 0;
async function increment(name, times) {
  for (let i = 0; i < times; i++) {
    const seen = counter;
    await null;
    counter = seen + 1;
    console.log(name, "wrote", counter);
  }
}
async function main() {
  const a = increment("a", 3);
  const b = increment("b", 3);
  await a;
  await b;
  console.log("final", counter);
}
main();
