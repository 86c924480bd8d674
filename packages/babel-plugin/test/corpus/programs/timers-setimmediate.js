// Inside a timer callback: setImmediate, setTimeout(0) and awaits, in a fixed order.
async function waiter(name) {
  console.log(name, "start");
  await null;
  console.log(name, "after await");
  await new Promise((resolve) => setImmediate(resolve));
  console.log(name, "after setImmediate");
}
setTimeout(() => {
  setTimeout(() => console.log("timeout 0"), 0);
  setImmediate(() => console.log("immediate"));
  waiter("w");
  console.log("timer callback end");
}, 1);
