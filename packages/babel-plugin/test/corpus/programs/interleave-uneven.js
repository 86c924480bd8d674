// Three workers with different numbers of awaits; the caller awaits them out of order.
async function worker(name, n) {
  for (let i = 0; i < n; i++) {
    console.log(name, "step", i);
    await i;
  }
  console.log(name, "done");
  return name.toUpperCase();
}
async function main() {
  const x = worker("x", 3);
  const y = worker("y", 1);
  const z = worker("z", 2);
  console.log("all started");
  console.log("y gave", await y);
  console.log("x gave", await x);
  console.log("z gave", await z);
}
main();
