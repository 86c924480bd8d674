// A thenable that calls back twice and then rejects: only the first call counts.
const twice = {
  then(resolve, reject) {
    resolve("first");
    resolve("second");
    reject(new Error("ignored"));
  },
};
const rejectThenResolve = {
  then(resolve, reject) {
    reject(new Error("rejected first"));
    resolve("ignored");
  },
};
async function main() {
  console.log("got", await twice);
  try {
    await rejectThenResolve;
  } catch (e) {
    console.log("caught", e.message);
  }
}
main();
