// A rejected promise awaited in a try block, interleaved with a plain worker.
async function fails() {
  try {
    console.log("fails: before");
    await Promise.reject(new Error("nope"));
    console.log("never");
  } catch (e) {
    console.log("fails: caught", e.message);
    await null;
    console.log("fails: after catch");
  }
}
async function plain() {
  for (let i = 0; i < 3; i++) {
    console.log("plain", i);
    await null;
  }
}
fails();
plain();
