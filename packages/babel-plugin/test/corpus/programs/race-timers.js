// Promise.race between async calls that wait on timers of different lengths.
const delay = (ms, v) => new Promise((resolve) => setTimeout(() => resolve(v), ms));
async function fetchFrom(name, ms) {
  console.log("request", name);
  const v = await delay(ms, name);
  console.log("response", v);
  return v;
}
async function main() {
  const first = await Promise.race([fetchFrom("slow", 60), fetchFrom("fast", 5), fetchFrom("medium", 30)]);
  console.log("first", first);
}
main();
