// Promise.all over async calls that take different numbers of turns.
async function take(name, turns) {
  for (let i = 0; i < turns; i++) {
    console.log(name, "turn", i);
    await null;
  }
  console.log(name, "resolves");
  return name;
}
async function main() {
  const values = await Promise.all([take("a", 2), take("b", 0), take("c", 1)]);
  console.log("all:", values.join(","));
}
main();
