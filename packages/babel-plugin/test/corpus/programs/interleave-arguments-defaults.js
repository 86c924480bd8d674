// Default parameters run at the call; arguments and rest parameters inside the body.
function note(what) {
  console.log("default", what);
  return what;
}
async function f(a, b = note("b"), ...rest) {
  console.log("body", a, b, arguments.length, rest.length);
  await null;
  console.log("after await", arguments[0]);
  return [a, b, ...rest].join("+");
}
async function main() {
  const p = f("x");
  const q = f("y", undefined, 1, 2);
  console.log("both called");
  console.log(await p, await q);
}
main();
