// A then that resolves and then throws: the throw is ignored.
const thenable = {
  then(resolve) {
    resolve("resolved");
    throw new Error("thrown after resolve");
  },
};
async function main() {
  try {
    console.log("got", await thenable);
  } catch (e) {
    console.log("caught", e.message);
  }
}
main();
