// A default parameter that throws: the call does not throw, the result rejects.
function boom() {
  throw new Error("default failed");
}
async function f(x = boom()) {
  console.log("never runs", x);
}
async function main() {
  let p;
  try {
    p = f();
    console.log("call returned");
  } catch (e) {
    console.log("call threw", e.message);
    return;
  }
  try {
    await p;
  } catch (e) {
    console.log("await threw", e.message);
  }
}
main();
