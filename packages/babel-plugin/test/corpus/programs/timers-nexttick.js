// process.nextTick runs before promise jobs; awaits come after.
async function a() {
  console.log("a1");
  process.nextTick(() => console.log("tick from a"));
  await null;
  console.log("a2");
}
process.nextTick(() => console.log("tick 1"));
a();
Promise.resolve().then(() => console.log("promise job"));
console.log("sync end");
