// Async arrows capturing loop variables and a shared array.
const seen = [];
const makers = [];
for (let i = 0; i < 3; i++) {
  makers.push(async (tag) => {
    seen.push(`${tag}${i}:start`);
    await i;
    seen.push(`${tag}${i}:end`);
    return i * 10;
  });
}
const run = async () => {
  const results = await Promise.all(makers.map((make) => make("m")));
  console.log(seen.join(" "));
  console.log(results.join(","));
};
run();
