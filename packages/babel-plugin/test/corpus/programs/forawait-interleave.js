// Two functions looping with for await over generators, interleaving with each other.
async function* ticks(tag, n) {
  for (let i = 0; i < n; i++) yield `${tag}${i}`;
}
async function loop(tag, n) {
  for await (const t of ticks(tag, n)) {
    console.log(t);
    await null;
  }
  console.log(tag, "end");
}
loop("x", 3);
loop("y", 3);
