// await in switch cases and labelled loops, two calls interleaved.
async function walk(tag) {
  outer: for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      switch (await (i + j)) {
        case 1:
          console.log(tag, "one at", i, j);
          continue outer;
        case 3:
          console.log(tag, "three at", i, j);
          break outer;
        default:
          console.log(tag, "other at", i, j);
      }
    }
  }
  console.log(tag, "done");
}
walk("p");
walk("q");
