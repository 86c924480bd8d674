// yield* delegating to other async generators, with a return value from the inner one.
async function* inner(tag) {
  yield `${tag}1`;
  await null;
  yield `${tag}2`;
  return `${tag} done`;
}
async function* outer() {
  const r1 = yield* inner("a");
  console.log("inner returned", r1);
  const r2 = yield* inner("b");
  console.log("inner returned", r2);
}
async function main() {
  const seen = [];
  for await (const v of outer()) seen.push(v);
  console.log(seen.join(" "));
}
main();
