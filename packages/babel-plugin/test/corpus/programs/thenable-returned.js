// An async function returning a thenable: the caller gets the thenable's value.
function thenableOf(v) {
  return {
    then(resolve) {
      console.log("then of", v);
      resolve(v);
    },
  };
}
async function give(v) {
  await null;
  return thenableOf(v);
}
async function main() {
  console.log("got", await give("x"));
  const results = await Promise.all([give("y"), give("z")]);
  console.log("all", results.join(","));
}
main();
