// Async functions as values: in arrays, maps, passed as callbacks, their name and length.
async function alpha(a, b) {
  await null;
  return "alpha";
}
const beta = async (x) => "beta";
const table = { gamma: async function () { return "gamma"; } };
async function main() {
  for (const f of [alpha, beta, table.gamma]) console.log(f.name, f.length, await f());
  const results = await Promise.all([alpha, beta].map((f) => f()));
  console.log(results.join(" "));
  console.log([3, 1, 2].map(async (x) => x).length);
}
main();
