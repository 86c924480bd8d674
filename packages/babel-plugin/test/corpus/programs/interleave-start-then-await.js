// Start several calls, do synchronous work, then await them in reverse order.
async function job(name, turns) {
  console.log(name, "begins");
  for (let i = 0; i < turns; i++) await i;
  console.log(name, "finishes");
  return name;
}
async function main() {
  const jobs = [job("j0", 2), job("j1", 0), job("j2", 1)];
  console.log("synchronous work");
  for (let i = jobs.length - 1; i >= 0; i--) console.log("awaited", await jobs[i]);
}
main();
console.log("after main()");
