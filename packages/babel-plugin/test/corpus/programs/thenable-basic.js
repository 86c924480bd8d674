// A thenable that resolves later from a timer.
function later(v, ms) {
  return {
    then(resolve) {
      console.log("then called for", v);
      setTimeout(() => resolve(v), ms);
    },
  };
}
async function main() {
  console.log("got", await later("a", 10));
  console.log("got", await later("b", 1));
}
main();
console.log("sync end");
