// Destructuring in for await heads: arrays, objects with defaults, and existing variables.
async function* pairs() {
  yield ["a", 1];
  yield ["b", 2];
}
async function* records() {
  yield { id: 1, tags: ["x"] };
  yield { id: 2 };
}
async function main() {
  for await (const [k, v] of pairs()) console.log(k, v);
  for await (const { id, tags: [first] = ["none"] } of records()) console.log(id, first);
  let last;
  const holder = {};
  for await (last of pairs());
  console.log("last", JSON.stringify(last));
  for await ([holder.key, holder.value] of pairs());
  console.log("holder", JSON.stringify(holder));
}
main();
