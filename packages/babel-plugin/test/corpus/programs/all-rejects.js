// Promise.all rejects with the first rejection; the other calls keep running.
async function ok(name, turns) {
  for (let i = 0; i < turns; i++) await null;
  console.log(name, "ok");
  return name;
}
async function bad(name, turns) {
  for (let i = 0; i < turns; i++) await null;
  console.log(name, "throws");
  throw new Error(name);
}
async function main() {
  try {
    await Promise.all([ok("a", 3), bad("b", 1), bad("c", 2), ok("d", 0)]);
  } catch (e) {
    console.log("all rejected with", e.message);
  }
  for (let i = 0; i < 4; i++) await null;
  console.log("main end");
}
main();
