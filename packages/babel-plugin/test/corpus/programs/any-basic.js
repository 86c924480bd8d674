// Promise.any takes the first fulfilment, skipping rejections.
async function fail(msg, turns) {
  for (let i = 0; i < turns; i++) await null;
  console.log("failing", msg);
  throw new Error(msg);
}
async function succeed(v, turns) {
  for (let i = 0; i < turns; i++) await null;
  console.log("succeeding", v);
  return v;
}
async function main() {
  console.log("any gave", await Promise.any([fail("a", 0), succeed("b", 2), fail("c", 1), succeed("d", 3)]));
}
main();
