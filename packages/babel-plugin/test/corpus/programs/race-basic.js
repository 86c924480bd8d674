// Promise.race between async calls; the losers still finish.
async function runner(name, turns) {
  for (let i = 0; i < turns; i++) await null;
  console.log(name, "finished");
  return name;
}
async function main() {
  const winner = await Promise.race([runner("tortoise", 5), runner("hare", 1), runner("snail", 3)]);
  console.log("winner", winner);
  for (let i = 0; i < 6; i++) await null;
  console.log("main end");
}
main();
