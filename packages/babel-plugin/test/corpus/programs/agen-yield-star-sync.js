// yield* to sync iterables inside an async generator: arrays, sync generators, promises in them.
function* syncGen() {
  yield "s1";
  yield Promise.resolve("s2 (promise)");
  return "sync return";
}
async function* gen() {
  yield* [1, Promise.resolve(2), 3];
  const r = yield* syncGen();
  console.log("sync generator returned", r);
  yield* "ab";
}
async function main() {
  for await (const v of gen()) console.log("value", v);
}
main();
