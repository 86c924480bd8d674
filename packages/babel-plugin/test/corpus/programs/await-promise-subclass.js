// Awaiting an instance of a Promise subclass goes through its then.
class Logged extends Promise {
  then(onFulfilled, onRejected) {
    console.log("Logged.then");
    return super.then(onFulfilled, onRejected);
  }
}
async function main() {
  const p = new Logged((resolve) => resolve("sub"));
  console.log("got", await p);
}
async function ticker() {
  for (let i = 0; i < 4; i++) {
    console.log("tick", i);
    await null;
  }
}
main();
ticker();
