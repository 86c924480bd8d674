// Promise.race settles with a rejection when that comes first.
async function fine() {
  await null;
  await null;
  return "fine";
}
async function broken() {
  await null;
  throw new Error("broken first");
}
async function main() {
  try {
    console.log("race gave", await Promise.race([fine(), broken()]));
  } catch (e) {
    console.log("race rejected", e.message);
  }
  console.log("race gave", await Promise.race([fine(), "plain value"]));
}
main();
