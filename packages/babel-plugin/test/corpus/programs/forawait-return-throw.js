// return and throw from inside a for await body close the generator first.
async function* gen(tag) {
  try {
    yield 1;
    yield 2;
  } finally {
    console.log(tag, "closed");
  }
}
async function find() {
  for await (const v of gen("find")) {
    if (v === 1) return "found 1";
  }
  return "not found";
}
async function fail() {
  for await (const v of gen("fail")) {
    if (v === 2) throw new Error("body threw");
  }
}
async function main() {
  console.log(await find());
  try {
    await fail();
  } catch (e) {
    console.log("caught", e.message);
  }
}
main();
