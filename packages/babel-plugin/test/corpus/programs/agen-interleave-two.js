// Two async generators consumed by two loops at the same time.
async function* letters(tag, n) {
  for (let i = 0; i < n; i++) {
    await null;
    yield `${tag}${i}`;
  }
}
async function drain(tag, n) {
  for await (const v of letters(tag, n)) console.log(v);
  console.log(tag, "drained");
}
drain("a", 3);
drain("b", 2);
