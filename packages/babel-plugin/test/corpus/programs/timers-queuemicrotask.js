// queueMicrotask callbacks between awaits.
async function a() {
  console.log("a1");
  queueMicrotask(() => console.log("micro from a"));
  await null;
  console.log("a2");
  await null;
  console.log("a3");
}
queueMicrotask(() => console.log("micro 1"));
a();
queueMicrotask(() => console.log("micro 2"));
console.log("sync end");
