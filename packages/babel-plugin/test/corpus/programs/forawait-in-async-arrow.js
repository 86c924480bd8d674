// for await inside async arrows and methods, collecting into an array.
async function* source() {
  yield 1;
  yield 2;
  yield 3;
}
const collect = async (it) => {
  const out = [];
  for await (const v of it) out.push(v);
  return out;
};
const box = {
  async total(it) {
    let sum = 0;
    for await (const v of it) sum += v;
    return sum;
  },
};
async function main() {
  console.log(JSON.stringify(await collect(source())), await box.total(source()));
}
main();
