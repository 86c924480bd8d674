// A chain a -> b -> c of awaited calls runs next to a worker that awaits plain values.
async function c() {
  console.log("c start");
  await null;
  console.log("c end");
  return "c";
}
async function b() {
  console.log("b start");
  const v = await c();
  console.log("b got", v);
  return v + "b";
}
async function a() {
  console.log("a start");
  const v = await b();
  console.log("a got", v);
}
async function ticker() {
  for (let i = 0; i < 6; i++) {
    console.log("tick", i);
    await null;
  }
}
a();
ticker();
