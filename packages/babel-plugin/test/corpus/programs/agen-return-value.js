// An async generator's return value: seen by next(), not by for await.
async function* gen() {
  yield "x";
  await null;
  return "returned";
}
async function main() {
  const it = gen();
  console.log(JSON.stringify(await it.next()));
  console.log(JSON.stringify(await it.next()));
  console.log(JSON.stringify(await it.next()));
  const seen = [];
  for await (const v of gen()) seen.push(v);
  console.log("for await saw", JSON.stringify(seen));
}
main();
