// An async generator awaiting promises, thenables and other async calls; yield await.
async function fetchValue(v) {
  await null;
  return v * 10;
}
const thenable = { then(resolve) { resolve("thenable value"); } };
async function* gen() {
  yield await fetchValue(1);
  const t = await thenable;
  yield t;
  yield await Promise.resolve("promise value");
  yield fetchValue(2);
}
async function main() {
  for await (const v of gen()) console.log("got", v);
}
main();
