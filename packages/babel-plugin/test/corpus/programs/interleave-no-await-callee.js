// Awaiting an async function that never awaits: its promise is settled when the call returns.
async function quick(v) {
  console.log("quick", v);
  return v * 2;
}
async function caller() {
  console.log("caller got", await quick(1));
  console.log("caller got", await quick(2));
}
async function other() {
  console.log("other 1");
  await null;
  console.log("other 2");
  await null;
  console.log("other 3");
}
caller();
other();
