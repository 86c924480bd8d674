// An error thrown three calls deep, caught, annotated and rethrown on the way up.
async function level3() {
  await null;
  throw new Error("deep");
}
async function level2() {
  try {
    await level3();
  } catch (e) {
    console.log("level2 saw", e.message);
    e.message += " via 2";
    throw e;
  }
}
async function level1() {
  try {
    return await level2();
  } catch (e) {
    console.log("level1 saw", e.message);
    throw new Error("wrapped", { cause: e });
  }
}
async function main() {
  try {
    await level1();
  } catch (e) {
    console.log("main caught", e.message, "cause:", e.cause.message);
  }
}
main();
