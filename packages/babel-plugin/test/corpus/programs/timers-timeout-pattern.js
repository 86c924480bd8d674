// A timeout built from Promise.race and a timer, used twice.
const delay = (ms, v) => new Promise((resolve) => setTimeout(() => resolve(v), ms));
function withTimeout(p, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms}`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
async function slowWork(ms) {
  await delay(ms);
  return `done in ${ms}`;
}
async function main() {
  console.log(await withTimeout(slowWork(5), 50));
  try {
    await withTimeout(slowWork(80), 10);
  } catch (e) {
    console.log(e.message);
  }
}
main();
