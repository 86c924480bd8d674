// await of values that are not promises: the same value comes back.
async function main() {
  const obj = { k: 1 };
  const arr = [1, 2];
  const fn = function named() {};
  const sym = Symbol("s");
  console.log((await obj) === obj, (await arr) === arr, (await fn) === fn, (await sym) === sym);
  console.log(await 1n, await NaN, await -0 === 0, await "str", await null, await undefined);
  console.log((await new Map([["a", 1]])).get("a"), (await new Date(0)).getTime());
}
async function other() {
  for (let i = 0; i < 5; i++) {
    console.log("other", i);
    await i;
  }
}
main();
other();
