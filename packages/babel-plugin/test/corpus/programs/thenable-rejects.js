// A thenable that rejects asynchronously with a non-Error value.
const rejecting = {
  then(_resolve, reject) {
    queueMicrotask(() => reject("plain reason"));
  },
};
async function main() {
  try {
    await rejecting;
  } catch (e) {
    console.log("caught", typeof e, e);
  }
}
main();
