// A thenable resolving with another thenable, and with a promise: await unwraps all of them.
const inner = {
  then(resolve) {
    console.log("inner then");
    resolve("innermost");
  },
};
const outer = {
  then(resolve) {
    console.log("outer then");
    resolve(inner);
  },
};
const viaPromise = {
  then(resolve) {
    resolve(Promise.resolve("through a promise"));
  },
};
async function main() {
  console.log("got", await outer);
  console.log("got", await viaPromise);
}
main();
