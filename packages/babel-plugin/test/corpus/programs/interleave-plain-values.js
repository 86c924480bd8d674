// Two async functions awaiting plain values take turns, one await at a time.
async function a() {
  console.log("a1");
  await 1;
  console.log("a2");
  await "two";
  console.log("a3");
}
async function b() {
  console.log("b1");
  await null;
  console.log("b2");
  await undefined;
  console.log("b3");
}
a();
b();
console.log("sync end");
