// The result of an async call used with .catch and .finally.
async function fails() {
  await null;
  throw new Error("failed");
}
async function works() {
  await null;
  return "worked";
}
fails()
  .catch((e) => {
    console.log("catch", e.message);
    return "recovered";
  })
  .then((v) => console.log("then", v));
works()
  .finally(() => console.log("finally"))
  .then((v) => console.log("value", v));
