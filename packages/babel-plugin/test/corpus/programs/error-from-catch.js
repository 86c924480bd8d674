// A catch block awaits, then throws a new error; the outer caller sees that one.
async function inner() {
  try {
    await Promise.reject(new Error("first"));
  } catch (e) {
    await null;
    throw new Error(`second after ${e.message}`);
  } finally {
    console.log("inner finally");
  }
}
async function main() {
  try {
    await inner();
  } catch (e) {
    console.log("main caught", e.message);
  }
}
main();
