// for await over Node's own async iterables: a Readable stream and timers/promises' setInterval.
const { Readable } = require("node:stream");
const { setInterval } = require("node:timers/promises");
async function main() {
  for await (const chunk of Readable.from(["a", "b", "c"])) console.log("chunk", chunk);
  let n = 0;
  for await (const v of setInterval(5, "beat")) {
    console.log(v, ++n);
    if (n === 3) break;
  }
  console.log("done");
}
main();
