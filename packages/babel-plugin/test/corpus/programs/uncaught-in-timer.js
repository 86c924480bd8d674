// An async function awaits a timer that throws: an uncaught exception ends the program.
async function main() {
  console.log("before");
  await new Promise((resolve) => setTimeout(resolve, 5));
  console.log("after first timer");
  setTimeout(() => {
    throw new Error("thrown in a timer");
  }, 5);
  await new Promise((resolve) => setTimeout(resolve, 50));
  console.log("never printed");
}
main();
