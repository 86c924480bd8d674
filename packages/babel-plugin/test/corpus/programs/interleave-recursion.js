// Recursive async calls, each level awaiting a plain value, next to a ticker.
async function countdown(n) {
  if (n === 0) return "liftoff";
  console.log("count", n);
  await n;
  return countdown(n - 1);
}
async function ticker() {
  for (let i = 0; i < 4; i++) {
    console.log("tick", i);
    await null;
  }
}
countdown(3).then((v) => console.log(v));
ticker();
