// Thenables as inputs to Promise.race and Promise.allSettled.
const slow = { then(resolve) { setTimeout(() => resolve("slow"), 20); } };
const fast = { then(resolve) { resolve("fast"); } };
const bad = { then(_resolve, reject) { reject(new Error("bad")); } };
async function main() {
  console.log("race", await Promise.race([slow, fast]));
  const settled = await Promise.allSettled([slow, bad, fast]);
  console.log(settled.map((r) => r.status).join(","));
}
main();
