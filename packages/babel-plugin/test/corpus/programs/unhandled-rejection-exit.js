// An async function fails and nobody handles it: the process ends with that error.
async function fail() {
  console.log("fail runs");
  await null;
  throw new Error("nobody catches this");
}
fail();
console.log("sync end");
