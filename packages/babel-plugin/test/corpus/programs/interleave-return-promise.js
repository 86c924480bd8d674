// Returning a value, an awaited value, a promise and an async call's result.
async function plain() { return "plain"; }
async function awaited() { return await "awaited"; }
async function promise() { return Promise.resolve("promise"); }
async function call() { return plain(); }
async function main() {
  const results = [];
  const all = [plain(), awaited(), promise(), call()];
  for (const p of all) p.then((v) => results.push(v));
  for (let i = 0; i < 6; i++) await null;
  console.log(results.join(" "));
  console.log(await plain(), await awaited(), await promise(), await call());
}
main();
