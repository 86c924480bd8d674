// An async iterator whose next returns plain objects, not promises.
const iterable = {
  [Symbol.asyncIterator]() {
    let i = 0;
    return {
      next() {
        i++;
        return i <= 3 ? { value: `v${i}`, done: false } : { done: true };
      },
    };
  },
};
async function main() {
  for await (const v of iterable) console.log(v);
  console.log("end");
}
async function ticker() {
  for (let i = 0; i < 5; i++) {
    console.log("tick", i);
    await null;
  }
}
main();
ticker();
