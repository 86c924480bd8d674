// for await over an array of promises resolved by timers out of order, and plain values.
const delay = (ms, v) => new Promise((resolve) => setTimeout(() => resolve(v), ms));
async function main() {
  const items = [delay(30, "slow"), "plain", delay(5, "fast"), Promise.resolve("ready")];
  for await (const v of items) console.log("got", v);
  console.log("done");
}
main();
