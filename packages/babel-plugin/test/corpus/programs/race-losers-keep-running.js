// After a race is decided, the losers go on logging.
async function loop(name, n) {
  for (let i = 0; i < n; i++) {
    console.log(name, i);
    await null;
  }
  return name;
}
async function main() {
  const w = await Promise.race([loop("L", 4), loop("S", 1)]);
  console.log("race won by", w);
}
main().then(() => console.log("main resolved"));
