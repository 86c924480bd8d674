// An async function that throws before its first await, and one that throws after it.
async function early() {
  console.log("early runs");
  throw new Error("early");
}
async function late() {
  console.log("late runs");
  await null;
  throw new Error("late");
}
async function main() {
  const e = early();
  const l = late();
  console.log("both called");
  for (const p of [e, l]) {
    try {
      await p;
    } catch (err) {
      console.log("caught", err.message);
    }
  }
}
main();
