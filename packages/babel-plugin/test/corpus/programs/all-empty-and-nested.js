// Promise.all of nothing, and Promise.all of Promise.all results.
async function leaf(v) {
  await v;
  return v;
}
async function group(...vs) {
  return Promise.all(vs.map(leaf));
}
async function main() {
  console.log("empty", JSON.stringify(await Promise.all([])));
  const nested = await Promise.all([group(1, 2), group(), group(3)]);
  console.log("nested", JSON.stringify(nested));
}
main();
