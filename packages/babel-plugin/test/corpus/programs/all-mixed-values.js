// Promise.all over plain values, promises, thenables and async calls.
async function double(x) {
  await null;
  return x * 2;
}
const thenable = {
  then(resolve) {
    console.log("thenable.then called");
    resolve("from thenable");
  },
};
async function main() {
  const values = await Promise.all([1, Promise.resolve(2), double(3), thenable, (async () => "arrow")()]);
  console.log(JSON.stringify(values));
}
main();
console.log("sync end");
