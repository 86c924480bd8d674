// One async function mixing every queue: nextTick, microtask, immediate and timer.
async function main() {
  console.log("start");
  await new Promise((resolve) => process.nextTick(resolve));
  console.log("after nextTick");
  await new Promise((resolve) => queueMicrotask(resolve));
  console.log("after queueMicrotask");
  await new Promise((resolve) => setImmediate(resolve));
  console.log("after setImmediate");
  await new Promise((resolve) => setTimeout(resolve, 1));
  console.log("after setTimeout");
}
main();
