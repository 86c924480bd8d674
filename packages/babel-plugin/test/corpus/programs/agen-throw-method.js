// throw() on a suspended async generator: caught inside it, or passed out.
async function* resilient() {
  for (let i = 0; ; i++) {
    try {
      yield i;
    } catch (e) {
      console.log("generator caught", e.message);
      await null;
    }
  }
}
async function* fragile() {
  yield "only";
}
async function main() {
  const it = resilient();
  console.log(JSON.stringify(await it.next()));
  console.log(JSON.stringify(await it.throw(new Error("one"))));
  console.log(JSON.stringify(await it.next()));
  const f = fragile();
  await f.next();
  try {
    await f.throw(new Error("out"));
  } catch (e) {
    console.log("main caught", e.message);
  }
  console.log(JSON.stringify(await f.next()));
}
main();
