// continue, break and labels inside for await bodies.
async function* nums(n) {
  for (let i = 0; i < n; i++) yield i;
}
async function main() {
  const out = [];
  for await (const i of nums(6)) {
    if (i % 2) continue;
    if (i > 3) break;
    out.push(i);
  }
  console.log("evens", out.join(","));
  outer: for await (const i of nums(3)) {
    for await (const j of nums(3)) {
      if (j > i) continue outer;
      if (i === 2 && j === 1) break outer;
      console.log("pair", i, j);
    }
  }
  console.log("after labels");
}
main();
