// Workers sleeping different times, collecting results in completion order.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const finished = [];
async function worker(name, ms) {
  await sleep(ms);
  finished.push(name);
  console.log(name, "woke");
  return name;
}
async function main() {
  const results = await Promise.all([worker("c", 60), worker("a", 5), worker("b", 30)]);
  console.log("completion:", finished.join(","), "results:", results.join(","));
}
main();
