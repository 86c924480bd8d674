// A thenable whose then resolves synchronously, next to a worker awaiting plain values.
const thenable = {
  then(resolve) {
    console.log("then runs");
    resolve("now");
    console.log("then returns");
  },
};
async function user() {
  console.log("user before");
  const v = await thenable;
  console.log("user got", v);
}
async function worker() {
  for (let i = 0; i < 4; i++) {
    console.log("worker", i);
    await null;
  }
}
user();
worker();
