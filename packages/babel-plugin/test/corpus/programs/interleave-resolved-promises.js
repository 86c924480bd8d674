// Awaiting already-resolved promises against awaiting plain values.
async function promises() {
  console.log("p1", await Promise.resolve("one"));
  console.log("p2", await Promise.resolve("two"));
  console.log("p3", await new Promise((resolve) => resolve("three")));
}
async function values() {
  console.log("v1", await "one");
  console.log("v2", await "two");
  console.log("v3", await "three");
}
promises();
values();
