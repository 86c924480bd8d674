// Two async functions waiting on timers of different lengths, with awaits in between.
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function a() {
  console.log("a start");
  await delay(20);
  console.log("a after 20");
  await null;
  console.log("a after a turn");
  await delay(40);
  console.log("a after 40 more");
}
async function b() {
  console.log("b start");
  await delay(40);
  console.log("b after 40");
  await delay(60);
  console.log("b after 60 more");
}
a();
b();
setTimeout(() => console.log("plain timer at 10"), 10);
