// Completion order differs from result order.
const done = [];
async function task(name, turns) {
  for (let i = 0; i < turns; i++) await null;
  done.push(name);
  return name;
}
async function main() {
  const results = await Promise.all([task("slow", 4), task("fast", 0), task("mid", 2)]);
  console.log("completed:", done.join(" "));
  console.log("results:", results.join(" "));
}
main();
