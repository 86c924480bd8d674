// A rejection that gets its handler a few turns later, before the microtask queue drains.
async function fail(tag) {
  await null;
  throw new Error(tag);
}
async function main() {
  const p = fail("late");
  console.log("started");
  await null;
  await null;
  await null;
  try {
    await p;
  } catch (e) {
    console.log("caught", e.message);
  }
}
main();
