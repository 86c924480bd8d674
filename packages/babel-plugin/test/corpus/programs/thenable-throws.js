// A then that throws before calling back: the await throws the error.
const throwing = {
  then() {
    console.log("then throws");
    throw new Error("from then");
  },
};
async function main() {
  try {
    await throwing;
    console.log("never");
  } catch (e) {
    console.log("caught", e.message);
  }
  console.log("main continues");
}
main();
