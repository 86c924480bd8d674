// return() on a suspended async generator runs its finally, which awaits.
async function* gen() {
  try {
    yield "a";
    yield "b";
  } finally {
    console.log("finally start");
    await null;
    console.log("finally end");
  }
}
async function main() {
  const it = gen();
  console.log(JSON.stringify(await it.next()));
  console.log(JSON.stringify(await it.return("early")));
  console.log(JSON.stringify(await it.next()));
  const fresh = gen();
  console.log("unstarted", JSON.stringify(await fresh.return("never started")));
}
main();
