// .then chains on async results, against a plain worker.
async function value(v) {
  await null;
  return v;
}
value(1)
  .then((v) => {
    console.log("then 1", v);
    return value(v + 1);
  })
  .then((v) => {
    console.log("then 2", v);
    return v + 1;
  })
  .then((v) => console.log("then 3", v));
(async () => {
  for (let i = 0; i < 6; i++) {
    console.log("worker", i);
    await null;
  }
})();
