// A rejection still unhandled when the microtask queue drains: Node stops the program.
async function fail() {
  await null;
  throw new Error("too late");
}
const p = fail();
setTimeout(() => {
  console.log("timer runs");
  p.then(undefined, (e) => console.log("handled", e.message));
}, 1);
console.log("sync end");
