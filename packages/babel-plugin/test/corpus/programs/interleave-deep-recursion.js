// Async recursion 2,000 calls deep before the first await, then back up through every level.
async function down(n) {
  if (n === 0) {
    await null;
    return 0;
  }
  return 1 + (await down(n - 1));
}
async function main() {
  try {
    console.log("depth", await down(2000));
  } catch (e) {
    console.log("failed:", e.message);
  }
}
main();
