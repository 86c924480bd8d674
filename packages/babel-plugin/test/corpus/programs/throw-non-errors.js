// Throwing and rejecting with values that are not Errors.
async function throwIt(v) {
  await null;
  throw v;
}
async function main() {
  for (const v of ["a string", 42, null, undefined, { code: 7 }]) {
    try {
      await throwIt(v);
    } catch (e) {
      console.log("caught", typeof e, JSON.stringify(e));
    }
  }
  try {
    await Promise.reject(undefined);
  } catch (e) {
    console.log("rejected with", e);
  }
}
main();
