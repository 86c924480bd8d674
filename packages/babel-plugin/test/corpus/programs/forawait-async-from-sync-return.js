// break out of for await over a sync generator: its finally runs (the iterator is closed).
function* sync() {
  try {
    yield "a";
    yield "b";
  } finally {
    console.log("sync generator closed");
  }
}
async function main() {
  for await (const v of sync()) {
    console.log("value", v);
    break;
  }
  console.log("after loop");
}
main();
