// for await over an array holding a rejected promise: the loop throws at that element.
async function main() {
  const items = [Promise.resolve(1), Promise.reject(new Error("bad element")), Promise.resolve(3)];
  try {
    for await (const v of items) console.log("value", v);
  } catch (e) {
    console.log("loop threw", e.message);
  }
}
main();
