// await in try, catch and finally, with the error passed along.
async function step(v) {
  await null;
  return v;
}
async function main() {
  try {
    console.log("try", await step(1));
    throw new Error(await step("boom"));
  } catch (e) {
    console.log("catch", await step(e.message));
  } finally {
    console.log("finally", await step("cleanup"));
  }
  console.log("after");
}
async function ticker() {
  for (let i = 0; i < 8; i++) {
    console.log("tick", i);
    await null;
  }
}
main();
ticker();
