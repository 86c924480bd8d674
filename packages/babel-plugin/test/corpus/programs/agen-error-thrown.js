// An async generator that throws: the for await loop throws, and the generator is done.
async function* gen() {
  yield 1;
  await null;
  throw new Error("generator failed");
}
async function main() {
  const it = gen();
  try {
    for await (const v of it) console.log("value", v);
  } catch (e) {
    console.log("loop threw", e.message);
  }
  console.log(JSON.stringify(await it.next()));
}
main();
