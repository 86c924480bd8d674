// Objects whose then is not a function are plain values to await.
async function main() {
  const a = await { then: 42 };
  console.log("then is", a.then);
  const b = await { then: null, value: "b" };
  console.log(b.value);
  const fn = () => "called";
  fn.then = "not callable";
  console.log((await fn)());
}
main();
