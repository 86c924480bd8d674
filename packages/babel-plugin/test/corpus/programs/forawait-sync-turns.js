// for await over sync iterables beside a task awaiting plain values: each step takes the turns it
// takes natively (the value is awaited, then the step's promise), and so does leaving early.
async function worker(name) {
  for (let i = 0; i < 8; i++) {
    console.log(name, i);
    await null;
  }
}
async function overArray(items) {
  for await (const x of items) console.log("value", x);
  console.log("loop done");
}
async function* star(items) {
  yield* items;
  console.log("star end");
}
async function main() {
  let w = worker("plain");
  await overArray([1, 2]);
  await w;
  w = worker("promises");
  await overArray([Promise.resolve(1), 2, Promise.resolve(3)]);
  await w;
  w = worker("empty");
  await overArray([]);
  await w;
  w = worker("break");
  for await (const x of [1, 2, 3]) {
    console.log("b", x);
    if (x === 2) break;
  }
  console.log("break done");
  await w;
  w = worker("yield*");
  for await (const x of star([1, 2])) console.log("star value", x);
  await w;
}
main();
