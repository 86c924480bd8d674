// `then` as a getter: how often it is read, and a getter that throws.
let reads = 0;
const counted = {
  get then() {
    reads++;
    return (resolve) => resolve("counted");
  },
};
const broken = {
  get then() {
    throw new Error("getter failed");
  },
};
async function main() {
  console.log("got", await counted);
  console.log("reads", reads);
  try {
    await broken;
  } catch (e) {
    console.log("caught", e.message);
  }
}
main();
