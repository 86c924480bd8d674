// A hand-written async iterator: next returns promises, return is called on break.
function countTo(n) {
  let i = 0;
  return {
    [Symbol.asyncIterator]() {
      console.log("asyncIterator called");
      return this;
    },
    next() {
      console.log("next called", i);
      return Promise.resolve(i < n ? { value: i++, done: false } : { value: undefined, done: true });
    },
    return(v) {
      console.log("return called");
      return Promise.resolve({ value: v, done: true });
    },
  };
}
async function main() {
  for await (const x of countTo(2)) console.log("x", x);
  for await (const x of countTo(5)) {
    if (x === 1) break;
    console.log("y", x);
  }
}
main();
