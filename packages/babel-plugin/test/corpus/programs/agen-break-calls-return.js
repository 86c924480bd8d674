// break out of for await: the generator's finally runs before the loop ends.
async function* source() {
  try {
    for (let i = 0; ; i++) {
      console.log("yield", i);
      yield i;
    }
  } finally {
    console.log("source cleanup");
    await null;
    console.log("source cleanup done");
  }
}
async function main() {
  for await (const x of source()) {
    if (x === 2) {
      console.log("breaking");
      break;
    }
  }
  console.log("after loop");
}
main();
