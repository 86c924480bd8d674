// Promise.any with every input rejecting: an AggregateError in argument order.
async function fail(msg, turns) {
  for (let i = 0; i < turns; i++) await null;
  throw new Error(msg);
}
async function main() {
  try {
    await Promise.any([fail("first", 2), fail("second", 0), fail("third", 1)]);
  } catch (e) {
    console.log(e.constructor.name, e.errors.map((x) => x.message).join(","));
  }
  try {
    await Promise.any([]);
  } catch (e) {
    console.log("empty:", e.constructor.name, e.errors.length);
  }
}
main();
