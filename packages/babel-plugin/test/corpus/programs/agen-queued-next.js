// Several next() calls made at once are queued and answered in order.
async function* gen() {
  for (let i = 0; i < 3; i++) {
    console.log("producing", i);
    await null;
    yield i;
  }
}
async function main() {
  const it = gen();
  const requests = [it.next(), it.next(), it.next(), it.next()];
  console.log("requested", requests.length);
  requests.forEach((p, i) => p.then((r) => console.log("answer", i, JSON.stringify(r))));
  await Promise.all(requests);
  console.log("all answered");
}
main();
