// finally blocks with awaits in two calls that interleave.
async function guarded(name, fail) {
  try {
    console.log(name, "try");
    await null;
    if (fail) throw new Error(name);
    return name;
  } finally {
    console.log(name, "finally start");
    await null;
    console.log(name, "finally end");
  }
}
async function main() {
  const a = guarded("a", false);
  const b = guarded("b", true);
  console.log("a ->", await a);
  try {
    await b;
  } catch (e) {
    console.log("b threw", e.message);
  }
}
main();
