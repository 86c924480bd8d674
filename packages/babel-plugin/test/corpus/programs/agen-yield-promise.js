// yield of a promise awaits it; yield of a rejected promise throws inside the generator.
async function* gen() {
  yield Promise.resolve("resolved");
  try {
    yield Promise.reject(new Error("rejected"));
  } catch (e) {
    console.log("generator caught", e.message);
  }
  yield "after";
}
async function main() {
  const it = gen();
  for (let i = 0; i < 4; i++) console.log(JSON.stringify(await it.next()));
}
main();
