// for await over an async generator that awaits between yields.
async function* numbers(n) {
  for (let i = 0; i < n; i++) {
    await null;
    console.log("yielding", i);
    yield i;
  }
}
async function main() {
  let sum = 0;
  for await (const x of numbers(4)) {
    console.log("got", x);
    sum += x;
  }
  console.log("sum", sum);
}
main();
